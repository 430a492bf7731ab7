import ArgumentParser
import CaseboardConfig
import CaseboardKit
import CaseboardXLSX
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring in records from a spreadsheet (CSV or .xlsx): a preview first, then one change you can undo.",
        discussion: """
            Columns are matched by their headers (docs/import.md lists the names each field answers to); --map names \
            the others. Every problem is listed as FILE:ROW:COLUMN and nothing is written while there is one. A row \
            whose id (or title or name) matches a record updates the fields that differ; the whole import is one \
            journal event, so `caseboard undo EVENT-ID` takes it all back.
            """)

    @Argument(help: "The spreadsheet: a .csv file (UTF-8 or Windows-1252, as Excel saves it) or an .xlsx workbook.")
    var file: String

    @Option(name: .long, help: ArgumentHelp("What each row is.", valueName: "projects|partners|contacts|funding|allocations"))
    var into: String

    @Option(
        name: .long,
        help: ArgumentHelp("A TOML file naming which field your columns fill, with fixed values and defaults.", valueName: "MAP"))
    var map: String?

    @Option(name: .long, help: ArgumentHelp("The workbook's sheet to read (default: the first).", valueName: "NAME"))
    var sheet: String?

    @Flag(name: .customLong("dry-run"), help: "Show what would change, and write nothing.")
    var dryRun = false

    @OptionGroup var author: AuthorOptions
    @OptionGroup var data: DataOptions

    var kind: RecordKind? { RecordKind(lenient: into) }

    func validate() throws {
        guard kind != nil else {
            throw ValidationError("--into takes projects, partners, contacts, funding or allocations, not \"\(into)\"")
        }
    }

    func run() throws {
        guard let kind else { throw ExitCode(64) }
        let name = URL(fileURLWithPath: file).lastPathComponent
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            Output.error("caseboard import: cannot read \(file): \((error as NSError).localizedDescription)")
            throw ExitCode(1)
        }
        let (table, syntaxProblems, note) = try read(bytes, name: name)
        var mapping = ImportMapping()
        if let map { mapping = try readMap(map) }
        let store = try data.openStore(readOnly: dryRun)
        let plan = Importer.plan(table, into: kind, mapping: mapping, dataset: store.dataset)
        if let note { Output.print(note + "\n") }
        let problems = (syntaxProblems + plan.problems).enumerated().sorted { a, b in
            (a.element.row ?? 0, a.offset) < (b.element.row ?? 0, b.offset)
        }.map(\.element)
        guard problems.isEmpty else {
            for problem in problems { Output.error(problem.line(in: table.source)) }
            Output.error(
                "caseboard import: \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(table.source); nothing was imported.")
            throw ExitCode(1)
        }
        Output.print(ImportPreview.text(plan, source: table.source))
        guard !plan.changes.isEmpty else { return }
        if dryRun {
            Output.print("\nDry run: nothing was written. Run the same command without --dry-run to import.\n")
            return
        }
        do {
            let event = try store.save(plan.changes, source: name, author: author.name)
            Output.print("\nImported as event \(event.id). To take the whole import back: caseboard undo \(event.id)\n")
        } catch {
            throw refuse(error)
        }
    }

    /// The file's rows, its syntax problems, and a line saying how it was read when that is worth knowing.
    private func read(_ bytes: [UInt8], name: String) throws -> (ImportTable, [ImportProblem], String?) {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw usage("\(file) is an old-style Excel .xls workbook; save it as .xlsx (Excel Workbook) or CSV UTF-8 and import that")
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            do {
                let sheet = try XLSXReader.read(Data(bytes), sheet: self.sheet)
                let rows = sheet.rows.map { ImportRow(number: $0.number, cells: $0.cells, errors: $0.errors) }
                return (ImportTable(source: "\(name)[\(sheet.sheet)]", rows: rows, guardedFormulas: false), [], nil)
            } catch XLSXReadError.noSheet(let wanted, let available) {
                throw usage("\(XLSXReadError.noSheet(wanted, available: available)) in \(file)")
            } catch {
                Output.error("caseboard import: \(file): \(error)")
                throw ExitCode(1)
            }
        }
        if sheet != nil { throw usage("--sheet is for .xlsx workbooks; \(file) is a CSV file, which has one table") }
        guard let (text, encoding) = TextDecoding.decode(bytes) else {
            Output.error(
                "caseboard import: \(file) is neither UTF-8 nor Windows-1252 text; in Excel, save it as \"CSV UTF-8\" and import that")
            throw ExitCode(1)
        }
        let csv = CSVReader.parse(text)
        let problems = csv.problems.map { ImportProblem(row: $0.row, column: $0.column - 1, $0.message) }
        let note =
            encoding == .windows1252
            ? "\(name): read as Windows-1252 (the bytes are not UTF-8), as Excel saves \"CSV (Comma delimited)\"" : nil
        return (ImportTable.csv(csv, source: name), problems, note)
    }

    private func readMap(_ path: String) throws -> ImportMapping {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            Output.error("caseboard import: cannot read the map file \(path) (it must be UTF-8 TOML)")
            throw ExitCode(1)
        }
        let (mapping, problems) = ImportMapFile.parse(text, source: path)
        guard problems.isEmpty else {
            for problem in problems { Output.error("\(path):\(problem)") }
            Output.error("caseboard import: \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(path); nothing was imported.")
            throw ExitCode(1)
        }
        return mapping
    }

    /// A usage mistake: said, and exit 64 as for a mistyped option.
    private func usage(_ message: String) -> ExitCode {
        Output.error("caseboard import: \(message)")
        return ExitCode(64)
    }
}
