import Foundation

/// Which column of the spreadsheet fills which field, found from its header row.
struct ColumnMatch {
    /// Field name (or `id`) → column index.
    var columns: [String: Int] = [:]
    /// Headers that fill nothing, for the preview: `"Funding (£)"`, `"lead" (lead_id is used)`.
    var unused: [String] = []
    var problems: [ImportProblem] = []

    init(header: ImportRow, kind: RecordKind, mapping: ImportMapping) {
        var best: [String: (column: Int, rank: Int)] = [:]
        var losers: [(column: Int, field: String)] = []
        for (column, raw) in header.cells.enumerated() {
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
            let found: (field: String, rank: Int)?
            if let mapped = mapping.field(for: text) {
                if mapped == ImportMapping.ignore { continue }
                found = (mapped, ImportHeaders.mappedRank)
            } else {
                found = ImportHeaders.field(for: text, kind)
            }
            guard let found else {
                unused.append("\"\(text)\"")
                continue
            }
            if let current = best[found.field] {
                if current.rank == found.rank {
                    problems.append(
                        ImportProblem(
                            row: header.number, column: column,
                            "\"\(text)\" and column \(ImportTable.columnLetters(current.column)) (\"\(header.cell(current.column))\") both fill "
                                + "\(Self.label(found.field, kind)); remove one, or map one to \"ignore\" in a --map file"))
                } else if current.rank > found.rank {
                    losers.append((column, found.field))
                } else {
                    losers.append((current.column, found.field))
                    best[found.field] = (column, found.rank)
                }
            } else {
                best[found.field] = (column, found.rank)
            }
        }
        columns = best.mapValues(\.column)
        for loser in losers.sorted(by: { $0.column < $1.column }) {
            let winner = best[loser.field]?.column ?? loser.column
            unused.append("\"\(header.cell(loser.column))\" (\"\(header.cell(winner))\" is used)")
        }
    }

    static func label(_ field: String, _ kind: RecordKind) -> String {
        field == "id" ? "the id" : kind.field(field)?.label ?? field
    }

    /// How many of a row's headers the importer recognises: the header row is the first with two or more.
    static func recognised(_ row: ImportRow, kind: RecordKind, mapping: ImportMapping) -> Int {
        row.cells.filter { cell in
            let text = cell.trimmingCharacters(in: .whitespacesAndNewlines)
            return !text.isEmpty && (mapping.field(for: text) != nil || ImportHeaders.field(for: text, kind) != nil)
        }.count
    }
}
