import CaseboardKit

/// The filter panel: statuses in the left column, districts in the right; ticks apply at once.
func reduceFilterPanel(_ command: Command, _ selected: Int, _ state: inout AppState, _ memo: Memo) -> [Effect] {
    let statuses = ProjectStatus.allCases.count
    let count = statuses + District.allCases.count
    switch command {
    case .moveRight:
        // Across to the same row of the other column.
        if selected < statuses { state.overlay = .filterPanel(selected: statuses + min(selected, District.allCases.count - 1)) }
    case .moveLeft:
        if selected >= statuses { state.overlay = .filterPanel(selected: selected - statuses) }
    case .moveDown: state.overlay = .filterPanel(selected: (selected + 1) % count)
    case .moveUp: state.overlay = .filterPanel(selected: (selected + count - 1) % count)
    case .choose: toggleFilter(selected, &state, memo)
    case .clearPanel:
        state.filter.statuses = []
        state.filter.districts = []
        state.recompute(memo)
    case .closePanel: state.overlay = nil
    default: break
    }
    return []
}

private func toggleFilter(_ index: Int, _ state: inout AppState, _ memo: Memo) {
    let statuses = ProjectStatus.allCases
    if index < statuses.count {
        let status = statuses[index]
        if state.filter.statuses.contains(status) { state.filter.statuses.remove(status) } else { state.filter.statuses.insert(status) }
    } else {
        let district = District.allCases[index - statuses.count]
        if state.filter.districts.contains(district) {
            state.filter.districts.remove(district)
        } else {
            state.filter.districts.insert(district)
        }
    }
    state.recompute(memo)
}
