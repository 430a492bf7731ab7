import CaseboardKit
import TerminalKit

/// A list screen's columns as the user arranged them (`ColumnLayout`), fitted to the width or scrolled
/// sideways. Views build their cells in their own column order; `source` maps the arranged columns back.
struct ArrangedColumns {
    var columns: [TableColumn]
    /// For each arranged column, its index in the screen's own list.
    var source: [Int]
    /// Width per arranged column; nil when it is not on screen (left out, or scrolled past).
    var widths: [Int?]
    /// Columns scrolled past after the first (clamped), and the most there can be.
    var scroll: Int
    var maxScroll: Int

    /// The cells of one row in arranged order, from cells in the screen's own order.
    func cells(_ own: [[Span]]) -> [[Span]] { source.map { own.indices.contains($0) ? own[$0] : [] } }

    /// The arranged index of the column with this id, if it is on screen.
    func shownIndex(of id: String) -> Int? {
        columns.indices.first { columns[$0].id == id && widths[$0] != nil }
    }

    func table(_ area: Rect) -> TableView { TableView(columns: columns, area: area, widths: widths) }

    /// Arrows in the header where columns are off screen, so a sideways scroll is never a surprise.
    func drawScrollMarks(_ canvas: inout Canvas, area: Rect) {
        guard maxScroll > 0 else { return }
        if scroll > 0, let first = widths.first ?? nil {
            canvas.text(canvas.unicode ? "‹" : "<", x: area.x + 1 + first, y: area.y, .columnHeader)
        }
        if scroll < maxScroll { canvas.text(canvas.unicode ? "›" : ">", x: area.maxX - 1, y: area.y, .columnHeader) }
    }
}

enum Columns {
    /// The screen's own columns, or nil for a screen without a table (Themes).
    static func own(_ screen: Screen, _ state: AppState) -> [TableColumn]? {
        switch screen {
        case .projects: return ProjectsView.columns(state.dateStyle)
        case .funding: return FundingView.columns(filtered: !state.filter.isEmpty)
        case .partners: return PartnersView.columns
        case .activity: return ActivityView.columns(wide: state.size.width >= 90)
        case .themes, .reports: return nil
        }
    }

    /// The layout in force: the user's, else every column in the screen's order, fitted to the width.
    static func layout(_ screen: Screen, _ state: AppState) -> ColumnLayout? {
        guard let own = own(screen, state) else { return nil }
        let defaults = ColumnLayout(entries: own.map { ColumnLayout.Entry(id: $0.id) }, fitToWidth: true)
        guard var chosen = state.columnLayouts[screen] else { return defaults }
        // Columns the saved layout does not know (a newer version's) are added at the end, shown.
        let known = Set(chosen.entries.map(\.id))
        chosen.entries += defaults.entries.filter { !known.contains($0.id) }
        chosen.entries.removeAll { entry in !own.contains { $0.id == entry.id } }
        return chosen
    }

    /// The columns of a list screen as arranged for a table `area.width` wide.
    static func arranged(_ screen: Screen, _ state: AppState, width: Int) -> ArrangedColumns {
        let own = self.own(screen, state) ?? []
        let layout = self.layout(screen, state) ?? ColumnLayout(entries: [])
        var columns: [TableColumn] = []
        var source: [Int] = []
        for entry in layout.entries where entry.shown {
            guard let index = own.firstIndex(where: { $0.id == entry.id }) else { continue }
            var column = own[index]
            if let chosen = entry.width {
                if column.flexible {
                    column.minWidth = chosen
                    column.maxWidth = max(column.maxWidth, chosen)
                    column.wideMinWidth = nil
                } else {
                    column.width = chosen
                }
            }
            columns.append(column)
            source.append(index)
        }
        let total = width - 2
        if layout.fitToWidth || columns.isEmpty {
            return ArrangedColumns(
                columns: columns, source: source, widths: TableLayout.widths(columns, total: total), scroll: 0, maxScroll: 0)
        }
        // Every chosen column keeps its width; the flexible one takes any slack. What does not fit scrolls.
        var natural = columns.map { $0.flexible ? $0.minWidth : $0.width }
        let needed = natural.reduce(0, +) + TableLayout.gap * (columns.count - 1)
        if needed <= total {
            var fitted = columns
            for index in fitted.indices { fitted[index].priority = 0 }
            return ArrangedColumns(
                columns: columns, source: source, widths: TableLayout.widths(fitted, total: total), scroll: 0, maxScroll: 0)
        }
        // The first column stays; the others scroll. The most scroll shows the last column at the right.
        var maxScroll = max(0, columns.count - 2)
        var used = natural[0]
        for index in stride(from: columns.count - 1, through: 1, by: -1) {
            used += TableLayout.gap + natural[index]
            if used > total { break }
            maxScroll = index - 1
        }
        let scroll = min(max(0, state.columnScroll[screen] ?? 0), maxScroll)
        var widths: [Int?] = Array(repeating: nil, count: columns.count)
        natural[0] = min(natural[0], total)
        widths[0] = natural[0]
        var x = natural[0]
        for index in (1 + scroll)..<columns.count {
            let room = total - x - TableLayout.gap
            guard room > 0 else { break }
            // A column cut at the right edge would read as a whole one; only the first after the pinned may be.
            if natural[index] > room && index != 1 + scroll { break }
            widths[index] = min(natural[index], room)
            x += TableLayout.gap + widths[index]!
        }
        return ArrangedColumns(columns: columns, source: source, widths: widths, scroll: scroll, maxScroll: maxScroll)
    }

    /// Whether ← → scroll the current list sideways (its columns overflow), rather than go back and open.
    static func scrollsSideways(_ state: AppState) -> Bool {
        guard state.details.isEmpty, own(state.screen, state) != nil else { return false }
        return arranged(state.screen, state, width: state.size.width).maxScroll > 0
    }
}
