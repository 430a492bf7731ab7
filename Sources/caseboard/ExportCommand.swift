import ArgumentParser
import CaseboardKit
import CaseboardXLSX
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Export everything, the change history included, as CSV files (one per collection), one JSON file or one Excel workbook.",
        discussion: """
            Every field is exported, with ids beside the names they stand for (lead_id, theme_id, partner_ids, funder_id, \
            organisation_id, kind_id, district_ids …) so records can be joined back up, and a provenance column (report or \
            illustrative, where the data says). The xlsx workbook has one sheet per collection with typed cells: ids and \
            phone numbers as text (leading zeros kept), dates as dates, amounts in pounds.

            The export includes contacts' names, emails and phone numbers: personal data. Share it only as your \
            data-protection policy allows.
            """
    )

    @Option(name: .long, help: "csv (a directory of files), json (one file) or xlsx (one Excel workbook).")
    var format: ExportFormat

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Where to write: a directory for csv (created if missing), a file for json or xlsx.",
            discussion: "For json, - writes to standard output; an existing directory is refused (name the file inside it)."),
        completion: .file())
    var out: String

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "For csv: start each file with a UTF-8 byte-order mark and end lines with CRLF, so Excel opens it right.",
            discussion: """
                Excel reads a CSV without a byte-order mark as Windows-1252 when it is double-clicked, so "Zoë" shows as \
                "ZoÃ«" and "£" as "Â£". Without --excel the files are plain UTF-8 with LF line ends, for scripts.
                """))
    var excel = false

    @OptionGroup var data: DataOptions

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case csv, json, xlsx
    }

    func validate() throws {
        if excel && format != .csv {
            throw ValidationError("--excel applies to --format csv only (xlsx is already Excel's own format)")
        }
    }

    func run() throws {
        try checkDestination()
        let store = try data.openStore(readOnly: true)
        let dataset = store.dataset
        let everything = ProjectFilter()
        let listings: [(String, Listing)] = [
            ("themes", Listings.themes(dataset, everything)),
            ("projects", Listings.projects(dataset, everything, full: true)),
            ("funding", Listings.funding(dataset, everything, full: true)),
            ("allocations", allocations(dataset)),
            ("partners", Listings.partners(dataset, everything, full: true)),
            ("contacts", Listings.contacts(dataset, everything, full: true)),
            // Retired records are kept, never erased: each with every field, as the data files hold it.
            ("retired", retired(dataset)),
            // The audit trail, oldest first: every status change, note and undo, compacted or not.
            ("history", HistoryCommand.listing(store.history.events, store)),
        ]
        do {
            switch format {
            case .csv:
                try AtomicFile.makeDirectory(out)
                for (name, listing) in listings {
                    try AtomicFile.write(Array(listing.csv(excel: excel).utf8), to: out + "/" + name + ".csv")
                }
            case .json:
                let text = JSONWriter.write(JSONOutput.object(listings.map { name, listing in (name, listing.jsonValue) }))
                if out == "-" {
                    Output.data(text, as: .json)
                } else {
                    try AtomicFile.write(Array(text.utf8), to: out)
                }
            case .xlsx:
                let workbook = try XLSXWriter.workbook(listings.map { name, listing in listing.sheet(named: name) })
                try AtomicFile.write(Array(workbook), to: out)
            }
        } catch {
            Output.error("caseboard: \(error)")
            throw ExitCode(1)
        }
        Output.error(
            "Exported \(dataset.projects.count) projects, \(dataset.funding.count) funding streams, \(dataset.organisations.count) partners, "
                + "\(dataset.contacts.count) contacts and \(store.history.count) recorded changes to \(out == "-" ? "standard output" : out). "
                + "It includes personal data (contacts' names, emails and phones; notes).")
    }

    /// Refuses, before anything is read, an --out that cannot take this format: a directory for the one JSON
    /// file (rather than guess a name inside it), or a file or standard output for the CSV directory.
    private func checkDestination() throws {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory)
        let problem: String? =
            switch format {
            case _ where out.isEmpty:
                "--out needs a path: a directory for csv, a file (or - for standard output) for json, a file for xlsx"
            case .json where (exists && isDirectory.boolValue) || out.hasSuffix("/"):
                "--out \"\(out)\" is a directory; name the file to write, such as \(out.hasSuffix("/") ? String(out.dropLast()) : out)/caseboard.json, or - for standard output"
            case .xlsx where out == "-":
                "xlsx is a binary workbook, not for standard output; name the file to write, such as caseboard.xlsx"
            case .xlsx where (exists && isDirectory.boolValue) || out.hasSuffix("/"):
                "--out \"\(out)\" is a directory; name the file to write, such as \(out.hasSuffix("/") ? String(out.dropLast()) : out)/caseboard.xlsx"
            case .csv where out == "-":
                "csv writes one file per collection, so --out takes a directory; for standard output use --format json --out -"
            case .csv where exists && !isDirectory.boolValue:
                "--out \"\(out)\" is a file; csv writes one file per collection into a directory"
            default: nil
            }
        if let problem {
            Output.error("caseboard export: \(problem)")
            throw ExitCode(64)
        }
    }

    private func allocations(_ dataset: Dataset) -> Listing {
        let columns = [
            Column(id: "stream", header: "STREAM"), Column(id: "project", header: "PROJECT"), Column(id: "theme", header: "THEME"),
            Column(id: "year", header: "YEAR"), Column(id: "amount", header: "AMOUNT", alignRight: true, isMoney: true),
            Column(id: "spent", header: "SPENT", alignRight: true, isMoney: true),
            Column(id: "provenance", header: "PROVENANCE"),
        ]
        let rows = dataset.allocations(forRows: nil).map { entry -> [Field] in
            [
                .text(entry.stream.id), .text(entry.allocation.project), .text(dataset.projects[entry.row].theme),
                .text(entry.allocation.year), .money(entry.allocation.amount), entry.allocation.spent.map { Field.money($0) } ?? .text(""),
                .text(entry.allocation.provenance?.rawValue ?? ""),
            ]
        }
        return Listing(columns: columns, rows: rows)
    }

    /// Every retired record: its kind, id and name, and all its fields as one JSON object.
    private func retired(_ dataset: Dataset) -> Listing {
        let columns = [
            Column(id: "kind", header: "KIND"), Column(id: "id", header: "ID"), Column(id: "name", header: "NAME"),
            Column(id: "fields", header: "FIELDS"),
        ]
        let rows = RecordKind.allCases.flatMap { kind in
            dataset.records(kind).filter(\.retired).map { entry -> [Field] in
                let name = entry.record["title"].text ?? entry.record["name"].text ?? ""
                return [.text(kind.rawValue), .text(entry.record.id), .text(name), .text(entry.record.jsonText)]
            }
        }
        return Listing(columns: columns, rows: rows)
    }
}

extension Listing {
    var jsonValue: JSONOutput {
        .array(
            rows.map { row in
                .object(zip(columns, row).map { column, field in (column.isMoney ? column.id + "_pence" : column.id, field.json) })
            })
    }
}
