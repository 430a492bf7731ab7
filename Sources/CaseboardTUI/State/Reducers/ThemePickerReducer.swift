/// The theme picker: row 0 is "All themes", then the themes in strategy order.
func reduceThemePicker(_ command: Command, _ selected: Int, _ state: inout AppState, _ memo: Memo) -> [Effect] {
    let count = state.dataset.themes.count + 1
    switch command {
    case .moveDown: state.overlay = .themePicker(selected: (selected + 1) % count)
    case .moveUp: state.overlay = .themePicker(selected: (selected + count - 1) % count)
    case .choose: applyTheme(selected, &state, memo)
    case .chooseTheme(let index) where index < count: applyTheme(index, &state, memo)
    case .closePanel: state.overlay = nil
    default: break
    }
    return []
}

private func applyTheme(_ index: Int, _ state: inout AppState, _ memo: Memo) {
    state.overlay = nil
    if index == 0 {
        state.filter.themes = []
        state.message = Notice("Showing all themes", .info)
    } else {
        let theme = state.dataset.themes[index - 1]
        state.filter.themes = [theme.id]
        state.cursors[.themes, default: ListCursor()].selected = index - 1
        state.message = Notice("Showing \(theme.name)", .info)
    }
    state.recompute(memo)
}
