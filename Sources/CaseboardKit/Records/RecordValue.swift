/// A field's value as the journal records it: absolute, so replaying an event twice sets the same thing.
public enum RecordValue: Equatable, Hashable, Sendable {
    case none
    case text(String)
    case list([String])
    case pence(Pence)

    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    public var list: [String] {
        switch self {
        case .list(let values): return values
        case .text(let value): return [value]
        default: return []
        }
    }

    public var pence: Pence? {
        if case .pence(let value) = self { return value }
        return nil
    }

    public var isNone: Bool {
        switch self {
        case .none: return true
        case .text(let value): return value.isEmpty
        case .list(let values): return values.isEmpty
        case .pence: return false
        }
    }

    /// The same value, an empty one the same as a missing one: how edits, imports and undo compare values.
    public func matches(_ other: RecordValue) -> Bool { self == other || (isNone && other.isNone) }

    static func optional(_ text: String?) -> RecordValue { text.map { $0.isEmpty ? .none : .text($0) } ?? .none }
    static func optional(_ pence: Pence?) -> RecordValue { pence.map(RecordValue.pence) ?? .none }

    /// How the value reads in messages, history and previews: `2022-03-31`, `£1,250`, `leeds, kirklees`, `(none)`.
    public var display: String {
        switch self {
        case .none: return "(none)"
        case .text(let value): return value.isEmpty ? "(none)" : value
        case .list(let values): return values.isEmpty ? "(none)" : values.joined(separator: ", ")
        case .pence(let value): return Money.format(value)
        }
    }

    var json: JSONOutput {
        switch self {
        case .none: return .null
        case .text(let value): return .string(value)
        case .list(let values): return .array(values.map { .string($0) })
        case .pence(let value): return .integer(value)
        }
    }

    /// Nil when the JSON is not one of the four shapes.
    init?(json: JSONValue) {
        switch json {
        case .null: self = .none
        case .string(let value): self = .text(value)
        case .integer(let value): self = .pence(value)
        case .array(let items):
            var values: [String] = []
            for item in items {
                guard case .string(let value) = item.value else { return nil }
                values.append(value)
            }
            self = .list(values)
        default: return nil
        }
    }
}

/// A record as a set of field values: the form the journal, forms, the command line and import share.
public struct Record: Equatable, Sendable {
    public var kind: RecordKind
    public var id: String
    public var values: [String: RecordValue]

    public init(kind: RecordKind, id: String, values: [String: RecordValue]) {
        self.kind = kind
        self.id = id
        self.values = values
    }

    public subscript(field: String) -> RecordValue {
        get { values[field] ?? .none }
        set { values[field] = newValue }
    }

    /// The fields as one compact JSON object, for exports.
    public var jsonText: String { JSONWriter.compact(json) }

    /// Fields in the kind's order, with empty ones left out: what an `add` event stores.
    var json: JSONOutput {
        .object(kind.fields.compactMap { spec in self[spec.name].isNone ? nil : (spec.name, self[spec.name].json) })
    }
}
