/// A spreadsheet's rows as the importer reads them, from a CSV file or one sheet of a workbook.
public struct ImportTable: Equatable, Sendable {
    /// How messages name it: `projects.csv`, `programmes.xlsx[Projects]`.
    public var source: String
    public var rows: [ImportRow]
    /// CSV only: `caseboard export` puts a `'` before a cell a spreadsheet could run as a formula, and reading
    /// it back takes that off again. A workbook's text cells are never formulas, so they keep every character.
    public var guardedFormulas: Bool

    public init(source: String, rows: [ImportRow], guardedFormulas: Bool) {
        self.source = source
        self.rows = rows
        self.guardedFormulas = guardedFormulas
    }
}

public struct ImportRow: Equatable, Sendable {
    /// The row number the spreadsheet shows, from 1.
    public var number: Int
    public var cells: [String]
    /// Cells the spreadsheet itself marks as errors (`#N/A`, `#REF!`), by index from 0.
    public var errors: [Int: String]

    public init(number: Int, cells: [String], errors: [Int: String] = [:]) {
        self.number = number
        self.cells = cells
        self.errors = errors
    }

    public func cell(_ index: Int) -> String { index < cells.count ? cells[index] : "" }

    public var isBlank: Bool {
        errors.isEmpty && cells.allSatisfy { $0.allSatisfy { $0.isWhitespace } }
    }
}

extension ImportTable {
    /// A CSV file's rows, numbered as a spreadsheet numbers them.
    public static func csv(_ table: CSVReader.Table, source: String) -> ImportTable {
        let rows = table.rows.enumerated().map { ImportRow(number: $0.offset + 1, cells: $0.element) }
        return ImportTable(source: source, rows: rows, guardedFormulas: true)
    }

    /// `A`, `B` … `Z`, `AA`: how a spreadsheet names the column at this index (from 0).
    public static func columnLetters(_ index: Int) -> String {
        var number = index + 1
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }
}

/// One thing wrong with an import, where the spreadsheet has it.
public struct ImportProblem: Equatable, Sendable {
    /// Set for a problem in the --map file rather than the spreadsheet.
    public var file: String?
    public var row: Int?
    /// Index from 0; shown as the column's letter.
    public var column: Int?
    public var message: String

    public init(file: String? = nil, row: Int?, column: Int?, _ message: String) {
        self.file = file
        self.row = row
        self.column = column
        self.message = message
    }

    /// `programmes.xlsx[Projects]:7:D: message`, `projects.csv:4: message` or `projects.csv: message`.
    public func line(in source: String) -> String {
        var place = file ?? source
        if let row { place += ":\(row)" }
        if let column { place += ":" + ImportTable.columnLetters(column) }
        return place + ": " + message
    }
}
