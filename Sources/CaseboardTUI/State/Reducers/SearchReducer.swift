/// The search line: the list narrows as the text changes; Enter keeps the search, Esc clears it.
func reduceSearch(_ command: Command, _ state: inout AppState, _ memo: Memo) -> [Effect] {
    switch command {
    case .confirm:
        state.searchField = nil
    case .cancel:
        state.searchField = nil
        state.filter.text = ""
        state.recompute(memo)
    default:
        editField({ $0.edit(command) }, &state, memo)
    }
    return []
}
