import CaseboardKit
import TOMLKit

/// Reads a `caseboard import --map` file (docs/import.md): `[columns]` maps the spreadsheet's headers to fields,
/// `[values]` gives every row a value, `[defaults]` fills new records' blanks. Which fields exist is checked by
/// the importer, which knows the kind of record.
public enum ImportMapFile {
    static let sections = ["columns", "values", "defaults"]

    public static func parse(_ text: String, source: String) -> (mapping: ImportMapping, problems: [ConfigProblem]) {
        var mapping = ImportMapping(source: source)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return (mapping, [ConfigProblem(line: error.source.begin.line, column: error.source.begin.column, error.description)])
        } catch {
            return (mapping, [ConfigProblem(line: 1, column: 1, "\(error)")])
        }
        let places = SourceMap(text)
        var problems: [ConfigProblem] = []
        func problem(_ at: (line: Int, column: Int), _ message: String) {
            problems.append(ConfigProblem(line: at.line, column: at.column, message))
        }
        for key in table.keys where !sections.contains(key) {
            problem(places.position(ofTable: [key]), "unknown section \"\(key)\"; use [columns], [values] and [defaults]")
        }
        for section in sections {
            guard let value = table[section] else { continue }
            guard let entries = value.table else {
                problem(places.position(ofKey: section, in: []), "\(section) must be a table: [\(section)]")
                continue
            }
            var read: [(at: (line: Int, column: Int), entry: ImportMapping.Entry)] = []
            for key in entries.keys {
                let at = places.position(ofKey: key, in: [section])
                guard let text = entries[key].flatMap(Self.text) else {
                    problem(at, "\(key) must be a string in quotes, a number, or a list of strings")
                    continue
                }
                read.append((at, ImportMapping.Entry(key, text)))
            }
            // In the file's order, whatever order the TOML library keeps keys in.
            let ordered = read.sorted { ($0.at.line, $0.at.column) < ($1.at.line, $1.at.column) }.map(\.entry)
            switch section {
            case "columns": mapping.columns = ordered
            case "values": mapping.values = ordered
            default: mapping.defaults = ordered
            }
        }
        return (mapping, problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }

    /// A string as it is, a whole number as digits, a list of strings joined by "; " (as a cell lists them).
    static func text(_ value: TOMLValueConvertible) -> String? {
        if let text = value.string { return text }
        if let number = value.int { return String(number) }
        if let array = value.array {
            let items = array.compactMap { $0.string }
            return items.count == array.count ? items.joined(separator: "; ") : nil
        }
        return nil
    }
}
