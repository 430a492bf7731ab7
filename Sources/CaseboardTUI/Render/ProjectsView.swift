import CaseboardKit
import TerminalKit

/// The project table: title takes the slack, other columns drop by priority on narrow terminals.
enum ProjectsView {
    static let columns: [TableColumn] = [
        TableColumn(header: "TITLE", width: 0, flexible: true, minWidth: 28, maxWidth: 52),
        TableColumn(header: "THEME", width: 18, priority: 3),
        TableColumn(header: "STATUS", width: 9, priority: 1),
        TableColumn(header: "LEAD", width: 24, priority: 5, growTo: 44),
        TableColumn(header: "DISTRICT", width: 15, priority: 4),
        TableColumn(header: "FUNDING", width: 8, priority: 2, alignRight: true),
    ]

    /// Which column shows the sort, if the sort key is a column.
    static func column(for key: ProjectSortKey) -> Int? {
        switch key {
        case .title: return 0
        case .theme: return 1
        case .status: return 2
        case .lead: return 3
        case .district: return 4
        case .funding: return 5
        case .start, .end: return nil
        }
    }

    /// Whether the sort's column is on screen at this width (otherwise the footer names the sort).
    static func showsSortColumn(_ sort: ProjectSort, width: Int) -> Bool {
        guard let column = column(for: sort.key) else { return false }
        return TableLayout.widths(columns, total: width - 2)[column] != nil
    }

    static func draw(_ state: AppState, _ canvas: inout Canvas, area: Rect) {
        let table = TableView(columns: columns, area: area)
        var marks: [Int: String] = [:]
        let arrow = canvas.unicode ? (state.sort.descending ? " ▼" : " ▲") : (state.sort.descending ? " v" : " ^")
        if let column = column(for: state.sort.key) { marks[column] = arrow }
        table.header(&canvas, marks: marks)
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
                [Span(project.status.label, .status(project.status))],
                [Span(data.organisationName(project.lead))],
                [Span(districts)],
                [Span(data.projectFunding[row] == 0 ? "–" : Money.compact(data.projectFunding[row]), .money)],
            ]
            table.row(&canvas, y: area.y + 1 + slot, cells: cells, selected: position == cursor.selected)
        }
    }
}
