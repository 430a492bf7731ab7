/// Turns a worksheet's cells into text, by the type and style Excel gave each.
struct CellReader {
    var strings: [String]
    var dateStyles: Set<Int>
    var date1904: Bool

    func rows(_ worksheet: XLSXParts.Worksheet, part: String) throws(XLSXReadError) -> [XLSXRow] {
        var out: [XLSXRow] = []
        var lastRow = 0
        for row in worksheet.sheetData?.row ?? [] {
            let number = row.r.flatMap(Int.init) ?? lastRow + 1
            guard number > lastRow else { throw .damaged(part: part, detail: "row \(number) comes after row \(lastRow)") }
            lastRow = number
            var cells: [String] = []
            var errors: [Int: String] = [:]
            for cell in row.c ?? [] {
                let column = cell.r.flatMap(Self.column(of:)) ?? cells.count
                guard column >= cells.count else {
                    throw .damaged(part: part, detail: "cell \(cell.r ?? "?") is out of order in row \(number)")
                }
                cells += Array(repeating: "", count: column - cells.count)
                switch value(cell) {
                case .success(let text): cells.append(text)
                case .failure(let error):
                    cells.append("")
                    errors[column] = error.message
                }
            }
            while let last = cells.last, last.isEmpty, errors[cells.count - 1] == nil { cells.removeLast() }
            out.append(XLSXRow(number: number, cells: cells, errors: errors))
        }
        return out
    }

    struct CellError: Error { var message: String }

    func value(_ cell: XLSXParts.Worksheet.Cell) -> Result<String, CellError> {
        let raw = cell.v?.value ?? ""
        switch cell.t ?? "n" {
        case "s":
            guard let index = Int(raw), strings.indices.contains(index) else {
                return .failure(CellError(message: "the workbook is damaged: shared string \(raw) is missing"))
            }
            return .success(strings[index])
        case "inlineStr": return .success(cell.inline?.text ?? raw)
        case "str": return .success(raw)
        case "b": return .success(raw == "1" ? "TRUE" : "FALSE")
        case "e": return .failure(CellError(message: raw.isEmpty ? "#VALUE!" : raw))
        case "d": return .success(String(raw.prefix(10)))
        default:
            if raw.isEmpty { return .success("") }
            guard let style = cell.s.flatMap(Int.init), dateStyles.contains(style) else { return .success(XLSXNumbers.number(raw)) }
            guard let date = XLSXNumbers.date(serial: raw, date1904: date1904) else {
                return .failure(CellError(message: "a date cell whose value \(raw) is no real day (Excel's 29 February 1900?)"))
            }
            return .success(date)
        }
    }

    /// `C5` → 2 (columns from 0).
    static func column(of reference: String) -> Int? {
        var number = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            number = number * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters > 0 && letters <= 3 ? number - 1 : nil
    }
}
