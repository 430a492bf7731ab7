import CaseboardKit
import TerminalKit

/// The latest changes across all projects, newest first, narrowed by the filters.
enum ActivityView {
    /// Narrow terminals get the date without the year, so when and who always fit.
    static func columns(wide: Bool) -> [TableColumn] {
        [
            TableColumn(header: "WHEN (UTC)", width: wide ? 16 : 11, priority: 1),
            TableColumn(header: "WHO", width: wide ? 12 : 10, priority: 2),
            TableColumn(header: "PROJECT", width: 0, flexible: true, minWidth: wide ? 24 : 14, maxWidth: wide ? 48 : 28),
            TableColumn(header: "CHANGE", width: wide ? 22 : 19, priority: 1, growTo: 70),
        ]
    }

    static func when(_ time: String, wide: Bool) -> String {
        let short = JournalTime.short(time)
        return wide ? String(short.prefix(16)) : String(short.dropFirst(5).prefix(11))
    }

    static func draw(_ state: AppState, _ canvas: inout Canvas, area: Rect) {
        let wide = area.width >= 90
        let table = TableView(columns: columns(wide: wide), area: area)
        table.header(&canvas)
        if state.activity.isEmpty {
            let why =
                state.history.count == 0
                ? "No changes recorded yet. On a project, c changes its status and a adds a note."
                : "No changes to the projects that match the filters. Press x to clear them."
            canvas.text(why, x: 2, y: area.y + 2, width: area.width - 3, .dim)
            return
        }
        let cursor = state.cursor(.activity)
        let height = Layout.listHeight(.activity, state.size)
        let end = min(state.activity.count, cursor.offset + height)
        for (slot, position) in (cursor.offset..<end).enumerated() {
            let index = state.activity[position]
            let event = state.history[index]
            let title = state.dataset.project(event.project)?.title ?? event.project
            let cells: [[Span]] = [
                [Span(when(event.time, wide: wide), .dim)], [Span(event.author)], [Span(title)],
                change(event, undone: state.history.isUndone(at: index)),
            ]
            table.row(&canvas, y: area.y + 1 + slot, cells: cells, selected: position == cursor.selected)
        }
    }

    /// "active → at risk  note…", "note: …", "undo: back to active".
    static func change(_ event: JournalEvent, undone: Bool) -> [Span] {
        var spans: [Span] = []
        switch event.kind {
        case .status:
            if let from = event.from { spans += [Span(from.label, .status(from)), Span(" → ", .dim)] }
            if let to = event.to { spans.append(Span(to.label, .status(to))) }
        case .note:
            spans.append(Span("note", .label))
        case .undo:
            spans.append(Span("undo", .label))
            if let to = event.to {
                spans += [Span(" back to ", .dim), Span(to.label, .status(to))]
            } else {
                spans.append(Span(" (note withdrawn)", .dim))
            }
        }
        if undone { spans.append(Span(" (undone)", .dim)) }
        if let note = event.note, event.kind != .undo { spans.append(Span("  " + note, .dim)) }
        return spans
    }
}
