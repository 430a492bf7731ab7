import CaseboardKit

/// The filter panel: sections of options from `FilterPanel`'s table (statuses, districts, end dates, start
/// years); ticks apply at once, so the list beside or below updates live.
func reduceFilterPanel(_ command: Command, _ selected: Int, _ state: inout AppState, _ memo: Memo) -> [Effect] {
    let sections = FilterPanel.sections(state)
    let count = sections.reduce(0) { $0 + $1.options.count }
    switch command {
    case .moveRight: state.overlay = .filterPanel(selected: FilterPanel.across(from: selected, by: 1, sections))
    case .moveLeft: state.overlay = .filterPanel(selected: FilterPanel.across(from: selected, by: -1, sections))
    case .moveDown: state.overlay = .filterPanel(selected: (selected + 1) % count)
    case .moveUp: state.overlay = .filterPanel(selected: (selected + count - 1) % count)
    case .choose: toggleFilter(selected, &state, memo)
    case .clearPanel:
        FilterPanel.clear(&state.filter)
        state.recompute(memo)
    case .closePanel: state.overlay = nil
    default: break
    }
    return []
}

/// A letter no binding of the panel takes ticks the option with that letter ("at risk in Kirklees" is
/// `f r K`). The letters are data from `FilterPanel`'s table, not key-map bindings.
func tickFilterLetter(_ letter: Character, _ state: inout AppState, _ memo: Memo) {
    guard let index = FilterPanel.option(for: letter, state) else {
        state.message = Notice("\(letter) ticks nothing here; the letters are in brackets", .warning)
        return
    }
    state.overlay = .filterPanel(selected: index)
    toggleFilter(index, &state, memo)
}

private func toggleFilter(_ index: Int, _ state: inout AppState, _ memo: Memo) {
    let options = FilterPanel.options(state)
    guard options.indices.contains(index) else { return }
    options[index].toggle(&state.filter)
    state.recompute(memo)
}
