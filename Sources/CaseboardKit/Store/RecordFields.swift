/// The fields of one record, read with checks that report problems instead of throwing.
struct RecordFields {
    let file: SourceFile
    /// How the record is named in messages: `project "gangs-schools"` or `project #3`.
    private(set) var label: String
    let offset: Int
    private var fields: [String: JSONMember] = [:]

    /// Nil (with a problem reported) when the element is not an object.
    init?(file: SourceFile, kind: String, node: JSONNode, index: Int, allowed: [String]) {
        self.file = file
        self.offset = node.offset
        self.label = "\(kind) #\(index + 1)"
        guard case .object(let members) = node.value else {
            file.report(at: node.offset, "\(label): expected an object, found \(node.value.typeName)")
            return nil
        }
        if let idMember = members.first(where: { $0.key == "id" }), case .string(let id) = idMember.node.value {
            label = "\(kind) \"\(id)\""
        }
        for member in members {
            if fields[member.key] != nil {
                file.report(at: member.keyOffset, "\(label): field \"\(member.key)\" appears twice")
            } else if !allowed.contains(member.key) {
                file.report(at: member.keyOffset, "\(label): unknown field \"\(member.key)\"\(suggestion(member.key, allowed))")
            }
            fields[member.key] = member
        }
    }

    private func suggestion(_ key: String, _ allowed: [String]) -> String {
        let folded = key.lowercased().replacingOccurrences(of: "-", with: "_")
        if let near = allowed.first(where: { $0 == folded || $0.hasPrefix(folded) || folded.hasPrefix($0) }) {
            return "; did you mean \"\(near)\"?"
        }
        return "; allowed fields are " + allowed.joined(separator: ", ")
    }

    func has(_ key: String) -> Bool { fields[key] != nil }

    func offset(of key: String) -> Int { fields[key]?.node.offset ?? offset }

    func report(_ key: String, _ message: String) {
        file.report(at: offset(of: key), "\(label): field \"\(key)\": \(message)")
    }

    func reportMissing(_ key: String) {
        file.report(at: offset, "\(label): missing required field \"\(key)\"")
    }

    /// A string; nil when absent (reported if required) or of the wrong type.
    func string(_ key: String, required: Bool = true, allowEmpty: Bool = false) -> String? {
        guard let member = fields[key] else {
            if required { reportMissing(key) }
            return nil
        }
        guard case .string(let text) = member.node.value else {
            report(key, "expected a string, found \(member.node.value.typeName)")
            return nil
        }
        if !allowEmpty && Self.isBlank(text) {
            report(key, "must not be empty")
            return nil
        }
        return text
    }

    /// Empty or only spaces and tabs (any Unicode space separator counts).
    static func isBlank(_ text: String) -> Bool {
        for byte in text.utf8 where byte != 0x20 && byte != 0x09 {
            if byte < 0x80 { return false }
            return text.unicodeScalars.allSatisfy { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
        }
        return true
    }

    /// An array of strings; each bad element is reported at its own position.
    func strings(_ key: String, required: Bool = false) -> [(String, Int)]? {
        guard let member = fields[key] else {
            if required { reportMissing(key) }
            return nil
        }
        guard case .array(let items) = member.node.value else {
            report(key, "expected an array of strings, found \(member.node.value.typeName)")
            return nil
        }
        var out: [(String, Int)] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item.value else {
                file.report(
                    at: item.offset, "\(label): field \"\(key)\" item \(index + 1): expected a string, found \(item.value.typeName)")
                continue
            }
            out.append((text, item.offset))
        }
        return out
    }

    /// An amount in pence: a non-negative integer that fits in 64 bits.
    func pence(_ key: String) -> Pence? {
        guard let member = fields[key] else {
            reportMissing(key)
            return nil
        }
        switch member.node.value {
        case .integer(let value):
            if value < 0 {
                report(key, "amount must not be negative (found \(value))")
                return nil
            }
            return value
        case .hugeInteger(let text):
            report(key, "amount \(text) is too large (the most is \(Int64.max) pence)")
        case .fraction:
            report(key, "amounts are whole pence: write an integer, e.g. 112139500 for £1,121,395")
        default:
            report(key, "expected an integer amount in pence, found \(member.node.value.typeName)")
        }
        return nil
    }

    /// `"retired": true` marks a record taken out of use; absent means in use.
    func retired() -> Bool {
        guard let member = fields["retired"] else { return false }
        guard case .bool(let flag) = member.node.value else {
            report("retired", "expected true or false, found \(member.node.value.typeName)")
            return false
        }
        return flag
    }

    func provenance() -> Provenance? {
        guard let text = string("provenance", required: false) else { return nil }
        guard let value = Provenance(rawValue: text) else {
            report("provenance", "unknown provenance \"\(text)\"; expected report or illustrative")
            return nil
        }
        return value
    }

    /// An optional amount in pence.
    func optionalPence(_ key: String) -> Pence? { has(key) ? pence(key) : nil }

    /// The elements of an array of objects.
    func objects(_ key: String) -> [JSONNode]? {
        guard let member = fields[key] else { return nil }
        guard case .array(let items) = member.node.value else {
            report(key, "expected an array, found \(member.node.value.typeName)")
            return nil
        }
        return items
    }
}
