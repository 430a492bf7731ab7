import CaseboardKit
import TerminalKit

/// Partner organisations involved in the visible projects, with kind, district and counts.
enum PartnersView {
    static let columns: [TableColumn] = [
        TableColumn(header: "ORGANISATION", width: 0, flexible: true, minWidth: 34),
        TableColumn(header: "KIND", width: 18, priority: 1),
        TableColumn(header: "DISTRICT", width: 14, priority: 3),
        TableColumn(header: "PROJECTS", width: 8, priority: 2, alignRight: true),
        TableColumn(header: "CONTACTS", width: 8, priority: 4, alignRight: true),
    ]

    static func draw(_ state: AppState, _ canvas: inout Canvas, area: Rect) {
        let data = state.dataset
        let arranged = Columns.arranged(.partners, state, width: area.width)
        let table = arranged.table(area)
        table.header(&canvas)
        arranged.drawScrollMarks(&canvas, area: area)
        if state.visiblePartners.isEmpty {
            canvas.text("No partners are involved in the matching projects.", x: 2, y: area.y + 2, width: area.width - 3, .dim)
            return
        }
        let cursor = state.cursor(.partners)
        let height = Layout.listHeight(.partners, state.size)
        let end = min(state.visiblePartners.count, cursor.offset + height)
        let words = Highlight.words(state)
        for (slot, position) in (cursor.offset..<end).enumerated() {
            let row = state.visiblePartners[position]
            let organisation = data.organisations[row]
            let projects = state.partnerProjectCounts[row]
            let contacts = data.contactsByOrganisation[row].count
            let cells: [[Span]] = [
                Highlight.spans(organisation.name, words: words), Highlight.spans(organisation.kind.label, words: words, .dim),
                [Span(organisation.district.name)],
                [Span(projects == 0 ? "–" : String(projects))], [Span(contacts == 0 ? "–" : String(contacts))],
            ]
            table.row(&canvas, y: area.y + 1 + slot, cells: arranged.cells(cells), selected: position == cursor.selected)
        }
    }
}
