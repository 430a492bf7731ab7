import CaseboardKit

/// Applies an edit (typing, or an editing command) to whichever field has the keys, and says so when input
/// was cut at the field's limit. A search narrows the list as it changes.
func editField(_ change: (inout TextField) -> TextField.Edit, _ state: inout AppState, _ memo: Memo) {
    func apply(_ field: inout TextField, what: String) -> Bool {
        switch change(&field) {
        case .ignored:
            return false
        case .edited:
            return true
        case .cut:
            state.message = Notice(
                "\(what) can be at most \(Money.grouped(UInt64(field.limit))) characters; the rest was left out", .warning)
            return true
        }
    }
    if var field = state.searchField {
        guard apply(&field, what: "A search") else { return }
        state.searchField = field
        state.filter.text = field.text
        state.recompute(memo)
        // A field word that cannot be used is said at once, not silently left out of the match.
        if state.message == nil { state.message = state.searchProblem }
        return
    }
    switch state.overlay {
    case .statusPicker(var picker):
        _ = apply(&picker.note, what: "A note")
        state.overlay = .statusPicker(picker)
    case .noteEditor(let project, var field):
        _ = apply(&field, what: "A note")
        state.overlay = .noteEditor(project: project, field: field)
    case .viewPrompt(var field):
        _ = apply(&field, what: "A view's name")
        state.overlay = .viewPrompt(field)
    case .recordForm(var form):
        let label = form.picker == nil && form.fields.indices.contains(form.focus) ? form.fields[form.focus].spec.label : "The narrowing"
        editForm(&form, state.dataset) { apply(&$0, what: label) }
        state.overlay = .recordForm(form)
    default:
        break
    }
}
