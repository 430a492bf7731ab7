/// One change to one record, as an `edit` event (or an import, or the undo of either) records it. Each
/// carries the values it sets, never a difference, so replaying it over a state that already has it is harmless.
public struct RecordChange: Equatable, Sendable {
    public enum Operation: String, Sendable {
        /// Creates the record with these values (or sets them all, when replay meets it again).
        case add
        /// Sets one field, from the value the author saw to a new one.
        case set
        /// Takes a record out of use; it stays in history and exports.
        case retire
        /// Puts a retired record back in use (the undo of a retire).
        case restore
        /// Takes a record away altogether (the undo of an add).
        case remove
    }

    public var operation: Operation
    public var kind: RecordKind
    public var id: String
    /// `add`: every field. `set`: the one field, in `field`, `from` and `to`.
    public var values: [String: RecordValue]
    public var field: String?
    public var from: RecordValue
    public var to: RecordValue

    public static func add(_ record: Record) -> RecordChange {
        RecordChange(operation: .add, kind: record.kind, id: record.id, values: record.values, field: nil, from: .none, to: .none)
    }

    public static func set(_ kind: RecordKind, _ id: String, _ field: String, from: RecordValue, to: RecordValue) -> RecordChange {
        RecordChange(operation: .set, kind: kind, id: id, values: [:], field: field, from: from, to: to)
    }

    public static func retire(_ kind: RecordKind, _ id: String) -> RecordChange { bare(.retire, kind, id) }
    public static func restore(_ kind: RecordKind, _ id: String) -> RecordChange { bare(.restore, kind, id) }
    public static func remove(_ kind: RecordKind, _ id: String) -> RecordChange { bare(.remove, kind, id) }

    private static func bare(_ operation: Operation, _ kind: RecordKind, _ id: String) -> RecordChange {
        RecordChange(operation: operation, kind: kind, id: id, values: [:], field: nil, from: .none, to: .none)
    }

    public var record: Record { Record(kind: kind, id: id, values: values) }

    /// What takes this change back.
    public var reversed: RecordChange {
        switch operation {
        case .add: return .remove(kind, id)
        case .set: return .set(kind, id, field ?? "", from: to, to: from)
        case .retire: return .restore(kind, id)
        case .restore: return .retire(kind, id)
        case .remove: return .add(record)
        }
    }

    /// `end: 2022-03-31 → 2023-03-31`, `added project "x"`: for history and previews.
    public var summary: String {
        switch operation {
        case .add: return "added \(kind.label) \(id)"
        case .set:
            let label = field.flatMap { kind.field($0)?.label.lowercased() } ?? field ?? "?"
            return "\(label): \(from.display) → \(to.display)"
        case .retire: return "retired \(kind.label) \(id)"
        case .restore: return "restored \(kind.label) \(id)"
        case .remove: return "took back the adding of \(kind.label) \(id)"
        }
    }

    var json: JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("op", .string(operation.rawValue)), ("record", .string(kind.rawValue)), ("id", .string(id)),
        ]
        switch operation {
        case .add: members.append(("values", record.json))
        case .set: members += [("field", .string(field ?? "")), ("from", from.json), ("to", to.json)]
        default: break
        }
        return .object(members)
    }

    /// Throws the reason when the JSON is not a change Caseboard understands.
    static func decode(_ node: JSONNode) throws(EditRefusal) -> RecordChange {
        guard case .object(let members) = node.value else { throw EditRefusal("a change must be an object") }
        var fields: [String: JSONValue] = [:]
        for member in members { fields[member.key] = member.node.value }
        guard case .string(let opText)? = fields["op"], let operation = Operation(rawValue: opText) else {
            throw EditRefusal("a change needs \"op\": add, set, retire, restore or remove")
        }
        guard case .string(let kindText)? = fields["record"], let kind = RecordKind(rawValue: kindText) else {
            throw EditRefusal("a change needs \"record\": " + RecordKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard case .string(let id)? = fields["id"], !id.isEmpty else { throw EditRefusal("a change needs an \"id\"") }
        var change = bare(operation, kind, id)
        switch operation {
        case .add:
            guard case .object(let valueMembers)? = fields["values"] else { throw EditRefusal("an add needs \"values\"") }
            for member in valueMembers {
                guard let value = RecordValue(json: member.node.value) else {
                    throw EditRefusal("value \"\(member.key)\" must be a string, an integer, a list of strings or null")
                }
                change.values[member.key] = value
            }
        case .set:
            guard case .string(let field)? = fields["field"], let from = fields["from"].flatMap(RecordValue.init(json:)),
                let to = fields["to"].flatMap(RecordValue.init(json:))
            else { throw EditRefusal("a set needs \"field\", \"from\" and \"to\"") }
            change.field = field
            change.from = from
            change.to = to
        default: break
        }
        return change
    }
}
