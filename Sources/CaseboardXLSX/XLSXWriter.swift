import Foundation
import ZIPFoundation

/// One worksheet: a header row of column names, then the records.
public struct XLSXSheet: Sendable {
    public var name: String
    public var header: [String]
    public var rows: [[XLSXCell]]

    public init(name: String, header: [String], rows: [[XLSXCell]]) {
        self.name = name
        self.header = header
        self.rows = rows
    }
}

/// Writes an Office Open XML workbook (.xlsx): the XML parts are generated here as text and zipped with
/// ZIPFoundation. Cells are typed (strings, numbers, dates, money); no cell is ever written as a formula.
public enum XLSXWriter {
    /// Style indexes into styles.xml's cellXfs.
    enum Style: Int {
        case plain = 0
        case header
        case date
        case dateTime
        case money
    }

    /// The whole workbook as the bytes of an .xlsx file.
    public static func workbook(_ sheets: [XLSXSheet]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbookXML(sheets.map(\.name))),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", stylesXML),
        ]
        for (index, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", sheetXML(sheet))) }
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: Date(timeIntervalSince1970: 0),
                compressionMethod: .deflate,
                provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
        }
        guard let data = archive.data else { throw XLSXError.noData }
        return data
    }

    public enum XLSXError: Error, CustomStringConvertible {
        case noData
        public var description: String { "the workbook could not be assembled in memory" }
    }

    /// Text safe inside an XML element or attribute: markup characters escaped, a carriage return kept as a
    /// character reference (a parser would otherwise turn it into a line feed), and the characters XML 1.0 does
    /// not allow at all (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF) dropped.
    public static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&apos;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            case "\t", "\n": out.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Excel holds at most 32,767 UTF-16 code units in a cell and calls a longer one corrupt; such text is cut
    /// there (on a whole character) and ends in "…".
    static let cellLimit = 32767

    static func fitted(_ text: String) -> String {
        guard text.utf16.count > cellLimit else { return text }
        var out = ""
        var used = 1
        for character in text {
            let size = character.utf16.count
            if used + size > cellLimit { break }
            out.append(character)
            used += size
        }
        return out + "…"
    }

    /// "A", "B", … "Z", "AA", …: the column part of a cell reference.
    static func columnName(_ index: Int) -> String {
        var number = index + 1
        var name = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }

    /// Pence as a decimal number of pounds, exactly ("1121395", "-0.5").
    static func pounds(_ pence: Int64) -> String {
        let magnitude = pence.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        let sign = pence < 0 ? "-" : ""
        if fraction == 0 { return sign + String(whole) }
        return sign + String(whole) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    static func cellXML(_ cell: XLSXCell, _ reference: String, header: Bool = false) -> String {
        func styled(_ style: Style) -> String { style == .plain ? "" : " s=\"\(style.rawValue)\"" }
        switch cell {
        case .empty:
            return ""
        case .text(let text):
            // An inline string: typed as text, so it is never read as a number, a date or a formula.
            return "<c r=\"\(reference)\" t=\"inlineStr\"\(styled(header ? .header : .plain))><is><t xml:space=\"preserve\">"
                + escape(fitted(text)) + "</t></is></c>"
        case .number(let value):
            return "<c r=\"\(reference)\"><v>\(value)</v></c>"
        case .money(let pence):
            return "<c r=\"\(reference)\"\(styled(.money))><v>\(pounds(pence))</v></c>"
        case .date(let year, let month, let day):
            return "<c r=\"\(reference)\"\(styled(.date))><v>\(XLSXCell.serial(year: year, month: month, day: day))</v></c>"
        case .dateTime(let year, let month, let day, let seconds):
            let serial = Double(XLSXCell.serial(year: year, month: month, day: day)) + Double(seconds) / 86400
            return "<c r=\"\(reference)\"\(styled(.dateTime))><v>\(serial)</v></c>"
        }
    }

    static func sheetXML(_ sheet: XLSXSheet) -> String {
        var out = xmlDeclaration
        out += "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        // The header row stays in view while scrolling.
        out +=
            "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        out += "</sheetView></sheetViews><sheetData>"
        let columns = sheet.header.indices.map(columnName)
        out += "<row r=\"1\">"
        for (index, name) in sheet.header.enumerated() { out += cellXML(.text(name), columns[index] + "1", header: true) }
        out += "</row>"
        for (offset, row) in sheet.rows.enumerated() {
            let number = offset + 2
            out += "<row r=\"\(number)\">"
            for (index, cell) in row.enumerated() {
                let column = index < columns.count ? columns[index] : columnName(index)
                out += cellXML(cell, column + String(number))
            }
            out += "</row>"
        }
        out += "</sheetData></worksheet>"
        return out
    }

    /// Excel allows 31 characters in a sheet name and none of : \ / ? * [ ].
    static func sheetName(_ name: String) -> String {
        let cleaned = String(String.UnicodeScalarView(name.unicodeScalars.filter { !":\\/?*[]".unicodeScalars.contains($0) }))
        return String(cleaned.prefix(31))
    }

    static func workbookXML(_ names: [String]) -> String {
        var out = xmlDeclaration + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\"><sheets>"
        for (index, name) in names.enumerated() {
            out += "<sheet name=\"\(escape(sheetName(name)))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return out + "</sheets></workbook>"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        var out = xmlDeclaration + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
        for index in 1..<(sheetCount + 1) {
            out +=
                "<Relationship Id=\"rId\(index)\" Type=\"\(officeRelationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        out += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(officeRelationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        return out + "</Relationships>"
    }

    static func contentTypes(sheetCount: Int) -> String {
        var out = xmlDeclaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        out +=
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        out +=
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for index in 0..<sheetCount {
            out +=
                "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return out + "</Types>"
    }

    static let rootRelationships =
        xmlDeclaration + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(officeRelationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    /// Number formats 164 on are the workbook's own: ISO dates (unambiguous in every locale), ISO times, and pounds.
    static let moneyFormat = "£#,##0.00"
    static let stylesXML =
        xmlDeclaration + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/>"
        + "<numFmt numFmtId=\"165\" formatCode=\"yyyy-mm-dd hh:mm:ss\"/>"
        + "<numFmt numFmtId=\"166\" formatCode=\"\(escape(moneyFormat))\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"5\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"166\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let officeRelationshipNamespace = relationshipNamespace
    static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
}
