import Foundation
import Testing
import ZIPFoundation

@testable import CaseboardXLSX

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `export --format csv --excel` and `--format xlsx`, and the ids exported beside names, on the real binary.
@Suite struct ExportFormatsTests {
    func caseboard(_ arguments: String...) -> Spawn.Result { Spawn.run([Spawn.caseboard] + arguments) }

    func scratch() -> String { NSTemporaryDirectory() + "caseboard-export-\(UUID().uuidString)" }

    static let collections = ["themes", "projects", "funding", "allocations", "partners", "contacts", "retired", "history"]

    // MARK: CSV

    @Test func excelCSVStartsWithABOMAndEndsLinesWithCRLF() throws {
        let out = scratch()
        let result = caseboard("export", "--format", "csv", "--excel", "--out", out, "--data", Spawn.fixtures)
        #expect(result.status == 0, "\(result.stderr)")
        for name in Self.collections {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out + "/\(name).csv")))
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(name).csv")
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            #expect(text.hasSuffix("\r\n"), "\(name).csv")
            // Every line end outside a quoted field is CRLF: the rows read back the same as the plain export's.
            #expect(CSVReading.rows(text.replacingOccurrences(of: "\r\n", with: "\n")).count >= 1)
        }
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out + "/contacts.csv")))
        let contacts = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(contacts.contains("Zoë Whitaker"))
        let lines = contacts.components(separatedBy: "\r\n")
        #expect(lines.first?.hasPrefix("id,name,role,organisation,organisation_id,") == true)
        #expect(!contacts.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
    }

    @Test func plainCSVHasNoBOMAndLFLineEnds() throws {
        let out = scratch()
        #expect(caseboard("export", "--format", "csv", "--out", out, "--data", Spawn.fixtures).status == 0)
        for name in Self.collections {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out + "/\(name).csv")))
            #expect(bytes.first != 0xEF, "\(name).csv")
            #expect(!bytes.contains(0x0D), "\(name).csv")
            #expect(bytes.last == 0x0A, "\(name).csv")
        }
    }

    @Test func excelIsForCSVOnly() {
        let result = caseboard("export", "--format", "json", "--excel", "--out", scratch(), "--data", Spawn.fixtures)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--excel applies to --format csv only"))
    }

    @Test func exportsCarryNotesAndIdsBesideNames() throws {
        let out = scratch()
        #expect(caseboard("export", "--format", "csv", "--out", out, "--data", Spawn.fixtures).status == 0)
        let funding = CSVReading.rows(try String(contentsOfFile: out + "/funding.csv", encoding: .utf8))
        #expect(
            funding.first == [
                "id", "name", "funder", "funder_id", "years", "total_gbp", "allocated_gbp", "unallocated_gbp", "notes", "provenance",
            ])
        let fund = try #require(funding.first { $0.count > 1 && $0[1] == "Early Intervention Youth Fund" })
        #expect(fund[3] == "home-office")
        #expect(fund[8].contains("15 June 2021"))
        #expect(fund[9] == "report")
        // Where each figure comes from, beside it: no split of the sample's streams is in the report.
        let allocations = CSVReading.rows(try String(contentsOfFile: out + "/allocations.csv", encoding: .utf8))
        #expect(allocations.first?.last == "provenance")
        #expect(allocations.dropFirst().filter { $0.count > 1 }.allSatisfy { $0.last == "illustrative" })
        let projects = CSVReading.rows(try String(contentsOfFile: out + "/projects.csv", encoding: .utf8))
        let header = try #require(projects.first)
        #expect(header.prefix(7) == ["id", "title", "theme", "theme_id", "status", "lead", "lead_id"])
        #expect(header.contains("partner_ids") && header.contains("contacts"))
        let gangs = try #require(projects.first { $0.first == "gangs-schools-programme" })
        let row = Dictionary(uniqueKeysWithValues: zip(header, gangs))
        #expect(row["lead_id"] == "wy-schools-partnership")
        #expect(row["theme_id"] == "early-intervention")
        #expect(row["partner_ids"] == "wyca-policing-crime; wyp")

        let file = out + "/all.json"
        #expect(caseboard("export", "--format", "json", "--out", file, "--data", Spawn.fixtures).status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        let project = try #require((document["projects"] as? [[String: Any]])?.first { $0["id"] as? String == "gangs-schools-programme" })
        #expect(project["lead_id"] as? String == "wy-schools-partnership")
        #expect(project["lead"] as? String == "West Yorkshire Schools Partnership")
        #expect(project["theme_id"] as? String == "early-intervention")
        #expect(project["partner_ids"] as? [String] == ["wyca-policing-crime", "wyp"])
        let stream = try #require(
            (document["funding"] as? [[String: Any]])?.first { $0["name"] as? String == "Early Intervention Youth Fund" })
        #expect(stream["funder_id"] as? String == "home-office")
        #expect((stream["notes"] as? String)?.isEmpty == false)
        let contact = try #require((document["contacts"] as? [[String: Any]])?.first)
        #expect(contact["organisation_id"] is String)
        let partner = try #require((document["partners"] as? [[String: Any]])?.first { $0["id"] as? String == "wyp" })
        #expect(partner["kind_id"] as? String == "police")
        #expect(partner["district_id"] as? String == "west-yorkshire")
        #expect(partner["provenance"] as? String == "report")
        #expect(project["provenance"] as? String == "report")
        #expect(project["district_ids"] as? [String] == ["west-yorkshire"])

        // `list` shares the listings: its CSV and JSON carry the ids too, its table stays as narrow as it was.
        let listed = caseboard("list", "projects", "--data", Spawn.fixtures, "--format", "csv")
        #expect(listed.stdout.hasPrefix("id,title,theme,theme_id,status,lead,lead_id,"))
        let table = caseboard("list", "funding", "--data", Spawn.fixtures)
        #expect(!table.stdout.contains("FUNDER ID") && !table.stdout.contains("NOTES"))
    }

    // MARK: xlsx

    @Test func xlsxRoundTripsTheSampleWithTypedCells() throws {
        let data = try Spawn.sampleCopy()
        #expect(caseboard("note", "kirklees-mst", "Review booked", "--data", data, "--author", "alice").status == 0)
        let out = scratch() + ".xlsx"
        let result = caseboard("export", "--format", "xlsx", "--out", out, "--data", data)
        #expect(result.status == 0, "\(result.stderr)")
        let workbook = try Workbook(path: out)
        #expect(workbook.sheetNames == Self.collections)

        // Each sheet has a header row and one row per record, as many as the JSON export has.
        let json = out + ".json"
        #expect(caseboard("export", "--format", "json", "--out", json, "--data", data).status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        for name in Self.collections {
            let count = (document[name] as? [Any])?.count ?? -1
            #expect(try workbook.sheet(name).count == count + 1, "\(name)")
        }
        #expect(try workbook.sheet("history").count == 2)

        // Phone numbers and ids are strings, never numbers: the leading zero stays.
        let contacts = try workbook.records("contacts")
        let phone = try #require(contacts.first?["phone"])
        #expect(phone.type == "inlineStr")
        #expect(phone.text.hasPrefix("01632 "))
        #expect(contacts.allSatisfy { $0["id"]?.type == "inlineStr" && $0["phone"]?.text.hasPrefix("0") == true })

        // Money is a number of pounds with the £ format.
        let funding = try workbook.records("funding")
        let fund = try #require(funding.first { $0["name"]?.text == "Early Intervention Youth Fund" })
        let total = try #require(fund["total_gbp"])
        #expect(total.type == nil)
        #expect(Double(total.text) == 1_121_395)
        #expect(workbook.format(of: total) == "£#,##0.00")
        #expect(fund["notes"]?.text.contains("15 June 2021") == true)

        // Dates are serial numbers with a date format: 2 September 2019 is day 43710.
        let projects = try workbook.records("projects")
        let gangs = try #require(projects.first { $0["id"]?.text == "gangs-schools-programme" })
        let start = try #require(gangs["start"])
        #expect(start.type == nil)
        #expect(start.text == "43710")
        #expect(workbook.format(of: start) == "yyyy-mm-dd")
        #expect(gangs["lead_id"]?.text == "wy-schools-partnership")
        let time = try #require(try workbook.records("history").first?["time"])
        #expect(time.type == nil && Double(time.text) != nil)
        #expect(workbook.format(of: time)?.hasPrefix("yyyy-mm-dd hh") == true)

        // Counts are numbers; nothing anywhere is a formula.
        let themes = try workbook.records("themes")
        #expect(themes.allSatisfy { $0["projects"]?.type == nil && Int($0["projects"]?.text ?? "") != nil })
        #expect(!workbook.hasFormula)
    }

    @Test func xlsxEscapesMarkupAndDropsControls() throws {
        let data = try Spawn.sampleCopy()
        let url = URL(fileURLWithPath: data + "/projects.json")
        var records = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        let hostile = "<tag>&\"' =1+1\u{01}\u{0B}end\r\nline"
        records[0]["title"] = hostile
        records[0]["summary"] = "=HYPERLINK(\"http://x\")"
        try JSONSerialization.data(withJSONObject: records).write(to: url)
        let out = scratch() + ".xlsx"
        let result = caseboard("export", "--format", "xlsx", "--out", out, "--data", data)
        #expect(result.status == 0, "\(result.stderr)")
        let workbook = try Workbook(path: out)
        let project = try #require(try workbook.records("projects").first { $0["id"]?.text == records[0]["id"] as? String })
        #expect(project["title"]?.text == "<tag>&\"' =1+1end\r\nline")
        #expect(project["title"]?.type == "inlineStr")
        // Typed as a string, so it cannot run: kept exactly, without the CSV guard's quote.
        #expect(project["summary"]?.text == "=HYPERLINK(\"http://x\")")
        #expect(!workbook.hasFormula)
    }

    @Test func xlsxNeedsAFile() throws {
        let dash = caseboard("export", "--format", "xlsx", "--out", "-", "--data", Spawn.fixtures)
        #expect(dash.status == 64)
        #expect(dash.stderr.contains("xlsx is a binary workbook"))
        let directory = scratch()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let into = caseboard("export", "--format", "xlsx", "--out", directory, "--data", Spawn.fixtures)
        #expect(into.status == 64)
        #expect(into.stderr.contains("caseboard.xlsx"))
    }

    @Test func datesAndLongTextFitExcel() {
        #expect(XLSXCell.dateOrText("2019-09-02") == .date(year: 2019, month: 9, day: 2))
        #expect(XLSXCell.serial(year: 2019, month: 9, day: 2) == 43710)
        #expect(XLSXCell.serial(year: 1900, month: 3, day: 1) == 61)
        #expect(XLSXCell.dateOrText("1900-02-28") == .text("1900-02-28"))
        #expect(XLSXCell.dateOrText("2025-02-29") == .text("2025-02-29"))
        #expect(XLSXCell.dateOrText("") == .empty)
        #expect(XLSXCell.dateOrText("2026-11-25T18:30:41.123Z") == .dateTime(year: 2026, month: 11, day: 25, seconds: 66641))
        let long = String(repeating: "é", count: 40000)
        let fitted = XLSXWriter.fitted(long)
        #expect(fitted.utf16.count == XLSXWriter.cellLimit)
        #expect(fitted.hasSuffix("…"))
        #expect(XLSXWriter.fitted("short") == "short")
    }

    @Test func escapeKeepsWhatXMLAllows() {
        #expect(XLSXWriter.escape("a<b>&\"'\u{0}\u{1F}\t\n\r\u{FFFE}é") == "a&lt;b&gt;&amp;&quot;&apos;\t\n&#13;é")
    }
}

/// An .xlsx file read back with ZIPFoundation and XMLParser: sheet names, each sheet's cells, and the styles'
/// number formats. Every part must parse as XML, or opening it throws.
struct Workbook {
    struct Cell {
        var reference: String
        var type: String?
        var style: Int
        var text: String
        var formula: Bool
    }

    var sheetNames: [String] = []
    var sheets: [String: [[Cell]]] = [:]
    var styleFormats: [Int] = []
    var formats: [Int: String] = [:]

    init(path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        func part(_ name: String) throws -> Data {
            guard let entry = archive[name] else { throw WorkbookError("no part \(name)") }
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return data
        }
        for name in ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels"] { _ = try Parsed(try part(name)) }
        let workbook = try Parsed(try part("xl/workbook.xml"))
        sheetNames = workbook.elements.filter { $0.name == "sheet" }.compactMap { $0.attributes["name"] }
        for (index, name) in sheetNames.enumerated() {
            sheets[name] = try Parsed(try part("xl/worksheets/sheet\(index + 1).xml")).rows
        }
        let styles = try Parsed(try part("xl/styles.xml"))
        for element in styles.elements where element.name == "numFmt" {
            formats[Int(element.attributes["numFmtId"] ?? "") ?? -1] = element.attributes["formatCode"]
        }
        styleFormats = styles.cellXfs
    }

    func sheet(_ name: String) throws -> [[Cell]] {
        guard let rows = sheets[name] else { throw WorkbookError("no sheet \(name)") }
        return rows
    }

    /// The rows after the header, keyed by the header's names.
    func records(_ name: String) throws -> [[String: Cell]] {
        let rows = try sheet(name)
        let header = rows.first?.map(\.text) ?? []
        return rows.dropFirst().map { row in
            var record: [String: Cell] = [:]
            for cell in row {
                let column = String(cell.reference.prefix { $0.isLetter })
                let index = column.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
                if index < header.count { record[header[index]] = cell }
            }
            return record
        }
    }

    func format(of cell: Cell) -> String? {
        guard cell.style < styleFormats.count else { return nil }
        return formats[styleFormats[cell.style]]
    }

    var hasFormula: Bool { sheets.values.contains { $0.contains { $0.contains(where: \.formula) } } }
}

struct WorkbookError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One XML part, parsed: its elements with attributes, and for a worksheet its rows of cells.
final class Parsed: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var rows: [[Workbook.Cell]] = []
    var cellXfs: [Int] = []
    private var inCellXfs = false
    private var cell: Workbook.Cell?
    private var collecting = false
    private var failure: Error?

    init(_ data: Data) throws {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? failure ?? WorkbookError("unparseable XML") }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append((name, attributes))
        switch name {
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: cellXfs.append(Int(attributes["numFmtId"] ?? "0") ?? 0)
        case "row": rows.append([])
        case "c":
            cell = Workbook.Cell(
                reference: attributes["r"] ?? "", type: attributes["t"], style: Int(attributes["s"] ?? "0") ?? 0, text: "", formula: false)
        case "t", "v": collecting = true
        case "f": cell?.formula = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { cell?.text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "cellXfs": inCellXfs = false
        case "t", "v": collecting = false
        case "c":
            if let cell, !rows.isEmpty { rows[rows.count - 1].append(cell) }
            cell = nil
        default: break
        }
    }
}
