/// Naming a view (`v`): Enter saves the current screen, filters, search and sort under the name (replacing a
/// view of the same name), Esc cancels.
func reduceViewPrompt(_ command: Command, _ field: TextField, _ state: inout AppState, _ memo: Memo) -> [Effect] {
    switch command {
    case .cancel:
        state.overlay = nil
        state.message = Notice("No view saved")
    case .confirm:
        let name = field.text.trimmingCharacters(in: .whitespaces)
        guard SavedView.isValidName(name) else {
            state.message = Notice("A view's name is letters, digits, - and _ (up to 40), such as at-risk-kirklees", .warning)
            return []
        }
        state.overlay = nil
        let view = state.currentView(named: name)
        let replacing = state.views.contains { $0.name == name }
        if let index = state.views.firstIndex(where: { $0.name == name }) { state.views[index] = view } else { state.views.append(view) }
        let list = state.keyMap.label(for: .listViews).map { "\($0) opens it, " } ?? ""
        state.message = Notice(replacing ? "View \(name) replaced" : "View \(name) saved; \(list)caseboard --view \(name) too")
        return [.saveViews(state.views)]
    default:
        editField({ $0.edit(command) }, &state, memo)
    }
    return []
}
