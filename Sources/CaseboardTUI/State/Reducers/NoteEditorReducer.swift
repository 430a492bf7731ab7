/// The note editor: Enter saves a non-empty note, Esc discards it.
func reduceNoteEditor(_ command: Command, _ project: String, _ field: TextField, _ state: inout AppState, _ memo: Memo) -> [Effect] {
    switch command {
    case .cancel:
        state.overlay = nil
        state.message = Notice("Note discarded; nothing was saved")
    case .confirm:
        let text = field.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            state.message = Notice("Type a note first, or Esc to cancel", .warning)
            return []
        }
        state.overlay = nil
        state.pendingEdit = .noteEditor(project: project, field: field)
        return [.saveNote(project: project, text: text)]
    default:
        editField({ $0.edit(command) }, &state, memo)
    }
    return []
}
