import ArgumentParser
import CaseboardKit
import Foundation
import TerminalKit

#if canImport(Glibc)
    import Glibc
#endif

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Print a report: money allocated and unallocated, broken down.",
        subcommands: [FundingReportCommand.self])
}

struct FundingReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "funding",
        abstract: "Allocated and unallocated money by theme, district, funder, financial year or stream.",
        discussion: """
            Every amount is exact to the penny and each table's rows add up to its Total row. Allocated money has \
            been given to a project; unallocated money is the rest of a stream's total. When allocations report \
            spend, Spent and Unspent columns are added: unspent is allocated money not yet spent, never the same \
            as unallocated.

            --by theme: each allocation counts under its project's primary theme; "Also tagged" is money to \
            projects with the theme as a secondary one, already counted elsewhere and never added to a total.
            --by district: \(FundingReport.districtRule)
            --by year: allocations by the financial year they were made for; unallocated money has no year and \
            is one row.
            --by funder and --by stream: allocated, unallocated and total per funder or stream.

            --format xlsx writes an Excel workbook with one sheet per breakdown (only the --by one when given), \
            amounts as numbers in pounds; it needs --output FILE, or standard output redirected to a file.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, md, json, xlsx
    }

    @Option(name: .long, help: "theme, district, funder, year or stream (default theme; for xlsx, every one).")
    var by: FundingDimension?

    @Option(name: .long, help: ArgumentHelp("Only this funding stream (its id, as in caseboard list funding).", valueName: "ID"))
    var stream: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only allocations made for this financial year, and the unallocated money of the streams that cover it.",
            valueName: "YYYY/YY"))
    var year: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only money to projects with this primary theme (county-lines, early-intervention, communities, law-enforcement); leaves unallocated money out.",
            valueName: "ID"))
    var theme: String?

    @Option(name: .long, help: "table, csv, md (a Markdown table), json or xlsx (an Excel workbook).")
    var format: Format = .table

    @Option(
        name: [.customLong("output"), .customLong("out")],
        help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"), completion: .file())
    var output: String?

    @Flag(name: .long, help: "Draw the bars with # (the default when the locale is not UTF-8).")
    var ascii = false

    @OptionGroup var data: DataOptions

    func run() throws {
        let toFile = output.flatMap { $0 == "-" ? nil : $0 }
        try checkDestination(toFile)
        let dataset = try data.loadDataset()
        let selection = FundingSelection(stream: stream, year: year, theme: theme)
        let reports: [FundingReport]
        do {
            let dimensions = by.map { [$0] } ?? (format == .xlsx ? FundingDimension.allCases : [.theme])
            reports = try dimensions.map { dimension throws(FundingReportError) in try dataset.fundingReport(by: dimension, selection) }
        } catch {
            Output.error("caseboard report funding: \(error.description)")
            throw ExitCode(64)
        }
        let report = reports[0]
        let title = ReportText.title(report, dataset)
        let text: String
        switch format {
        case .table: text = ReportText.table(report, title: title, unicode: !ascii && ReportText.localeIsUTF8())
        case .md: text = ReportText.markdown(report, title: title)
        case .csv: text = ReportText.csv(report)
        case .json: text = ReportText.json(report)
        case .xlsx:
            let workbook = try ReportWorkbook.workbook(reports)
            guard let toFile else { return Output.binary(Data(workbook)) }
            try write(workbook, to: toFile)
            return
        }
        guard let toFile else {
            switch format {
            case .csv: return Output.data(text, as: .csv)
            case .json: return Output.data(text, as: .json)
            default: return Output.print(text)
            }
        }
        // Tables are for people, cleaned as on the terminal; csv and json keep the data exact, as in a pipe.
        let cleaned = format == .table || format == .md ? Sanitizer.cleanLines(text) : text
        try write(Array(cleaned.utf8), to: toFile)
    }

    /// Refuses, before any work, an xlsx workbook bound for a terminal, where it would be unreadable bytes.
    private func checkDestination(_ file: String?) throws {
        guard format == .xlsx, file == nil, isatty(STDOUT_FILENO) == 1 else { return }
        Output.error(
            "caseboard report funding: xlsx is a binary workbook, not for the terminal; name the file with --output, such as --output funding.xlsx"
        )
        throw ExitCode(64)
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            Output.error("caseboard report funding: could not write \(path): \(error)")
            throw ExitCode(1)
        }
    }
}

extension FundingDimension: ExpressibleByArgument {}

/// A funding report as text in each format.
enum ReportText {
    static func localeIsUTF8(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let folded = locale.lowercased()
        return folded.contains("utf-8") || folded.contains("utf8")
    }

    static func heading(_ dimension: FundingDimension) -> String {
        switch dimension {
        case .theme: return "Theme"
        case .district: return "District"
        case .funder: return "Funder"
        case .year: return "Year"
        case .stream: return "Stream"
        }
    }

    static func title(_ report: FundingReport, _ dataset: Dataset) -> String {
        var scope: [String] = []
        if let stream = report.selection.stream { scope.append(dataset.stream(stream)?.name ?? stream) }
        if let year = report.selection.year { scope.append(year) }
        if let theme = report.selection.theme { scope.append(dataset.theme(theme)?.name ?? theme) }
        if report.selection.stream == nil { scope.insert("all streams", at: 0) }
        return "Funding by \(report.dimension.rawValue): " + scope.joined(separator: ", ")
    }

    /// `1121395.00`: pounds with two decimals, for CSV.
    static func pounds(_ pence: Pence) -> String {
        (pence < 0 ? "-" : "") + "\(pence.magnitude / 100)." + (pence.magnitude % 100 < 10 ? "0" : "") + "\(pence.magnitude % 100)"
    }

    /// A bar `value / largest` of `width` columns, drawn as the Funding screen draws its bars.
    static func bar(_ value: Pence, of largest: Pence, width: Int = 20, unicode: Bool) -> String {
        Bar.text(value, of: largest, width: width, unicode: unicode)
    }

    static func hasAlsoTagged(_ report: FundingReport) -> Bool { report.rows.contains { $0.alsoTagged != nil } }

    static func table(_ report: FundingReport, title: String, unicode: Bool) -> String {
        let tagged = hasAlsoTagged(report)
        var header = [heading(report.dimension), "Allocated", "Unallocated", "Total"]
        if report.hasSpend { header += ["Spent", "Unspent"] }
        if tagged { header.append("Also tagged") }
        func cells(_ row: FundingReportRow) -> [String] {
            var out = [Sanitizer.clean(row.label), Money.format(row.allocated), Money.format(row.unallocated), Money.format(row.total)]
            if report.hasSpend { out += [Money.format(row.spent), Money.format(row.unspent)] }
            if tagged { out.append(row.alsoTagged.map(Money.format) ?? "") }
            return out
        }
        let body = report.rows.map(cells)
        let totals = cells(report.total)
        var widths = header.map { DisplayWidth.of($0) }
        for row in body + [totals] {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
        }
        func line(_ values: [String], bar: String = "") -> String {
            let text = values.enumerated().map { index, value in
                DisplayWidth.pad(value, to: widths[index], alignRight: index > 0)
            }.joined(separator: "  ")
            guard bar.isEmpty else { return text + "  " + bar }
            return String(text.reversed().drop { $0 == " " }.reversed())
        }
        let largest = report.rows.map(\.total).max() ?? 0
        var out = title + "\n\n" + line(header) + "\n"
        for (row, values) in zip(report.rows, body) { out += line(values, bar: bar(row.total, of: largest, unicode: unicode)) + "\n" }
        out += String(repeating: unicode ? "─" : "-", count: widths.reduce(0, +) + 2 * (widths.count - 1)) + "\n"
        out += line(totals) + "\n"
        for note in notes(report) { out += "\n" + note }
        return out + "\n"
    }

    static let spentNote = "No allocation here reports spend yet: allocated is money given to projects, not money spent."

    static func notes(_ report: FundingReport) -> [String] { report.notes + (report.hasSpend ? [] : [spentNote]) }

    static func markdown(_ report: FundingReport, title: String) -> String {
        let tagged = hasAlsoTagged(report)
        func escape(_ text: String) -> String {
            Sanitizer.clean(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
        }
        func line(_ values: [String]) -> String { "| " + values.joined(separator: " | ") + " |\n" }
        func cells(_ row: FundingReportRow, label: String) -> [String] {
            var out = [label, Money.format(row.allocated), Money.format(row.unallocated), Money.format(row.total)]
            if report.hasSpend { out += [Money.format(row.spent), Money.format(row.unspent)] }
            if tagged { out.append(row.alsoTagged.map(Money.format) ?? "") }
            return out
        }
        var header = [heading(report.dimension), "Allocated", "Unallocated", "Total"]
        if report.hasSpend { header += ["Spent", "Unspent"] }
        if tagged { header.append("Also tagged") }
        var out = "### " + escape(title) + "\n\n" + line(header) + line(["---"] + Array(repeating: "---:", count: header.count - 1))
        for row in report.rows { out += line(cells(row, label: escape(row.label))) }
        out += line(cells(report.total, label: "**Total**").map { $0 == "**Total**" ? $0 : "**\($0)**" })
        for note in notes(report) { out += "\n" + escape(note) + "\n" }
        return out
    }

    static func csv(_ report: FundingReport) -> String {
        let tagged = hasAlsoTagged(report)
        var header = [
            "kind", "key", "label", "allocated_pence", "allocated_gbp", "unallocated_pence", "unallocated_gbp", "total_pence", "total_gbp",
        ]
        if report.hasSpend { header += ["spent_pence", "spent_gbp", "unspent_pence", "unspent_gbp"] }
        if tagged { header += ["also_tagged_pence", "also_tagged_gbp"] }
        let rows = (report.rows + [report.total]).map { row in
            var out = [
                row.kind.rawValue, FormulaGuard.neutralise(row.key), FormulaGuard.neutralise(row.label), String(row.allocated),
                pounds(row.allocated), String(row.unallocated), pounds(row.unallocated), String(row.total), pounds(row.total),
            ]
            if report.hasSpend { out += [String(row.spent), pounds(row.spent), String(row.unspent), pounds(row.unspent)] }
            if tagged { out += [row.alsoTagged.map { String($0) } ?? "", row.alsoTagged.map(pounds) ?? ""] }
            return out
        }
        return CSVWriter.table(header: header, rows: rows)
    }

    static func json(_ report: FundingReport) -> String {
        func value(_ row: FundingReportRow) -> JSONOutput {
            var fields: [(String, JSONOutput)] = [
                ("kind", .string(row.kind.rawValue)), ("key", .string(row.key)), ("label", .string(row.label)),
                ("allocated_pence", .integer(row.allocated)), ("unallocated_pence", .integer(row.unallocated)),
                ("total_pence", .integer(row.total)),
            ]
            if report.hasSpend {
                fields += [("spent_pence", .integer(row.spent)), ("unspent_pence", .integer(row.unspent))]
            }
            if let tagged = row.alsoTagged { fields.append(("also_tagged_pence", .integer(tagged))) }
            return .object(fields)
        }
        let selection = report.selection
        return JSONWriter.write(
            .object([
                ("by", .string(report.dimension.rawValue)),
                ("stream", selection.stream.map { .string($0) } ?? .null),
                ("year", selection.year.map { .string($0) } ?? .null),
                ("theme", selection.theme.map { .string($0) } ?? .null),
                ("rows", .array(report.rows.map(value))),
                ("total", value(report.total)),
                ("notes", .array(report.notes.map { .string($0) })),
            ]))
    }
}
