import Foundation

/// Where tables, keys and strings are in a TOML file's text, for messages that point at a line and column:
/// TOMLKit hands back values without positions, so semantic problems are located here.
struct SourceMap {
    struct Entry {
        /// The table the key belongs to, as dotted parts: `["keys"]`, `["views", "at-risk"]`.
        var table: [String]
        var key: String
        var line: Int
        var column: Int
    }

    struct Header {
        var table: [String]
        var line: Int
        var column: Int
    }

    private(set) var entries: [Entry] = []
    private(set) var headers: [Header] = []
    private let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var table: [String] = []
        for (index, raw) in lines.enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            let column = line.count - trimmed.count + 1
            if trimmed.hasPrefix("[[") {
                table = Self.parts(trimmed.dropFirst(2).prefix { $0 != "]" })
                headers.append(Header(table: table, line: index + 1, column: column))
            } else if trimmed.hasPrefix("[") {
                table = Self.parts(trimmed.dropFirst().prefix { $0 != "]" })
                headers.append(Header(table: table, line: index + 1, column: column))
            } else if !trimmed.hasPrefix("#"), let equals = Self.keyEnd(trimmed) {
                let dotted = Self.parts(trimmed[..<equals])
                guard let key = dotted.last else { continue }
                entries.append(Entry(table: table + dotted.dropLast(), key: key, line: index + 1, column: column))
            }
        }
    }

    /// Where `key` of `table` is set; else where the table starts; else the top of the file.
    func position(ofKey key: String, in table: [String]) -> (line: Int, column: Int) {
        if let entry = entries.first(where: { $0.table == table && $0.key == key }) { return (entry.line, entry.column) }
        return position(ofTable: table)
    }

    func position(ofTable table: [String]) -> (line: Int, column: Int) {
        if let header = headers.first(where: { $0.table == table }) { return (header.line, header.column) }
        if let entry = entries.first(where: { $0.table.starts(with: table) }) { return (entry.line, entry.column) }
        return (1, 1)
    }

    /// Where the string `value` is written in the value of `key` (which may span lines, as arrays do).
    func position(ofString value: String, inKey key: String, of table: [String]) -> (line: Int, column: Int) {
        guard let index = entries.firstIndex(where: { $0.table == table && $0.key == key }) else {
            return position(ofKey: key, in: table)
        }
        let entry = entries[index]
        let lastLine = index + 1 < entries.count ? max(entry.line, entries[index + 1].line - 1) : lines.count
        for number in entry.line...max(entry.line, lastLine) where number - 1 < lines.count {
            for quote in ["\"", "'"] {
                if let range = lines[number - 1].range(of: quote + value + quote) {
                    return (number, lines[number - 1].distance(from: lines[number - 1].startIndex, to: range.lowerBound) + 1)
                }
            }
        }
        return (entry.line, entry.column)
    }

    /// `a."b c".d` → ["a", "b c", "d"].
    static func parts(_ text: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts
    }

    /// The index of the `=` that ends a key at the start of `line`, outside quotes; nil when it is not a key line.
    static func keyEnd(_ line: Substring) -> Substring.Index? {
        var quote: Character?
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "=" {
                return index
            } else if character == "#" {
                return nil
            }
            index = line.index(after: index)
        }
        return nil
    }
}
