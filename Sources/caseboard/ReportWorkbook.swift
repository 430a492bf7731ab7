import CaseboardKit
import CaseboardXLSX

/// Funding reports as an Excel workbook: one sheet per breakdown, amounts as numbers in pounds with the
/// `£#,##0.00` format (so a board paper's sums can be checked in the spreadsheet), then the Total row and the
/// notes on how the money was counted.
enum ReportWorkbook {
    static func sheet(_ report: FundingReport) -> XLSXSheet {
        let tagged = ReportText.hasAlsoTagged(report)
        var header = [ReportText.heading(report.dimension), "Allocated", "Unallocated", "Total"]
        if report.hasSpend { header += ["Spent", "Unspent"] }
        if tagged { header.append("Also tagged") }
        header.append("ID")
        func cells(_ row: FundingReportRow) -> [XLSXCell] {
            var out: [XLSXCell] = [
                .text(row.label), .money(pence: row.allocated), .money(pence: row.unallocated), .money(pence: row.total),
            ]
            if report.hasSpend { out += [.money(pence: row.spent), .money(pence: row.unspent)] }
            if tagged { out.append(row.alsoTagged.map { .money(pence: $0) } ?? .empty) }
            out.append(.text(row.key))
            return out
        }
        var rows = report.rows.map(cells) + [cells(report.total)]
        rows.append([.empty])
        rows += ReportText.notes(report).map { [.text($0)] }
        return XLSXSheet(name: report.dimension.rawValue, header: header, rows: rows)
    }

    static func workbook(_ reports: [FundingReport]) throws -> [UInt8] {
        Array(try XLSXWriter.workbook(reports.map(sheet)))
    }
}
