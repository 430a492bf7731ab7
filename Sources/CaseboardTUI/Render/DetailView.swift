import CaseboardKit
import TerminalKit

/// An open record: a breadcrumb title, a rule, then the page's lines; the selected link is highlighted.
enum DetailView {
    static func draw(_ state: AppState, _ detail: DetailState, _ canvas: inout Canvas, area: Rect) -> Int? {
        guard let page = DetailPage.build(detail.target, state) else {
            canvas.text("This record is no longer in the data. Press Esc to go back.", x: 2, y: area.y, width: area.width - 3, .warning)
            return nil
        }
        let trail = state.details.dropLast().compactMap { DetailPage.heading($0.target, state.dataset)?.title }
        let separator = canvas.unicode ? " › " : " > "
        // The trail starts with the kind of record it started from: "Partner › Bradford CSP › Programme Precision".
        let root = state.details.first.flatMap { DetailPage.heading($0.target, state.dataset)?.kind } ?? page.kind
        var x = 1 + canvas.text(root + separator, x: 1, y: area.y, width: area.width - 2, .label)
        if !trail.isEmpty {
            let crumbs = DisplayWidth.truncate(trail.joined(separator: separator), to: max(1, (area.maxX - x) / 2 - 3))
            x += canvas.text(crumbs + separator, x: x, y: area.y, .dim)
        }
        canvas.text(page.title, x: x, y: area.y, width: max(0, area.maxX - x - 1), .heading)
        canvas.rule(x: 1, y: area.y + 1, width: area.width - 2)
        let height = Layout.detailBodyHeight(state.size)
        let selectedLine = page.linkLines.indices.contains(detail.selectedLink) ? page.linkLines[detail.selectedLink] : nil
        var cursorRow: Int?
        for (slot, index) in (detail.scroll..<min(page.lines.count, detail.scroll + height)).enumerated() {
            let y = area.y + 2 + slot
            let selected = index == selectedLine
            if selected {
                canvas.fill(x: 1, y: y, width: area.width - 2, .plain, selected: true)
                cursorRow = y
            }
            canvas.spans(page.lines[index].spans, x: 2, y: y, width: area.width - 3, selected: selected)
        }
        if page.lines.count > height {
            let shown = " \(detail.scroll + 1)–\(min(page.lines.count, detail.scroll + height)) of \(page.lines.count) lines "
            canvas.textRight(shown, right: area.maxX - 1, y: area.y + 1, .dim)
        }
        return cursorRow
    }
}
