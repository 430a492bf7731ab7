import CaseboardKit
import TerminalKit

/// Funding streams with their totals and a totals row; under them the selected stream (or, on the totals
/// row, every stream) split by primary theme, with the counting rule said on screen.
enum FundingView {
    static func columns(filtered: Bool) -> [TableColumn] {
        [
            TableColumn(header: "STREAM", width: 0, flexible: true, minWidth: 30),
            TableColumn(header: "YEARS", width: 16, priority: 4),
            TableColumn(header: "TOTAL", width: 11, priority: 1, alignRight: true),
            TableColumn(header: filtered ? "TO FILTERED" : "ALLOCATED", width: 11, priority: 2, alignRight: true, key: "allocated"),
            TableColumn(header: "UNALLOCATED", width: 11, priority: 3, alignRight: true),
        ]
    }

    /// The rule both the Themes and the Funding screens follow, in words.
    static func countingRule(width: Int, themes: Bool = false) -> String {
        let rule = "Money is counted under each project's primary theme only"
        guard width >= 120 else { return rule + "." }
        return themes
            ? rule + "; project counts include secondary-theme projects."
            : rule + "; \"also tagged\" (secondary themes) is never added to a total."
    }

    static func draw(_ state: AppState, _ canvas: inout Canvas, area: Rect) {
        let data = state.dataset
        if data.funding.isEmpty {
            canvas.text("No funding streams in this data directory.", x: 2, y: area.y + 2, width: area.width - 3, .dim)
            return
        }
        let listHeight = Layout.listHeight(.funding, state.size)
        let arranged = Columns.arranged(.funding, state, width: area.width)
        let table = arranged.table(Rect(x: area.x, y: area.y, width: area.width, height: listHeight + 1))
        table.header(&canvas)
        arranged.drawScrollMarks(&canvas, area: area)
        let cursor = state.cursor(.funding)
        let end = min(data.funding.count + 1, cursor.offset + listHeight)
        for (slot, index) in (cursor.offset..<end).enumerated() {
            let selected = index == cursor.selected
            let y = area.y + 1 + slot
            guard index < data.funding.count else {
                drawTotals(state, table, arranged, y: y, selected: selected, &canvas)
                continue
            }
            let stream = data.funding[index]
            let totals = state.streamTotals[index]
            let cells: [[Span]] = [
                [Span(stream.name)], [Span(stream.years.joined(separator: ", "), .dim)],
                [Span(Money.format(stream.total), .money)], [Span(Money.format(totals.allocated), totals.allocated > 0 ? .money : .dim)],
                [Span(Money.format(totals.unallocated), totals.unallocated > 0 ? .money : .dim)],
            ]
            table.row(&canvas, y: y, cells: arranged.cells(cells), selected: selected)
        }
        // The breakdown sits under the last row, or at the bottom when the rows fill the list.
        let shown = end - cursor.offset
        let top = area.y + 2 + min(shown, listHeight)
        let next = drawBreakdown(
            state, &canvas, top: top, area: area, stream: data.funding.indices.contains(cursor.selected) ? cursor.selected : nil)
        // Room left on a tall terminal: every stream too, so both answers are in view.
        if data.funding.indices.contains(cursor.selected), area.maxY - next >= Theme.knownIDs.count + 4 {
            _ = drawBreakdown(state, &canvas, top: next + 1, area: area, stream: nil)
        }
    }

    /// Sums of the columns: the answer to "how much in all".
    private static func drawTotals(
        _ state: AppState, _ table: TableView, _ arranged: ArrangedColumns, y: Int, selected: Bool, _ canvas: inout Canvas
    ) {
        let total = state.dataset.funding.reduce(Pence(0)) { $0 + $1.total }
        let allocated = state.streamTotals.reduce(Pence(0)) { $0 + $1.allocated }
        let unallocated = state.streamTotals.reduce(Pence(0)) { $0 + $1.unallocated }
        let cells: [[Span]] = [
            [Span("Total, all streams", .heading)], [], [Span(Money.format(total), .money)], [Span(Money.format(allocated), .money)],
            [Span(Money.format(unallocated), .money)],
        ]
        table.row(&canvas, y: y, cells: arranged.cells(cells), selected: selected)
    }

    /// One stream's allocations (or every stream's, when `stream` is nil) by primary theme, as bars, plus what
    /// is left unallocated and the counting rule. Returns the row after the last one drawn.
    private static func drawBreakdown(_ state: AppState, _ canvas: inout Canvas, top: Int, area: Rect, stream index: Int?) -> Int {
        let data = state.dataset
        guard top + 2 < area.maxY else { return area.maxY }
        let name: String
        let lines: [ThemeFunding]
        let whole: Pence
        let unallocated: Pence
        if let index {
            let stream = data.funding[index]
            name = stream.name
            lines = data.themeFunding(in: state.moneyMask, stream: stream.id)
            whole = stream.total
            unallocated = stream.unallocated
        } else {
            name = "All streams"
            lines = state.themeFunding
            whole = data.funding.reduce(Pence(0)) { $0 + $1.total }
            unallocated = data.funding.reduce(Pence(0)) { $0 + $1.unallocated }
        }
        canvas.rule(x: area.x + 1, y: top, width: area.width - 2)
        canvas.text(" \(name) by primary theme ", x: area.x + 3, y: top, width: area.width - 6, .heading)
        let labelWidth = 20
        let amountWidth = 12
        let percentWidth = 5
        // Wide terminals show the secondary-theme money beside the bars, never added in.
        let alsoWidth = area.width >= 120 ? 26 : 0
        let barWidth = max(0, area.width - labelWidth - amountWidth - percentWidth - alsoWidth - 6)
        let amountRight = area.x + 2 + labelWidth + barWidth + 1 + amountWidth
        var y = top + 1
        for line in lines where y < area.maxY {
            let role: Role = state.filter.themes.isEmpty || state.filter.themes.contains(line.theme) ? .plain : .dim
            canvas.text(Theme.shortName(line.theme), x: area.x + 2, y: y, width: labelWidth, role)
            canvas.bar(x: area.x + 2 + labelWidth, y: y, width: barWidth, numerator: line.primary, denominator: whole, .bar)
            canvas.textRight(Money.format(line.primary), right: amountRight, y: y, .money)
            canvas.textRight(percent(line.primary, of: whole), right: amountRight + percentWidth + 2, y: y, .dim)
            if alsoWidth > 0 && line.secondary > 0 {
                canvas.textRight("also tagged " + Money.format(line.secondary), right: area.maxX - 1, y: y, .dim)
            }
            y += 1
        }
        if y < area.maxY {
            canvas.text("Unallocated", x: area.x + 2, y: y, width: labelWidth, .dim)
            canvas.bar(x: area.x + 2 + labelWidth, y: y, width: barWidth, numerator: unallocated, denominator: whole, .dim)
            canvas.textRight(Money.format(unallocated), right: amountRight, y: y, .dim)
            canvas.textRight(percent(unallocated, of: whole), right: amountRight + percentWidth + 2, y: y, .dim)
            y += 1
        }
        if y < area.maxY {
            canvas.text(countingRule(width: area.width), x: area.x + 2, y: y, width: area.width - 4, .dim)
            y += 1
        }
        return y
    }
    /// Whole per cent, rounded half up, in integers: "70%".
    static func percent(_ part: Pence, of whole: Pence) -> String {
        guard whole > 0 else { return "–" }
        return "\((part * 100 + whole / 2) / whole)%"
    }
}
