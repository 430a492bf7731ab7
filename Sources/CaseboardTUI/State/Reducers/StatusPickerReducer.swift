import Foundation

/// The status picker: choose a move the rules allow, add an optional note; the first Enter shows
/// from → to and only the second saves.
func reduceStatusPicker(_ command: Command, _ picker: StatusPicker, _ state: inout AppState, _ memo: Memo) -> [Effect] {
    var picker = picker
    let count = picker.options.count
    switch command {
    case .moveDown:
        picker.selected = picker.selected.map { ($0 + 1) % count } ?? 0
        picker.confirming = false
    case .moveUp:
        picker.selected = picker.selected.map { ($0 + count - 1) % count } ?? count - 1
        picker.confirming = false
    case .cancel where picker.confirming:
        picker.confirming = false
    case .cancel:
        state.overlay = nil
        state.message = Notice("Status change cancelled; nothing was saved")
        return []
    case .confirm:
        guard let choice = picker.choice else {
            state.message = Notice("Choose a status first: ↑ ↓ to pick one, then Enter", .warning)
            return []
        }
        if choice == .atRisk || choice == .paused, picker.note.text.trimmingCharacters(in: .whitespaces).isEmpty {
            state.message = Notice("Say why it is \(choice.label): type the reason on the Reason line, then Enter", .warning)
            state.overlay = .statusPicker(picker)
            return []
        }
        guard picker.confirming else {
            picker.confirming = true
            break
        }
        state.overlay = nil
        state.pendingEdit = .statusPicker(picker)
        let note = picker.note.text.trimmingCharacters(in: .whitespaces)
        return [.saveStatus(project: picker.project, from: picker.from, to: choice, note: note.isEmpty ? nil : note)]
    default:
        editField({ $0.edit(command) }, &state, memo)
        return []
    }
    state.overlay = .statusPicker(picker)
    return []
}
