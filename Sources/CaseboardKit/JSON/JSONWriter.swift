/// A value to write: objects keep the key order they are given, so files diff cleanly under git.
public indirect enum JSONOutput {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case null
    case array([JSONOutput])
    case object([(String, JSONOutput)])
}

/// Writes JSON with two-space indentation, one field per line, and arrays of plain values on one line.
public enum JSONWriter {
    public static func write(_ value: JSONOutput) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        out.append("\n")
        return out
    }

    /// One line, no spaces: for JSON Lines.
    public static func compact(_ value: JSONOutput) -> String {
        var out = ""
        writeCompact(value, into: &out)
        return out
    }

    private static func isScalar(_ value: JSONOutput) -> Bool {
        switch value {
        case .array, .object: return false
        default: return true
        }
    }

    private static func write(_ value: JSONOutput, indent: Int, into out: inout String) {
        switch value {
        case .array(let items) where items.isEmpty:
            out.append("[]")
        case .array(let items) where items.allSatisfy(isScalar):
            out.append("[")
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(", ") }
                writeCompact(item, into: &out)
            }
            out.append("]")
        case .array(let items):
            out.append("[\n")
            for (index, item) in items.enumerated() {
                out.append(String(repeating: " ", count: indent + 2))
                write(item, indent: indent + 2, into: &out)
                out.append(index == items.count - 1 ? "\n" : ",\n")
            }
            out.append(String(repeating: " ", count: indent) + "]")
        case .object(let members) where members.isEmpty:
            out.append("{}")
        case .object(let members):
            out.append("{\n")
            for (index, member) in members.enumerated() {
                out.append(String(repeating: " ", count: indent + 2))
                appendString(member.0, into: &out)
                out.append(": ")
                write(member.1, indent: indent + 2, into: &out)
                out.append(index == members.count - 1 ? "\n" : ",\n")
            }
            out.append(String(repeating: " ", count: indent) + "}")
        default:
            writeCompact(value, into: &out)
        }
    }

    private static func writeCompact(_ value: JSONOutput, into out: inout String) {
        switch value {
        case .string(let text): appendString(text, into: &out)
        case .integer(let number): out.append(String(number))
        case .bool(let flag): out.append(flag ? "true" : "false")
        case .null: out.append("null")
        case .array(let items):
            out.append("[")
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(",") }
                writeCompact(item, into: &out)
            }
            out.append("]")
        case .object(let members):
            out.append("{")
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(",") }
                appendString(member.0, into: &out)
                out.append(":")
                writeCompact(member.1, into: &out)
            }
            out.append("}")
        }
    }

    static func appendString(_ text: String, into out: inout String) {
        out.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }
}
