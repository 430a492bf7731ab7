import CaseboardKit
import TerminalKit

/// The column chooser panel: every column of the list, ticked when shown, in order, with its width.
enum ColumnChooserView {
    static func draw(_ chooser: ColumnChooser, _ state: AppState, _ canvas: inout Canvas) -> (x: Int, y: Int)? {
        guard let layout = Columns.layout(chooser.screen, state), let own = Columns.own(chooser.screen, state) else { return nil }
        // Named as the key map binds them, so remapped keys show as remapped.
        func keys(_ commands: Command...) -> String? {
            let labels = commands.compactMap { state.keyMap.label(for: $0, in: .columnChooser) }
            return labels.count == commands.count ? labels.joined(separator: " ") : nil
        }
        let actions = [
            keys(.choose).map { "\($0) shows or hides" }, keys(.moveColumnDown, .moveColumnUp).map { "\($0) move" },
            keys(.widenColumn, .narrowColumn).map { "\($0) width" }, keys(.resetColumns).map { "\($0) resets" },
        ]
        let notes = [
            actions.compactMap { $0 }.joined(separator: " · "),
            layout.fitToWidth
                ? "Columns that do not fit are left out until you choose."
                : "Ticked columns all show; ← → scroll if they overflow.",
        ]
        let rect = Overlays.centred(width: 60, height: layout.entries.count + notes.count + 5, in: canvas.size)
        let inner = canvas.box(rect, title: "\(chooser.screen.title) columns")
        canvas.text("Column", x: inner.x + 4, y: inner.y, .label)
        canvas.textRight("Width", right: inner.maxX, y: inner.y, .label)
        let arranged = Columns.arranged(chooser.screen, state, width: state.size.width)
        let tick = canvas.unicode ? "[✓]" : "[x]"
        var cursor: (x: Int, y: Int)?
        for (index, entry) in layout.entries.enumerated() {
            let y = inner.y + 1 + index
            guard y < inner.maxY - notes.count else { break }
            let isSelected = index == chooser.selected
            if isSelected {
                canvas.fill(x: inner.x, y: y, width: inner.width, .plain, selected: true)
                cursor = (inner.x + 1, y)
            }
            let header = own.first { $0.id == entry.id }?.header ?? entry.id
            let onScreen = arranged.columns.firstIndex { $0.id == entry.id }.flatMap { arranged.widths[$0] }
            let width = entry.width.map(String.init) ?? onScreen.map { "\($0) (auto)" } ?? "auto"
            let hidden = entry.shown && onScreen == nil ? "  off screen" : ""
            canvas.text(
                "\(entry.shown ? tick : "[ ]") \(header.capitalized)\(hidden)", x: inner.x, y: y, width: inner.width - 12, .plain,
                selected: isSelected)
            canvas.textRight(width, right: inner.maxX, y: y, .dim, selected: isSelected)
        }
        for (index, note) in notes.enumerated() {
            canvas.text(note, x: inner.x, y: inner.maxY - notes.count + index, width: inner.width, .dim)
        }
        return cursor
    }
}
