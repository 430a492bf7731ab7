import CaseboardKit
import TerminalKit

/// The panels for saved views: naming one (`v`) and choosing one (`V`).
enum ViewPanels {
    static func prompt(_ field: TextField, _ state: AppState, _ canvas: inout Canvas) -> (x: Int, y: Int)? {
        let rect = Overlays.centred(width: 64, height: 6, in: canvas.size)
        let inner = canvas.box(rect, title: "Save this view")
        canvas.text(summary(state.currentView(named: "")), x: inner.x, y: inner.y, width: inner.width, .dim)
        canvas.text("Letters, digits, - and _; the same name replaces a view.", x: inner.x, y: inner.y + 1, width: inner.width, .dim)
        return Overlays.field(field, label: "Name ", x: inner.x, y: inner.y + 2, width: inner.width, &canvas)
    }

    static func list(_ list: ViewList, _ state: AppState, _ canvas: inout Canvas) -> (x: Int, y: Int)? {
        let rect = Overlays.centred(width: 72, height: state.views.count + 5, in: canvas.size)
        let inner = canvas.box(rect, title: "Saved views")
        var cursor: (x: Int, y: Int)?
        let rows = max(1, inner.height - 2)
        let top = max(0, list.selected - rows + 1)
        for (slot, index) in (top..<min(state.views.count, top + rows)).enumerated() {
            let view = state.views[index]
            let y = inner.y + slot
            let isSelected = index == list.selected
            if isSelected {
                canvas.fill(x: inner.x, y: y, width: inner.width, .plain, selected: true)
                cursor = (inner.x, y)
            }
            let nameWidth = canvas.text(view.name, x: inner.x + 1, y: y, width: 24, .bold, selected: isSelected)
            canvas.text(
                summary(view), x: inner.x + 2 + max(nameWidth, 20), y: y, width: max(0, inner.width - 22), .dim, selected: isSelected)
        }
        let keys = state.keyMap
        let delete = keys.label(for: .deleteView, in: .viewList) ?? "d"
        let close = keys.label(for: .closePanel, in: .viewList) ?? "Esc"
        let help =
            list.confirmingDelete
            ? "Delete \(state.views[min(list.selected, state.views.count - 1)].name)? \(delete) deletes, \(close) keeps it"
            : "\(keys.label(for: .open, in: .viewList) ?? "Enter") opens · \(delete) deletes · \(close) closes"
        canvas.text(help, x: inner.x, y: inner.maxY - 1, width: inner.width, list.confirmingDelete ? .warning : .dim)
        return cursor
    }

    /// "Projects · at risk · Kirklees · "knife" · by status ↓".
    static func summary(_ view: SavedView) -> String {
        var parts = [view.screen.title]
        parts += view.filter.themes.sorted()
        parts += ProjectStatus.allCases.filter(view.filter.statuses.contains).map(\.label)
        parts += District.allCases.filter(view.filter.districts.contains).map(\.name)
        if !view.filter.text.isEmpty { parts.append("\"\(view.filter.text)\"") }
        parts.append("by \(view.sort.key.label) " + (view.sort.descending ? "↓" : "↑"))
        return parts.joined(separator: " · ")
    }
}
