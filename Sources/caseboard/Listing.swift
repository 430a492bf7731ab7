import CaseboardKit
import CaseboardXLSX
import Foundation
import TerminalKit

/// One cell of a listing, in the forms the output formats need.
struct Field {
    var display: String
    var csv: String
    var json: JSONOutput
    var sortKey: SortKey
    /// The typed spreadsheet cell: text stays text (ids and phone numbers keep their leading zeros).
    var xlsx: XLSXCell

    enum SortKey: Comparable {
        case text(String)
        case number(Int64)
    }

    static func text(_ value: String) -> Field {
        Field(display: value, csv: value, json: .string(value), sortKey: .text(SearchKeys.fold(value)), xlsx: .text(value))
    }

    /// A date (YYYY-MM-DD) or UTC time, shown and exported as text but a real date in a workbook.
    static func date(_ value: String) -> Field {
        var field = text(value)
        field.xlsx = XLSXCell.dateOrText(value)
        return field
    }

    static func list(_ values: [String]) -> Field {
        let joined = values.joined(separator: ", ")
        let csv = values.joined(separator: "; ")
        return Field(
            display: joined, csv: csv, json: .array(values.map { .string($0) }), sortKey: .text(joined), xlsx: .text(csv))
    }

    static func money(_ pence: Pence, compact: Bool = false) -> Field {
        let pounds = "\(pence / 100).\(String(format: "%02lld", pence % 100))"
        return Field(
            display: compact ? Money.compact(pence) : Money.format(pence), csv: pounds, json: .integer(pence),
            sortKey: .number(pence), xlsx: .money(pence: pence))
    }

    static func count(_ value: Int) -> Field {
        Field(
            display: String(value), csv: String(value), json: .integer(Int64(value)), sortKey: .number(Int64(value)),
            xlsx: .number(Int64(value)))
    }
}

struct Column {
    var id: String
    var header: String
    var alignRight = false
    /// Amount columns are named `…_pence` in JSON and `…_gbp` in CSV.
    var isMoney = false
}

/// A table of records ready to print as an aligned table, CSV or JSON.
struct Listing {
    var columns: [Column]
    var rows: [[Field]]

    func sorted(by field: String?) throws -> Listing {
        guard let field else { return self }
        guard let index = columns.firstIndex(where: { $0.id == field }) else {
            throw UsageError("unknown sort field \"\(field)\"; use one of: " + columns.map(\.id).joined(separator: ", "))
        }
        var copy = self
        copy.rows = rows.enumerated().sorted { a, b in
            a.element[index].sortKey != b.element[index].sortKey
                ? a.element[index].sortKey < b.element[index].sortKey : a.offset < b.offset
        }.map(\.element)
        return copy
    }

    func table() -> String {
        var widths = columns.map { DisplayWidth.of($0.header) }
        let cells = rows.map { $0.map { Sanitizer.clean($0.display) } }
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], min(DisplayWidth.of(cell), 48)) }
        }
        func line(_ values: [String]) -> String {
            values.enumerated().map { index, value in
                let last = index == values.count - 1
                let text = DisplayWidth.pad(value, to: widths[index], alignRight: columns[index].alignRight)
                return last && !columns[index].alignRight ? DisplayWidth.truncate(value, to: 48) : text
            }.joined(separator: "  ")
        }
        var out = line(columns.map(\.header)) + "\n"
        for row in cells { out += line(row) + "\n" }
        return out
    }

    /// The column names CSV and workbooks use: amounts are `…_gbp`.
    var csvHeader: [String] { columns.map { $0.isMoney ? $0.id + "_gbp" : $0.id } }

    /// RFC 4180 CSV, with every cell guarded against running as a spreadsheet formula. For Excel, the text
    /// starts with a UTF-8 byte-order mark and rows end in CRLF (line breaks inside quoted fields are kept).
    func csv(excel: Bool = false) -> String {
        let table = CSVWriter.table(
            header: csvHeader, rows: rows.map { $0.map { FormulaGuard.neutralise($0.csv) } }, lineEnd: excel ? "\r\n" : "\n")
        return excel ? "\u{FEFF}" + table : table
    }

    /// A worksheet of typed cells. No formula guard: every text cell is typed as a string, so it cannot run.
    func sheet(named name: String) -> XLSXSheet {
        XLSXSheet(name: name, header: csvHeader, rows: rows.map { $0.map(\.xlsx) })
    }

    func json() -> String { JSONWriter.write(jsonValue) }

    func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: return table()
        case .csv: return csv()
        case .json: return json()
        }
    }
}

struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
