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
            case _ where mustEscape(scalar):
                let hex = String(scalar.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }

    /// Controls that JSON allows raw but a terminal or a JavaScript reader would act on: DEL, C1 (some
    /// terminals take U+009B as ESC [), the line and paragraph separators and the bidirectional controls.
    /// Escaped, the output is safe to show on a terminal as it is and still parses back to the same string.
    static func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
