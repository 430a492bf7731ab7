import Foundation
import Testing
import ZIPFoundation

/// `caseboard import` on the real binary: a preview that writes nothing, one event that undo takes back, a
/// second import that finds nothing to do, and problems as FILE:ROW:COLUMN with exit 1.
@Suite struct ImportCLITests {
    func caseboard(_ arguments: String...) -> Spawn.Result { Spawn.run([Spawn.caseboard] + arguments) }

    func journal(_ data: String) -> Data? { try? Data(contentsOf: URL(fileURLWithPath: data + "/journal.jsonl")) }

    /// Everything but the history, which an import and its undo add to.
    func state(_ data: String) throws -> NSDictionary {
        let result = caseboard("export", "--format", "json", "--out", "-", "--data", data)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return json.filter { $0.key != "history" } as NSDictionary
    }

    /// A coordinator's sheet saved by Excel as "CSV (Comma delimited)": Windows-1252, CRLF, a blank row, spare
    /// columns, an en dash and a "£" in the text, and a cell with a line break.
    static let projectsCSV = """
        Project name,Lead organisation,Theme,District(s),Start date,End date,Tags,Amount (£),,\r
        Multi-systemic therapy for 10–14s (Kirklees),Kirklees Community Safety Partnership,Early intervention,Kirklees,05/11/2018,31/03/2025,,"£70,000",,\r
        ,,,,,,,,,\r
        Zoë's mentoring circle,kirklees-csp,Communities,Kirklees,1 April 2024,,"mentoring;\r
        peer support",,,\r

        """

    @Test func previewApplyReimportAndUndo() throws {
        let data = try Spawn.sampleCopy()
        let file = data + "-projects.csv"
        try #require(Self.projectsCSV.data(using: .windowsCP1252)).write(to: URL(fileURLWithPath: file))
        let before = try state(data)
        let journalBefore = journal(data)

        let dry = caseboard("import", file, "--into", "projects", "--dry-run", "--data", data)
        #expect(dry.status == 0, "\(dry.stderr)")
        let name = URL(fileURLWithPath: file).lastPathComponent
        #expect(
            dry.stdout == """
                \(name): read as Windows-1252 (the bytes are not UTF-8), as Excel saves "CSV (Comma delimited)"
                \(name) into projects: 1 new, 1 changed, 0 unchanged

                New projects:
                  row 4  + zoes-mentoring-circle  Zoë's mentoring circle

                Changed projects:
                  row 2  ~ kirklees-mst
                      end date: (none) → 2025-03-31

                Columns not used: "Amount (£)"

                Dry run: nothing was written. Run the same command without --dry-run to import.

                """)
        #expect(journal(data) == journalBefore)

        let applied = caseboard("import", file, "--into", "projects", "--author", "alice", "--data", data)
        #expect(applied.status == 0, "\(applied.stderr)")
        let event = try #require(
            applied.stdout.firstMatch(of: /Imported as event ([0-9a-f-]+)\. To take the whole import back: caseboard undo \1\n$/)?.1)
        let lines = String(decoding: journal(data) ?? Data(), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == String(decoding: journalBefore ?? Data(), as: UTF8.self).split(separator: "\n").count + 1)
        #expect(lines.last?.contains("\"source\":\"\(name)\"") == true)
        let shown = caseboard("show", "zoes-mentoring-circle", "--data", data)
        #expect(shown.stdout.contains("Zoë's mentoring circle"))

        let again = caseboard("import", file, "--into", "projects", "--author", "alice", "--data", data)
        #expect(again.status == 0)
        #expect(again.stdout.contains("Nothing to import: all 2 records already match.\n"))
        #expect(journal(data)?.count == lines.map { $0.utf8.count + 1 }.reduce(0, +))

        let undo = caseboard("undo", String(event), "--author", "alice", "--data", data)
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(try state(data) == before)
    }

    @Test func problemsAreListedWithRowAndColumnAndNothingIsWritten() throws {
        let data = try Spawn.sampleCopy()
        let file = data + "-allocations.csv"
        let csv = """
            \u{FEFF}Stream,Project,Financial year,Amount (£)\r
            Early Intervention Youth Fund,Multi-systemic therapy for 10–14s (Kirklees),2018/19,"£70,000"\r
            Early Intervention Youth Fund,kirklees-mst,2019-20,lots\r
            eiyf-2018-20,Knife Crime Week,2019-20,5000\r

            """
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let journalBefore = journal(data)
        let result = caseboard("import", file, "--into", "allocations", "--data", data)
        #expect(result.status == 1)
        let name = URL(fileURLWithPath: file).lastPathComponent
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(result.stderr)")
        #expect(lines.first == "\(name):3:D: Allocated: \"lots\" is not an amount in pounds; write 1121395, £1,121,395 or 1121395.50")
        #expect(lines.dropFirst().first?.hasPrefix("\(name):4:B: Project: no project has the id or title \"Knife Crime Week\"") == true)
        #expect(lines.last == "caseboard import: 2 problems in \(name); nothing was imported.")
        #expect(result.stdout.isEmpty)
        #expect(journal(data) == journalBefore)
    }

    @Test func everyExportedCollectionImportsBackAsNothingToDo() throws {
        let data = try Spawn.sampleCopy()
        let out = data + "-export"
        #expect(caseboard("export", "--format", "csv", "--excel", "--out", out, "--data", data).status == 0)
        #expect(caseboard("export", "--format", "xlsx", "--out", out + ".xlsx", "--data", data).status == 0)
        let journalBefore = journal(data)
        for collection in ["projects", "partners", "contacts", "funding", "allocations"] {
            let csv = caseboard("import", out + "/\(collection).csv", "--into", collection, "--data", data)
            #expect(csv.status == 0, "\(csv.stderr)")
            #expect(csv.stdout.hasPrefix("Nothing to import: all "), "\(collection): \(csv.stdout)")
            let xlsx = caseboard("import", out + ".xlsx", "--sheet", collection, "--into", collection, "--data", data)
            #expect(xlsx.status == 0, "\(xlsx.stderr)")
            #expect(xlsx.stdout.hasPrefix("Nothing to import: all "), "\(collection) sheet: \(xlsx.stdout)")
        }
        #expect(journal(data) == journalBefore)
    }

    /// A workbook as Excel saves one: a cover sheet first, shared strings (one in rich-text runs), a start date
    /// as a serial number with a date format, and an end date from a formula's cached value.
    static func programmes(startCell: String) throws -> Data {
        let main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        let office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let package = "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\""
        let strings = ["Project name", "Lead", "Theme", "District(s)", "Start date", "End date", "Early intervention", "Kirklees"]
        let shared =
            "<sst \(main)>" + strings.map { "<si><t>\($0)</t></si>" }.joined()
            + "<si><r><t xml:space=\"preserve\">Multi-systemic therapy </t></r><r><rPr><b/></rPr><t>for 10–14s (Kirklees)</t></r></si></sst>"
        let header = (0..<6).map { "<c r=\"\(["A", "B", "C", "D", "E", "F"][$0])1\" t=\"s\"><v>\($0)</v></c>" }.joined()
        let sheet = """
            <worksheet \(main)><sheetData><row r="1">\(header)</row>
            <row r="2"><c r="A2" t="s"><v>8</v></c><c r="B2" t="inlineStr"><is><t>kirklees-csp</t></is></c><c r="C2" t="s"><v>6</v></c><c r="D2" t="s"><v>7</v></c>\(startCell)<c r="F2" s="1"><f>DATE(2025,3,31)</f><v>45747</v></c></row>
            </sheetData></worksheet>
            """
        let parts = [
            "_rels/.rels":
                "<Relationships \(package)><Relationship Id=\"rId1\" Type=\"\(office)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            "xl/workbook.xml":
                "<workbook \(main) xmlns:r=\"\(office)\"><sheets><sheet name=\"Cover\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Programmes\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels":
                "<Relationships \(package)><Relationship Id=\"rId1\" Type=\"\(office)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"\(office)/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"\(office)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "<Relationship Id=\"rId4\" Type=\"\(office)/styles\" Target=\"styles.xml\"/></Relationships>",
            "xl/worksheets/sheet1.xml":
                "<worksheet \(main)><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>VRU programmes</t></is></c></row></sheetData></worksheet>",
            "xl/worksheets/sheet2.xml": sheet, "xl/sharedStrings.xml": shared,
            "xl/styles.xml": "<styleSheet \(main)><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>",
        ]
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
        }
        return try #require(archive.data)
    }

    @Test func aWorkbookSheetWithSharedStringsSerialDatesAndAFormula() throws {
        let data = try Spawn.sampleCopy()
        let file = data + "-programmes.xlsx"
        try Self.programmes(startCell: "<c r=\"E2\" s=\"1\"><v>43409</v></c>").write(to: URL(fileURLWithPath: file))
        let name = URL(fileURLWithPath: file).lastPathComponent
        let dry = caseboard("import", file, "--sheet", "Programmes", "--into", "projects", "--dry-run", "--data", data)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(
            dry.stdout.hasPrefix(
                """
                \(name)[Programmes] into projects: 0 new, 1 changed, 0 unchanged

                Changed projects:
                  row 2  ~ kirklees-mst
                      end date: (none) → 2025-03-31

                """))

        try Self.programmes(startCell: "<c r=\"E2\" t=\"inlineStr\"><is><t>31/02/2018</t></is></c>").write(to: URL(fileURLWithPath: file))
        let bad = caseboard("import", file, "--sheet", "programmes", "--into", "projects", "--data", data)
        #expect(bad.status == 1)
        #expect(
            bad.stderr.hasPrefix(
                "\(name)[Programmes]:2:E: Start date: \"31/02/2018\" is not a date; write 31/03/2022, 31 March 2022 or 2022-03-31\n"))
    }

    @Test func usageMistakesExit64() throws {
        let data = try Spawn.sampleCopy()
        let file = data + "-x.csv"
        try "Title\nX\n".write(toFile: file, atomically: true, encoding: .utf8)
        let kind = caseboard("import", file, "--into", "widgets", "--data", data)
        #expect(kind.status == 64)
        #expect(kind.stderr.contains("--into takes projects, partners, contacts, funding or allocations"))
        let sheet = caseboard("import", file, "--into", "projects", "--sheet", "One", "--data", data)
        #expect(sheet.status == 64)
        #expect(sheet.stderr.contains("--sheet is for .xlsx workbooks"))
    }
}
