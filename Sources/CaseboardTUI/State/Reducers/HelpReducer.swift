/// The help panel: scroll it, close it.
func reduceHelp(_ command: Command, _ scroll: Int, _ state: inout AppState) -> [Effect] {
    switch command {
    case .moveDown: state.overlay = .help(scroll: scroll + 1)
    case .moveUp: state.overlay = .help(scroll: max(0, scroll - 1))
    case .pageDown: state.overlay = .help(scroll: scroll + 10)
    case .pageUp: state.overlay = .help(scroll: max(0, scroll - 10))
    case .closePanel, .toggleHelp: state.overlay = nil
    default: break
    }
    return []
}
