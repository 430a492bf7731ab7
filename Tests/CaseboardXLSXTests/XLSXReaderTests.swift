import Foundation
import Testing
import ZIPFoundation

@testable import CaseboardXLSX

/// Workbooks built part by part, as Excel writes them, read back as the text a person would type.
@Suite struct XLSXReaderTests {
    static let main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
    static let rels = "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
    static let office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// An .xlsx with a Projects sheet (shared strings, rich text, dates, a formula, a sparse row) and a Notes sheet.
    static func workbook(date1904: Bool = false) throws -> Data {
        let sheet1 = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet \(main)>
              <sheetData>
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="inlineStr"><is><t>Funded</t></is></c></row>
                <row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" s="1"><v>44287</v></c><c r="C3" s="2"><v>44651</v></c><c r="D3" s="3"><f>B5*2</f><v>96250.000000000015</v></c><c r="E3" t="b"><v>1</v></c></row>
                <row r="4"><c r="A4" t="s"><v>5</v></c><c r="D4" s="3"><v>1121395</v></c><c r="F4" t="s"><v>6</v></c></row>
                <row r="5"><c r="A5" t="str"><f>UPPER("gangs")</f><v>GANGS</v></c><c r="B5" s="1"><v>60</v></c><c r="C5" s="1"><v>59</v></c><c r="D5" t="e"><v>#N/A</v></c><c r="E5" s="1"><v>61</v></c></row>
              </sheetData>
            </worksheet>
            """
        let sheet2 =
            "<worksheet \(main)><sheetData><row><c t=\"inlineStr\"><is><t>Note</t></is></c><c><v>0.5</v></c></row></sheetData></worksheet>"
        let strings = """
            <sst \(main) count="7" uniqueCount="7">
              <si><t>Project name</t></si><si><t>Start date</t></si><si><t>End date</t></si><si><t>Amount (£)</t></si>
              <si><r><rPr><b/></rPr><t xml:space="preserve">Multi-systemic </t></r><r><t>therapy (Zoë)</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>
              <si><t xml:space="preserve">  Street triage </t></si><si><t/></si>
            </sst>
            """
        let styles = """
            <styleSheet \(main)><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="[$£-809]#,##0.00"/></numFmts>
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>
            """
        let parts = [
            "[Content_Types].xml": "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
            "_rels/.rels":
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(office)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            "xl/workbook.xml":
                "<workbook \(main) \(rels)>" + (date1904 ? "<workbookPr date1904=\"1\"/>" : "")
                + "<sheets><sheet name=\"Projects\" sheetId=\"1\" r:id=\"rId2\"/><sheet name=\"Notes\" sheetId=\"2\" r:id=\"rId1\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels":
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"\(office)/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"\(office)/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"\(office)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "<Relationship Id=\"rId4\" Type=\"\(office)/styles\" Target=\"styles.xml\"/></Relationships>",
            "xl/worksheets/sheet1.xml": sheet1, "xl/worksheets/sheet2.xml": sheet2, "xl/sharedStrings.xml": strings,
            "xl/styles.xml": styles,
        ]
        return try zip(parts)
    }

    static func zip(_ parts: [String: String]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
        }
        return try #require(archive.data)
    }

    @Test func theFirstSheetCellByCell() throws {
        let table = try XLSXReader.read(try Self.workbook())
        #expect(table.sheet == "Projects")
        #expect(table.rows.map(\.number) == [1, 3, 4, 5])
        #expect(table.rows[0].cells == ["Project name", "Start date", "End date", "Amount (£)", "Funded"])
        // Rich-text runs join with their spaces; dates by their number format (built-in 14 and a custom
        // dd/mm/yyyy); a formula's cached value as Excel shows it; a boolean as TRUE.
        #expect(table.rows[1].cells == ["Multi-systemic therapy (Zoë)", "2021-04-01", "2022-03-31", "96250", "TRUE"])
        // A sparse row: C, E and the empty shared string F are blank, and trailing blanks are dropped.
        #expect(table.rows[2].cells == ["  Street triage ", "", "", "1121395"])
        #expect(table.rows[2].errors.isEmpty)
        // Serial 60 is Excel's 29 February 1900, which never was; 59 and 61 are the days either side.
        #expect(table.rows[3].cells == ["GANGS", "", "1900-02-28", "", "1900-03-01"])
        #expect(table.rows[3].errors == [1: "a date cell whose value 60 is no real day (Excel's 29 February 1900?)", 3: "#N/A"])
    }

    @Test func aSheetByNameAndTheNineteenOhFourDateSystem() throws {
        let notes = try XLSXReader.read(try Self.workbook(), sheet: "notes")
        #expect(notes.sheet == "Notes")
        #expect(notes.rows == [XLSXRow(number: 1, cells: ["Note", "0.5"], errors: [:])])
        let mac = try XLSXReader.read(try Self.workbook(date1904: true))
        #expect(mac.rows[1].cells[1] == "2025-04-02")
        #expect(throws: XLSXReadError.noSheet("Budget", available: ["Projects", "Notes"])) {
            try XLSXReader.read(try Self.workbook(), sheet: "Budget")
        }
        #expect(throws: XLSXReadError.notAWorkbook("it is not a zip archive")) { try XLSXReader.read(Data("id,name\n".utf8)) }
    }

    @Test func whatTheWriterWritesReadsBack() throws {
        let sheet = XLSXSheet(
            name: "projects", header: ["id", "start", "funding_gbp"],
            rows: [[.text("01632"), .date(year: 2021, month: 4, day: 1), .money(pence: 112_139_550)], [.text("x"), .empty, .number(7)]])
        let table = try XLSXReader.read(try XLSXWriter.workbook([sheet]))
        #expect(table.rows.map(\.cells) == [["id", "start", "funding_gbp"], ["01632", "2021-04-01", "1121395.5"], ["x", "", "7"]])
    }

    @Test func aSheetOverTenMegabytesIsRefusedWithAWayRound() throws {
        let row = "<row><c t=\"inlineStr\"><is><t>" + String(repeating: "x", count: 1000) + "</t></is></c></row>"
        let sheet = "<worksheet \(Self.main)><sheetData>" + String(repeating: row, count: 10_100) + "</sheetData></worksheet>"
        let parts = [
            "xl/workbook.xml":
                "<workbook \(Self.main) \(Self.rels)><sheets><sheet name=\"Big\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels":
                "<Relationships><Relationship Id=\"rId1\" Type=\"\(Self.office)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
            "xl/worksheets/sheet1.xml": sheet,
        ]
        #expect(
            throws: XLSXReadError.damaged(
                part: "xl/worksheets/sheet1.xml",
                detail: "it is 10.6 MB of XML, more than the 10 MB this reader can take; save the sheet as CSV UTF-8 and import that")
        ) { try XLSXReader.read(try Self.zip(parts)) }
    }

    @Test func dateFormatsAreToldFromOthers() {
        #expect(XLSXNumbers.isDateFormat("d mmmm yyyy"))
        #expect(XLSXNumbers.isDateFormat("[$-809]dd/mm/yy"))
        #expect(!XLSXNumbers.isDateFormat("[Red]£#,##0.00"))
        #expect(!XLSXNumbers.isDateFormat("0.00\" days\""))
        #expect(!XLSXNumbers.isDateFormat("h:mm"))
        #expect(!XLSXNumbers.isDateFormat("General"))
    }
}
