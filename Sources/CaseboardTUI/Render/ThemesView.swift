import CaseboardKit
import TerminalKit

/// The four strategy themes, each a block: name and totals, projects by status, description.
enum ThemesView {
    static func draw(_ state: AppState, _ canvas: inout Canvas, area: Rect) {
        let data = state.dataset
        let cursor = state.cursor(.themes)
        let blocks = Layout.listHeight(.themes, state.size)
        for (slot, index) in (cursor.offset..<min(data.themes.count, cursor.offset + blocks)).enumerated() {
            let y = area.y + slot * Layout.themeBlockRows
            drawBlock(state, index: index, y: y, width: area.width, selected: index == cursor.selected, &canvas)
        }
        // A line of totals under the blocks, when there is room.
        let used = min(data.themes.count, blocks) * Layout.themeBlockRows
        if used < area.height {
            canvas.text(totalsLine(state), x: 2, y: area.y + used, width: area.width - 3, .dim)
            // The same rule as the Funding screen, so the two agree or say why not.
            if used + 1 < area.height {
                canvas.text(
                    FundingView.countingRule(width: area.width, themes: true), x: 2, y: area.y + used + 1, width: area.width - 3, .dim)
            }
        }
    }

    /// The projects matching every filter, theme included: the same number as the footer and the Projects
    /// screen. The blocks count each theme under the other filters, so with a theme chosen the line also
    /// says how many that is across all themes (what the blocks and the money add up from).
    static func totalsLine(_ state: AppState) -> String {
        let allocated = Money.format(state.themeStats.reduce(Pence(0)) { $0 + $1.allocated })
        let matching = Footer.plural(state.visibleProjects.count, "project")
        if state.filter.isEmpty { return "\(matching) in all · \(allocated) allocated by primary theme" }
        if state.filter.themes.isEmpty { return "\(matching) matching the filters · \(allocated) allocated by primary theme" }
        return "\(matching) match the filters · all themes: \(state.themeProjectTotal), \(allocated) by primary theme"
    }

    private static func drawBlock(_ state: AppState, index: Int, y: Int, width: Int, selected: Bool, _ canvas: inout Canvas) {
        let theme = state.dataset.themes[index]
        let stat = state.themeStats.indices.contains(index) ? state.themeStats[index] : nil
        let chosen = state.filter.themes.contains(theme.id)
        let marker = selected ? (canvas.unicode ? "▶" : ">") : (chosen ? "●" : " ")
        let totals = "\(Footer.plural(stat?.projects ?? 0, "project"))  \(Money.format(stat?.allocated ?? 0))"
        let totalsWidth = DisplayWidth.of(totals)
        if selected { canvas.fill(x: 0, y: y, width: width, .plain, selected: true) }
        canvas.text(marker, x: 1, y: y, .brand, selected: selected)
        canvas.text("\(index + 1) \(theme.name)", x: 3, y: y, width: max(0, width - totalsWidth - 6), .heading, selected: selected)
        canvas.textRight(totals, right: width - 1, y: y, .money, selected: selected)
        // Projects by status, each count in its status colour.
        // Projects by status, each count in its status colour; whole entries only, never a cut one.
        var x = 5
        let parts = ProjectStatus.allCases.compactMap { status in
            (stat?.byStatus[status]).flatMap { $0 > 0 ? (text: "\($0) \(status.label)", status: status) : nil }
        }
        for (index, part) in parts.enumerated() {
            let separator = index == 0 ? "" : " · "
            let needed = DisplayWidth.of(separator + part.text)
            guard x + needed <= width - 1 else {
                canvas.text(" …", x: x, y: y + 1, .dim)
                break
            }
            x += canvas.text(separator, x: x, y: y + 1, .dim)
            x += canvas.text(part.text, x: x, y: y + 1, .status(part.status))
        }
        if parts.isEmpty { canvas.text("No projects match the filters", x: x, y: y + 1, width: max(0, width - x - 1), .dim) }
        canvas.text(theme.description, x: 5, y: y + 2, width: max(0, width - 6), .dim)
    }
}
