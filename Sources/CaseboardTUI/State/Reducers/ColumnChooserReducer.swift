/// The column chooser (`C`): Space shows or hides the highlighted column, J/K move it, +/- change its
/// width, r resets the screen's own layout. Changes apply at once; the list behind shows them.
func reduceColumnChooser(_ command: Command, _ chooser: ColumnChooser, _ state: inout AppState) -> [Effect] {
    guard var layout = Columns.layout(chooser.screen, state) else {
        state.overlay = nil
        return []
    }
    var chooser = chooser
    let count = layout.entries.count
    let selected = min(chooser.selected, count - 1)
    switch command {
    case .moveDown:
        chooser.selected = (selected + 1) % count
    case .moveUp:
        chooser.selected = (selected + count - 1) % count
    case .choose:
        layout.entries[selected].shown.toggle()
        if !layout.entries.contains(where: \.shown) {
            layout.entries[selected].shown = true
            state.message = Notice("At least one column stays on screen", .warning)
        }
    case .moveColumnDown:
        guard selected + 1 < count else { break }
        layout.entries.swapAt(selected, selected + 1)
        chooser.selected = selected + 1
    case .moveColumnUp:
        guard selected > 0 else { break }
        layout.entries.swapAt(selected, selected - 1)
        chooser.selected = selected - 1
    case .widenColumn, .narrowColumn:
        let current =
            layout.entries[selected].width ?? ColumnChooser.currentWidth(layout.entries[selected].id, chooser.screen, state)
        let step = command == .narrowColumn ? -2 : 2
        layout.entries[selected].width = min(
            max(current + step, ColumnChooser.widths.lowerBound), ColumnChooser.widths.upperBound)
    case .resetColumns:
        // Back to the screen's own layout.
        state.columnLayouts[chooser.screen] = nil
        state.columnScroll[chooser.screen] = nil
        state.message = Notice("Columns reset to the screen's own", .info)
        return []
    case .closePanel:
        state.overlay = nil
        return []
    default:
        return []
    }
    // A layout once chosen keeps every ticked column; ← → scroll when they do not all fit.
    if layout != Columns.layout(chooser.screen, state) {
        layout.fitToWidth = false
        state.columnLayouts[chooser.screen] = layout
    }
    state.overlay = .columnChooser(chooser)
    return []
}
