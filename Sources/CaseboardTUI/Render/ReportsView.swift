import CaseboardKit
import TerminalKit

/// The money broken down one way (`b`), for every year or one (`Y`): allocated, unallocated and total per
/// row with a bar, a Total row the rows add up to, and under them the breakdowns and how the money is counted.
/// The figures are `FundingReport`'s, the same as `caseboard report funding`.
enum ReportsView {
    static let moneyWidth = 11

    static func heading(_ by: FundingDimension) -> String {
        switch by {
        case .theme: return "THEME"
        case .district: return "DISTRICT"
        case .funder: return "FUNDER"
        case .year: return "YEAR"
        case .stream: return "STREAM"
        }
    }

    /// The bar takes what the labels leave, within reason: names come first, since a stream's year is at the end
    /// of its name. On a narrow terminal the bar goes before the money.
    static func columns(_ report: FundingReport, labels: [String], width: Int) -> [TableColumn] {
        let tagged = hasAlsoTagged(report)
        let money = ["ALLOCATED", "UNALLOCATED", "TOTAL"] + (tagged ? ["ALSO TAGGED"] : [])
        let labelWidth = min(44, labels.map { DisplayWidth.of($0) }.max() ?? 0)
        let barWidth = min(40, max(4, width - labelWidth - money.count * (moneyWidth + 1) - 1))
        var columns = [
            TableColumn(header: heading(report.dimension), width: 0, flexible: true, minWidth: min(labelWidth, 24), maxWidth: 44)
        ]
        for (index, header) in money.enumerated() {
            columns.append(TableColumn(header: header, width: moneyWidth, priority: index == 1 || index == 3 ? 2 : 1, alignRight: true))
        }
        columns.append(TableColumn(header: "", width: barWidth, priority: 3, growTo: 40))
        return columns
    }

    /// By theme: secondary-theme money beside each row, never added in.
    static func hasAlsoTagged(_ report: FundingReport) -> Bool { report.rows.contains { $0.alsoTagged != nil } }

    static func draw(_ state: AppState, _ canvas: inout Canvas, area: Rect) {
        guard !state.dataset.funding.isEmpty, let report = state.fundingReport else {
            let why =
                state.dataset.funding.isEmpty
                ? "No funding streams in this data directory." : "No report for \(state.reportChoice.year ?? "these years"): press Y."
            canvas.text(why, x: 2, y: area.y + 2, width: area.width - 3, .dim)
            return
        }
        let wide = area.width >= 120
        let rows = report.rows + [report.total]
        // Short theme names unless the terminal is wide; other labels are the data's own.
        let labels = rows.map { row in
            row.kind == .item && report.dimension == .theme && !wide ? Theme.shortName(row.key) : Sanitizer.clean(row.label)
        }
        let columns = columns(report, labels: labels, width: area.width - 2)
        let widths = TableLayout.widths(columns, total: area.width - 2)
        let table = TableView(columns: columns, area: area, widths: widths)
        table.header(&canvas)
        let largest = report.rows.map(\.total).max() ?? 0
        let barWidth = widths.last.flatMap { $0 } ?? 0
        let cursor = state.cursor(.reports)
        let height = Layout.listHeight(.reports, state.size)
        let end = min(rows.count, cursor.offset + height)
        for (slot, index) in (cursor.offset..<end).enumerated() {
            let row = rows[index]
            let isTotal = index == rows.count - 1
            var cells: [[Span]] = [
                [Span(labels[index], isTotal ? .heading : row.kind == .unallocated ? .dim : .plain)],
                [amount(row.allocated)], [amount(row.unallocated)], [amount(row.total)],
            ]
            if hasAlsoTagged(report) { cells.append(row.alsoTagged.map { [amount($0, .dim)] } ?? []) }
            cells.append(isTotal ? [] : bar(row, of: largest, width: barWidth, unicode: canvas.unicode))
            table.row(&canvas, y: area.y + 1 + slot, cells: cells, selected: index == cursor.selected)
        }
        drawNotes(state, report, &canvas, top: area.y + 2 + (end - cursor.offset), area: area)
    }

    private static func amount(_ pence: Pence, _ role: Role = .money) -> Span {
        Span(Money.format(pence), pence == 0 ? .dim : role)
    }

    /// Allocated money in the bar colour, then the unallocated rest dimmed, scaled to the largest row.
    static func bar(_ row: FundingReportRow, of largest: Pence, width: Int, unicode: Bool) -> [Span] {
        let allocated = Bar.text(row.allocated, of: largest, width: width, unicode: unicode)
        let room = width - DisplayWidth.of(allocated)
        return [Span(allocated, .bar), Span(Bar.text(row.unallocated, of: largest, width: room, unicode: unicode), .dim)]
    }

    /// The breakdowns with the current one marked, the year, then why the figures are what they are.
    private static func drawNotes(_ state: AppState, _ report: FundingReport, _ canvas: inout Canvas, top: Int, area: Rect) {
        guard top < area.maxY else { return }
        var x = area.x + 2
        if let key = state.keyMap.label(for: .cycleReportBreakdown, in: .lists) { x += canvas.text(key + " ", x: x, y: top, .key) }
        for dimension in FundingDimension.allCases {
            let current = dimension == report.dimension
            x += canvas.text(" \(dimension.rawValue) ", x: x, y: top, width: max(0, area.maxX - x), current ? .tabActive : .dim)
        }
        let year = state.reportChoice.year ?? "every year"
        let yearKey = state.keyMap.label(for: .cycleReportYear, in: .lists).map { $0 + " " } ?? ""
        if x + 4 + DisplayWidth.of(yearKey + year) < area.maxX {
            canvas.text(yearKey, x: x + 3, y: top, .key)
            canvas.text(year, x: x + 3 + DisplayWidth.of(yearKey), y: top, .label)
        }
        var notes: [(String, Role)] = []
        if let theme = report.selection.theme {
            notes.append(("Theme filter: money to projects whose primary theme is \(Theme.shortName(theme).lowercased()).", .dim))
        }
        if state.reportIgnoresFilters {
            let clear = state.keyMap.label(for: .clearFilters).map { "; \($0) clears them" } ?? ""
            notes.append(("Status, district, dates and search do not apply here\(clear).", .warning))
        }
        // The rules are written for the command line; here the filters are keys, not options.
        for note in report.notes {
            let said = note.replacingOccurrences(of: "--theme", with: "a theme filter").replacingOccurrences(of: "--year", with: "one year")
            notes.append((said, .dim))
        }
        var y = top + 1
        for (note, role) in notes {
            for line in Wrap.lines(note, width: area.width - 4) where y < area.maxY {
                canvas.text(line, x: area.x + 2, y: y, width: area.width - 4, role)
                y += 1
            }
        }
    }
}
