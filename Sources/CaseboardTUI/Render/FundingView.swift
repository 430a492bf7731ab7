import CaseboardKit
import TerminalKit

/// Funding streams with their totals, and under them the selected stream split by primary theme.
enum FundingView {
    static func columns(filtered: Bool) -> [TableColumn] {
        [
            TableColumn(header: "STREAM", width: 0, flexible: true, minWidth: 30),
            TableColumn(header: "YEARS", width: 16, priority: 4),
            TableColumn(header: "TOTAL", width: 11, priority: 1, alignRight: true),
            TableColumn(header: filtered ? "TO FILTERED" : "ALLOCATED", width: 11, priority: 2, alignRight: true),
            TableColumn(header: "UNALLOCATED", width: 11, priority: 3, alignRight: true),
        ]
    }

    static func draw(_ state: AppState, _ canvas: inout Canvas, area: Rect) {
        let data = state.dataset
        let filtered = !state.filter.isEmpty
        let listHeight = Layout.listHeight(.funding, state.size)
        let table = TableView(
            columns: columns(filtered: filtered), area: Rect(x: area.x, y: area.y, width: area.width, height: listHeight + 1))
        table.header(&canvas)
        let cursor = state.cursor(.funding)
        let end = min(data.funding.count, cursor.offset + listHeight)
        for (slot, index) in (cursor.offset..<end).enumerated() {
            let stream = data.funding[index]
            let totals = state.streamTotals[index]
            let cells: [[Span]] = [
                [Span(stream.name)], [Span(stream.years.joined(separator: ", "), .dim)],
                [Span(Money.format(stream.total), .money)], [Span(Money.format(totals.allocated), totals.allocated > 0 ? .money : .dim)],
                [Span(Money.format(totals.unallocated), totals.unallocated > 0 ? .money : .dim)],
            ]
            table.row(&canvas, y: area.y + 1 + slot, cells: cells, selected: index == cursor.selected)
        }
        if data.funding.isEmpty {
            canvas.text("No funding streams in this data directory.", x: 2, y: area.y + 2, width: area.width - 3, .dim)
            return
        }
        // The breakdown sits under the last stream, or at the bottom when the streams fill the list.
        let shown = end - cursor.offset
        drawBreakdown(state, &canvas, top: area.y + 2 + min(shown, listHeight), area: area)
    }

    /// The selected stream's allocations by primary theme, as bars, plus what is left unallocated.
    private static func drawBreakdown(_ state: AppState, _ canvas: inout Canvas, top: Int, area: Rect) {
        let data = state.dataset
        let index = state.cursor(.funding).selected
        guard data.funding.indices.contains(index), top + 2 < area.maxY else { return }
        let stream = data.funding[index]
        let mask = state.filter.isEmpty ? RowMask.all : data.mask(state.visibleProjects)
        let lines = data.fundingByTheme(in: mask, stream: stream.id)
        canvas.rule(x: area.x + 1, y: top, width: area.width - 2)
        canvas.text(" \(stream.name) by primary theme ", x: area.x + 3, y: top, width: area.width - 6, .heading)
        let labelWidth = 20
        let amountWidth = 12
        let percentWidth = 5
        let barWidth = max(0, area.width - labelWidth - amountWidth - percentWidth - 6)
        var y = top + 1
        for line in lines where y < area.maxY {
            let role: Role = state.filter.themes.isEmpty || state.filter.themes.contains(line.key) ? .plain : .dim
            canvas.text(Theme.shortName(line.key), x: area.x + 2, y: y, width: labelWidth, role)
            canvas.bar(x: area.x + 2 + labelWidth, y: y, width: barWidth, numerator: line.amount, denominator: stream.total, .bar)
            canvas.textRight(Money.format(line.amount), right: area.x + 2 + labelWidth + barWidth + 1 + amountWidth, y: y, .money)
            canvas.textRight(percent(line.amount, of: stream.total), right: area.maxX - 1, y: y, .dim)
            y += 1
        }
        if y < area.maxY {
            canvas.text("Unallocated", x: area.x + 2, y: y, width: labelWidth, .dim)
            canvas.bar(x: area.x + 2 + labelWidth, y: y, width: barWidth, numerator: stream.unallocated, denominator: stream.total, .dim)
            canvas.textRight(
                Money.format(stream.unallocated), right: area.x + 2 + labelWidth + barWidth + 1 + amountWidth, y: y, .dim)
            canvas.textRight(percent(stream.unallocated, of: stream.total), right: area.maxX - 1, y: y, .dim)
        }
    }

    /// Whole per cent, rounded half up, in integers: "70%".
    static func percent(_ part: Pence, of whole: Pence) -> String {
        guard whole > 0 else { return "–" }
        return "\((part * 100 + whole / 2) / whole)%"
    }
}
