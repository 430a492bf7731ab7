import TerminalKit

/// The mouse on the screens: the wheel scrolls, a click on a tab switches, a click selects and a second opens.
func reduceMouse(_ event: MouseEvent, _ state: inout AppState, _ memo: Memo) -> [Effect] {
    switch event.kind {
    case .wheelUp: move(by: -3, &state, memo)
    case .wheelDown: move(by: 3, &state, memo)
    case .press:
        if event.y == 0, let screen = Header.tab(atColumn: event.x, width: state.size.width) {
            return reduceScreen(.showScreen(screen), &state, memo)
        }
        guard state.details.isEmpty else { return [] }
        let cursor = state.cursor(state.screen)
        guard let item = Layout.item(atRow: event.y, screen: state.screen, size: state.size, offset: cursor.offset),
            item < state.rowCount(state.screen)
        else { return [] }
        if item == cursor.selected {
            open(&state, memo)
        } else {
            state.cursors[state.screen]?.selected = item
        }
    }
    return []
}
