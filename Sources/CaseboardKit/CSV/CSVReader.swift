/// Reads CSV as spreadsheets write it (RFC 4180): quoted fields holding commas, line breaks and doubled quotes,
/// rows ending in CRLF, LF or a lone CR, and a last row with or without a line end.
///
/// Hand-written rather than SwiftCSV 0.10.0 (checked first): SwiftCSV splits on Characters, so a comma followed
/// by a combining mark is not seen as a comma and two cells run together; it accepts a quote left open at the end
/// of the file without a word; and its errors and rows carry no position, which `FILE:ROW:COLUMN` messages need.
/// Like CSVWriter, this works on Unicode scalars.
public enum CSVReader {
    /// The rows (row 1 first, as a spreadsheet numbers them: a cell holding a line break does not start a new
    /// row), and anything that was not well-formed.
    public struct Table: Equatable, Sendable {
        public var rows: [[String]]
        public var problems: [Problem]
    }

    /// A syntax problem at a row and column, both counted from 1.
    public struct Problem: Equatable, Sendable {
        public var row: Int
        public var column: Int
        public var message: String
    }

    private enum State { case fieldStart, unquoted, quoted, afterQuote }

    public static func parse(_ text: String) -> Table {
        var rows: [[String]] = []
        var problems: [Problem] = []
        var row: [String] = []
        var field = String.UnicodeScalarView()
        var state = State.fieldStart
        var openedAt = (row: 1, column: 1)
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endField() {
            row.append(String(field))
            field = String.UnicodeScalarView()
            state = .fieldStart
        }
        func endRow() {
            endField()
            rows.append(row)
            row = []
        }

        while let scalar = pending ?? scalars.next() {
            pending = nil
            // A CR followed by LF is one line end, inside a quoted cell too (where it is kept as LF).
            var scalar = scalar
            if scalar == "\r" {
                let next = scalars.next()
                if next != "\n" { pending = next }
                scalar = "\n"
            }
            switch state {
            case .fieldStart, .unquoted:
                switch scalar {
                case ",": endField()
                case "\n": endRow()
                case "\"" where state == .fieldStart:
                    state = .quoted
                    openedAt = (rows.count + 1, row.count + 1)
                default:
                    // A quote inside an unquoted cell is a character, as spreadsheets read it.
                    field.append(scalar)
                    state = .unquoted
                }
            case .quoted:
                if scalar == "\"" { state = .afterQuote } else { field.append(scalar) }
            case .afterQuote:
                switch scalar {
                case "\"":
                    field.append("\"")
                    state = .quoted
                case ",": endField()
                case "\n": endRow()
                default:
                    problems.append(
                        Problem(
                            row: rows.count + 1, column: row.count + 1,
                            message: "text after the closing quote; a quoted cell must end at a comma or a line end"))
                    field.append(scalar)
                    state = .unquoted
                }
            }
        }
        if state == .quoted {
            problems.append(
                Problem(
                    row: openedAt.row, column: openedAt.column,
                    message: "this cell's opening quote is never closed, so it runs to the end of the file"))
        }
        if state != .fieldStart || !row.isEmpty { endRow() }
        return Table(rows: rows, problems: problems)
    }
}
