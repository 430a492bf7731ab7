/// The saved views (`V`): Enter opens one; `d` asks, and a second `d` deletes it.
func reduceViewList(_ command: Command, _ list: ViewList, _ state: inout AppState, _ memo: Memo) -> [Effect] {
    var list = list
    let count = state.views.count
    guard count > 0 else {
        state.overlay = nil
        return []
    }
    switch command {
    case .moveDown:
        list.selected = (list.selected + 1) % count
        list.confirmingDelete = false
    case .moveUp:
        list.selected = (list.selected + count - 1) % count
        list.confirmingDelete = false
    case .open:
        let view = state.views[min(list.selected, count - 1)]
        state.show(view, memo)
        state.message = Notice("Showing view \(view.name)")
        return []
    case .deleteView where list.confirmingDelete:
        let name = state.views.remove(at: min(list.selected, count - 1)).name
        state.overlay = state.views.isEmpty ? nil : .viewList(ViewList(selected: min(list.selected, state.views.count - 1)))
        state.message = Notice("View \(name) deleted", .success)
        return [.saveViews(state.views)]
    case .deleteView:
        list.confirmingDelete = true
    case .closePanel where list.confirmingDelete:
        list.confirmingDelete = false
    case .closePanel:
        state.overlay = nil
        return []
    default:
        break
    }
    state.overlay = .viewList(list)
    return []
}
