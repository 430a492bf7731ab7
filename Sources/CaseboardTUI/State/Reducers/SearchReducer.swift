/// The search line: the list narrows as the text changes; Enter keeps the search (and opens its only match),
/// Esc clears it. A field word that cannot be used is said at once, not silently left out of the match.
func reduceSearch(_ command: Command, _ state: inout AppState, _ memo: Memo) -> [Effect] {
    switch command {
    case .confirm:
        state.searchField = nil
        state.message = state.searchProblem
        // A search that found exactly one thing opens it: "/gangs Enter" is the project page.
        if state.searchProblem == nil, let only = state.loneMatch {
            if state.screen == .themes { state.screen = .projects }
            state.details.append(DetailState(target: only))
        }
    case .cancel:
        state.searchField = nil
        state.filter.text = ""
        state.recompute(memo)
    default:
        editField({ $0.edit(command) }, &state, memo)
    }
    return []
}
