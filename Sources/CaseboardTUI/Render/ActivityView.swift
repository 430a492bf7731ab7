import CaseboardKit
import TerminalKit

/// The latest changes across all projects, newest first, narrowed by the filters.
enum ActivityView {
    /// Narrow terminals get the date without the year, so when and who always fit. Who is wide enough for
    /// real names (longer ones end in …).
    static func columns(wide: Bool) -> [TableColumn] {
        [
            TableColumn(header: "WHEN (UTC)", width: wide ? 17 : 12, priority: 1, key: "when"),
            TableColumn(header: "WHO", width: wide ? 20 : 16, priority: 2),
            TableColumn(header: "PROJECT", width: 0, flexible: true, minWidth: wide ? 24 : 14, maxWidth: wide ? 48 : 28),
            TableColumn(header: "CHANGE", width: wide ? 22 : 19, priority: 1, growTo: 70),
        ]
    }

    static func when(_ time: String, wide: Bool, _ style: DateStyle) -> String {
        style.format(time: time, year: wide)
    }

    static func draw(_ state: AppState, _ canvas: inout Canvas, area: Rect) {
        let wide = area.width >= 90
        let arranged = Columns.arranged(.activity, state, width: area.width)
        let table = arranged.table(area)
        table.header(&canvas)
        arranged.drawScrollMarks(&canvas, area: area)
        if state.activity.isEmpty {
            let why =
                state.activityWindow != .all
                ? "No changes in the \(state.activityWindow.label)\(state.filter.isEmpty ? "" : " to the matching projects"). Press d for a longer period."
                : state.history.count == 0
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
                [Span(when(event.time, wide: wide, state.dateStyle), .dim)], [Span(event.author)], [Span(title)],
                change(event, undone: state.history.isUndone(at: index)),
            ]
            table.row(&canvas, y: area.y + 1 + slot, cells: arranged.cells(cells), selected: position == cursor.selected)
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
        case .edit:
            spans.append(Span(event.changesSummary))
        case .undo:
            spans.append(Span("undo", .label))
            if !event.changes.isEmpty {
                spans.append(Span(" (" + event.changesSummary + ")", .dim))
            } else if let to = event.to {
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
