import Foundation

/// Turns a file's bytes into text the way Excel saved it: UTF-8 (with or without a byte-order mark), or
/// Windows-1252 when the bytes are not UTF-8 (Excel's "CSV (Comma delimited)" on a UK Windows machine).
public enum TextDecoding {
    public enum Encoding: Equatable, Sendable {
        case utf8
        case windows1252

        public var name: String { self == .utf8 ? "UTF-8" : "Windows-1252" }
    }

    /// Nil when the bytes are neither: a byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: Encoding)? {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let text = String(validating: body, as: UTF8.self) { return (text, .utf8) }
        return String(bytes: body, encoding: .windowsCP1252).map { ($0, .windows1252) }
    }
}
