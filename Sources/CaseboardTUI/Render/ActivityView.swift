import CaseboardKit
import TerminalKit

/// The latest changes across all projects, newest first, narrowed by the filters.
enum ActivityView {
    static let columns: [TableColumn] = [
        TableColumn(header: "WHEN (UTC)", width: 16, priority: 1),
        TableColumn(header: "WHO", width: 12, priority: 2),
        TableColumn(header: "PROJECT", width: 0, flexible: true, minWidth: 24, maxWidth: 48, growTo: nil),
        TableColumn(header: "CHANGE", width: 22, priority: 1, growTo: 60),
    ]

    static func draw(_ state: AppState, _ canvas: inout Canvas, area: Rect) {
        var columns = Self.columns
        columns[3].growTo = 70
        let table = TableView(columns: columns, area: area)
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
                [Span(String(JournalTime.short(event.time).prefix(16)), .dim)], [Span(event.author)], [Span(title)],
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
            if let to = event.to { spans += [Span(" back to ", .dim), Span(to.label, .status(to))] }
        }
        if undone { spans.append(Span(" (undone)", .dim)) }
        if let note = event.note, event.kind != .undo { spans.append(Span("  " + note, .dim)) }
        return spans
    }
}
