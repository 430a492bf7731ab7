import CaseboardKit
import TerminalKit

/// The project table: title takes the slack, other columns drop by priority on narrow terminals (at 80
/// columns: title, status, district, end and funding), or as arranged with `C`.
enum ProjectsView {
    static func columns(_ style: DateStyle) -> [TableColumn] {
        [
            TableColumn(header: "TITLE", width: 0, flexible: true, minWidth: 28, maxWidth: 60, wideMinWidth: 44),
            TableColumn(header: "THEME", width: 18, priority: 5),
            TableColumn(header: "STATUS", width: 9, priority: 1),
            TableColumn(header: "LEAD", width: 20, priority: 6, growTo: 44),
            TableColumn(header: "DISTRICT", width: 15, priority: 3),
            TableColumn(header: "START", width: style.width, priority: 7),
            TableColumn(header: "END", width: style.width, priority: 2),
            TableColumn(header: "FUNDING", width: 8, priority: 4, alignRight: true),
        ]
    }

    /// The sort key of each of the screen's own columns, in order.
    static let sortKeys: [ProjectSortKey] = [.title, .theme, .status, .lead, .district, .start, .end, .funding]

    /// The sort keys of the columns on screen, left to right: what `s` cycles through.
    static func visibleSortKeys(_ state: AppState) -> [ProjectSortKey] {
        let arranged = Columns.arranged(.projects, state, width: state.size.width)
        return arranged.columns.indices.compactMap { index in
            arranged.widths[index] == nil ? nil : sortKeys[arranged.source[index]]
        }
    }

    /// Whether the sort's column is on screen (otherwise the footer names the sort).
    static func showsSortColumn(_ state: AppState) -> Bool {
        visibleSortKeys(state).contains(state.sort.key)
    }

    static func draw(_ state: AppState, _ canvas: inout Canvas, area: Rect) {
        let arranged = Columns.arranged(.projects, state, width: area.width)
        let table = arranged.table(area)
        var marks: [Int: String] = [:]
        let arrow = canvas.unicode ? (state.sort.descending ? " ▼" : " ▲") : (state.sort.descending ? " v" : " ^")
        if let own = sortKeys.firstIndex(of: state.sort.key), let column = arranged.source.firstIndex(of: own) {
            marks[column] = arrow
        }
        table.header(&canvas, marks: marks)
        arranged.drawScrollMarks(&canvas, area: area)
        let data = state.dataset
        let cursor = state.cursor(.projects)
        let height = Layout.listHeight(.projects, state.size)
        if state.visibleProjects.isEmpty {
            let why =
                data.projects.isEmpty ? "No projects in this data directory." : "No projects match the filters. Press x to clear them."
            canvas.text(why, x: 2, y: area.y + 2, width: area.width - 3, .dim)
            return
        }
        let end = min(state.visibleProjects.count, cursor.offset + height)
        let words = Highlight.words(state)
        for (slot, position) in (cursor.offset..<end).enumerated() {
            let row = state.visibleProjects[position]
            let project = data.projects[row]
            let districts =
                project.districts.count > 1 && project.districts.count < 3
                ? project.districts.map(\.name).joined(separator: ", ")
                : project.districts.count >= 3 ? "\(project.districts.count) districts" : project.districts.first?.name ?? ""
            let cells: [[Span]] = [
                Highlight.spans(project.title, words: words),
                [Span(Theme.shortName(project.theme), .dim)],
                // "!" flags a review date that has passed; the project page says which.
                project.isReviewOverdue(on: state.today)
                    ? [Span(project.status.label, .status(project.status)), Span(" !", .warning)]
                    : [Span(project.status.label, .status(project.status))],
                [Span(data.organisationName(project.lead))],
                [Span(districts)],
                [Span(state.dateStyle.format(number: data.projects.starts[row]), .dim)],
                [Span(state.dateStyle.format(number: data.projects.ends[row]))],
                [Span(data.projectFunding[row] == 0 ? "–" : Money.compact(data.projectFunding[row]), .money)],
            ]
            table.row(&canvas, y: area.y + 1 + slot, cells: arranged.cells(cells), selected: position == cursor.selected)
        }
    }
}
