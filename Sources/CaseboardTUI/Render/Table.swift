import TerminalKit

/// A table column. Fixed columns keep their width or are dropped whole when the terminal is narrow,
/// lowest priority first; the one flexible column (the title) takes the slack.
struct TableColumn {
    var header: String
    var width: Int
    /// 1 is dropped last; the flexible column is never dropped.
    var priority: Int = 1
    var alignRight = false
    var flexible = false
    var minWidth = 0
    /// For the flexible column: beyond this, slack goes to the `grows` column instead.
    var maxWidth = Int.max
    /// Takes slack past the flexible column's `maxWidth`, up to `growTo`.
    var growTo: Int?
    /// From 120 columns, the flexible column gets at least this (titles get the room of wide terminals).
    var wideMinWidth: Int?
    /// The id a `ColumnLayout` names it by; the lower-case header when nil.
    var key: String?

    var id: String { key ?? header.lowercased() }
}

enum TableLayout {
    static let gap = 1

    /// Widths for each column in `total` columns; nil for a column that does not fit.
    static func widths(_ columns: [TableColumn], total: Int) -> [Int?] {
        // A wide terminal's room goes to the flexible column before the least useful columns come back.
        let columns =
            total >= 118
            ? columns.map { column in
                var column = column
                if let wide = column.wideMinWidth { column.minWidth = max(column.minWidth, wide) }
                return column
            } : columns
        var kept = Array(columns.indices)
        func needed(_ kept: [Int]) -> Int {
            kept.reduce(0) { $0 + (columns[$1].flexible ? columns[$1].minWidth : columns[$1].width) } + gap * max(0, kept.count - 1)
        }
        while needed(kept) > total,
            let drop = kept.filter({ !columns[$0].flexible }).max(by: { columns[$0].priority < columns[$1].priority })
        {
            kept.removeAll { $0 == drop }
        }
        let fixed = kept.filter { !columns[$0].flexible }.reduce(0) { $0 + columns[$1].width } + gap * max(0, kept.count - 1)
        var widths: [Int?] = columns.indices.map { index in
            guard kept.contains(index) else { return nil }
            return columns[index].flexible ? max(0, total - fixed) : columns[index].width
        }
        // Past the flexible column's useful width, a growing column takes the rest.
        if let flexible = kept.first(where: { columns[$0].flexible }), let slackWidth = widths[flexible],
            slackWidth > columns[flexible].maxWidth,
            let grower = kept.first(where: { columns[$0].growTo != nil }), let current = widths[grower]
        {
            let extra = min(slackWidth - columns[flexible].maxWidth, columns[grower].growTo! - current)
            if extra > 0 {
                widths[flexible] = slackWidth - extra
                widths[grower] = current + extra
            }
        }
        return widths
    }
}

/// Draws rows of cells under a header row.
struct TableView {
    var columns: [TableColumn]
    var area: Rect
    let widths: [Int?]

    init(columns: [TableColumn], area: Rect) {
        self.columns = columns
        self.area = area
        widths = TableLayout.widths(columns, total: area.width - 2)
    }

    init(columns: [TableColumn], area: Rect, widths: [Int?]) {
        self.columns = columns
        self.area = area
        self.widths = widths
    }

    /// The x of each kept column.
    private var positions: [Int?] {
        var x = area.x + 1
        return widths.map { width in
            guard let width else { return nil }
            defer { x += width + TableLayout.gap }
            return x
        }
    }

    func header(_ canvas: inout Canvas, marks: [Int: String] = [:]) {
        canvas.fill(x: area.x, y: area.y, width: area.width, .columnHeader)
        for (index, x) in positions.enumerated() {
            guard let x, let width = widths[index] else { continue }
            let title = columns[index].header + (marks[index] ?? "")
            if columns[index].alignRight {
                canvas.textRight(title, right: x + width, y: area.y, .columnHeader)
            } else {
                canvas.text(title, x: x, y: area.y, width: width, .columnHeader)
            }
        }
    }

    /// One row at screen row `y`; cells are span lists, one per column.
    func row(_ canvas: inout Canvas, y: Int, cells: [[Span]], selected: Bool) {
        if selected { canvas.fill(x: area.x, y: y, width: area.width, .plain, selected: true) }
        for (index, x) in positions.enumerated() {
            guard let x, let width = widths[index], index < cells.count else { continue }
            if columns[index].alignRight {
                let text = cells[index].map(\.text).joined()
                let shown = DisplayWidth.of(text)
                canvas.spans(cells[index], x: x + max(0, width - shown), y: y, width: min(width, shown), selected: selected)
            } else {
                canvas.spans(cells[index], x: x, y: y, width: width, selected: selected)
            }
        }
    }
}
