import CaseboardKit

/// The record form: move between fields, type or pick their values, save with Enter on the last field or
/// Ctrl-S; Esc asks before throwing changes away.
func reduceRecordForm(_ command: Command, _ form: RecordForm, _ state: inout AppState, _ memo: Memo) -> [Effect] {
    var form = form
    if form.confirmingDiscard {
        if command == .confirm {
            state.overlay = nil
            state.message = Notice("Changes discarded; nothing was saved")
            return []
        }
        if command == .cancel { form.confirmingDiscard = false }
        state.overlay = .recordForm(form)
        return []
    }
    if let picker = form.picker { return reduceFieldPicker(command, picker, form, &state, memo) }
    switch command {
    case .moveDown: form.focus = nextEditable(form, after: form.focus, by: 1)
    case .moveUp: form.focus = nextEditable(form, after: form.focus, by: -1)
    case .confirm:
        let last = form.fields.lastIndex { $0.locked == nil } ?? 0
        guard form.focus >= last else {
            form.focus = nextEditable(form, after: form.focus, by: 1)
            break
        }
        return saveForm(form, &state)
    case .saveRecord:
        return saveForm(form, &state)
    case .reloadRecord:
        reloadForm(&form, &state)
    case .cancel:
        guard form.hasChanges(in: state.dataset) else {
            state.overlay = nil
            state.message = Notice("Closed; nothing was changed")
            return []
        }
        form.confirmingDiscard = true
    case .deleteBackward, .deleteForward, .deleteToStart, .deleteToEnd, .deleteWord:
        guard form.fields[form.focus].isPicked, form.fields[form.focus].locked == nil else { fallthrough }
        // A choice is one thing: deleting clears it.
        form.fields[form.focus].picked = []
        form.fields[form.focus].touched = true
    default:
        state.overlay = .recordForm(form)
        editField({ $0.edit(command) }, &state, memo)
        return []
    }
    state.overlay = .recordForm(form)
    return []
}

/// The next field that can be changed, wrapping round; locked fields are passed over.
private func nextEditable(_ form: RecordForm, after index: Int, by step: Int) -> Int {
    let count = form.fields.count
    var next = index
    for _ in 0..<count {
        next = (next + step + count) % count
        if form.fields[next].locked == nil { return next }
    }
    return index
}

/// Checks every field; sends the changes (only the fields that changed, for an edit) or shows what is wrong.
private func saveForm(_ form: RecordForm, _ state: inout AppState) -> [Effect] {
    var form = form
    form.triedToSave = true
    switch form.changes(in: state.dataset) {
    case .failure(let problem):
        form.focus = problem.field
        state.overlay = .recordForm(form)
        state.message = Notice("\(form.fields[problem.field].spec.label): \(problem.message)", .warning)
        return []
    case .success(let changes) where changes.isEmpty:
        state.overlay = nil
        state.message = Notice("Nothing changed; nothing was saved")
        return []
    case .success(let changes):
        form.refusal = nil
        state.overlay = nil
        state.pendingEdit = .recordForm(form)
        return [.saveRecords(changes)]
    }
}

/// After a refusal: the values saved now become what the edit is based on. Fields the user changed keep what
/// they typed (and say what was saved there meanwhile); the others show the saved values.
private func reloadForm(_ form: inout RecordForm, _ state: inout AppState) {
    guard let id = form.id else {
        state.message = Notice("A new record has nothing saved to reload", .warning)
        return
    }
    guard let current = state.dataset.record(form.kind, id), !current.retired else {
        state.message = Notice("The \(form.kind.label) is no longer in use; Esc closes the form", .warning)
        return
    }
    var kept = 0
    for index in form.fields.indices {
        let field = form.fields[index]
        let name = field.spec.name
        let (before, now) = (form.base[name], current.record[name])
        let yours = field.locked == nil && !((try? field.value(in: state.dataset).get()).map { $0.matches(before) } ?? false)
        if yours {
            kept += 1
            form.fields[index].meanwhile =
                before.matches(now) ? nil : "saved meanwhile: \(FieldText.display(now, field.spec.type, state.dataset, state.dateStyle))"
        } else {
            form.fields[index] = FormField(field.spec, now, locked: field.locked, style: state.dateStyle)
        }
    }
    form.base = current.record
    form.refusal = nil
    let yours = kept == 0 ? "" : "; your changes to \(kept) field\(kept == 1 ? "" : "s") are kept and will replace them"
    state.message = Notice("Reloaded the saved values\(yours)", .info)
}

/// Typing or an editing key while a form has the keys: into the focused field, the open list's narrowing
/// line, or (on a field chosen from a list) opening that list with what was typed.
func editForm(_ form: inout RecordForm, _ data: Dataset, _ apply: (inout TextField) -> Bool) {
    guard !form.confirmingDiscard else { return }
    if var picker = form.picker {
        if apply(&picker.query) { picker.narrowed() }
        form.picker = picker
        return
    }
    guard form.fields.indices.contains(form.focus), form.fields[form.focus].locked == nil else { return }
    guard form.fields[form.focus].isPicked else {
        if apply(&form.fields[form.focus].text) { form.fields[form.focus].touched = true }
        return
    }
    var typed = TextField(limit: 60)
    guard apply(&typed), !typed.isEmpty else { return }
    openPicker(&form, data, query: typed.text.trimmingCharacters(in: .whitespaces))
}

func openPicker(_ form: inout RecordForm, _ data: Dataset, query: String) {
    let field = form.fields[form.focus]
    guard let options = PickerOption.options(field.spec.type, data) else { return }
    form.picker = FieldPicker(
        field: form.focus, multi: PickerOption.isMulti(field.spec.type), options: options, ticked: field.picked, query: query)
}

/// The open list: ↑ ↓ move, Space ticks (or picks a single choice), Enter picks or keeps the ticks, Esc closes.
private func reduceFieldPicker(
    _ command: Command, _ picker: FieldPicker, _ form: RecordForm, _ state: inout AppState, _ memo: Memo
) -> [Effect] {
    var (form, picker) = (form, picker)
    switch command {
    case .moveDown: picker.move(by: 1)
    case .moveUp: picker.move(by: -1)
    case .choose where picker.multi: picker.toggleHighlighted()
    case .choose:
        // Spaces do not matter to the narrowing, so a name typed in full still narrows.
        form.picker = picker
        state.overlay = .recordForm(form)
        editField({ $0.type(.character(" ")) }, &state, memo)
        return []
    case .confirm:
        if picker.multi {
            // Narrowing to one thing and pressing Enter means that thing, even with nothing ticked.
            if picker.ticked.isEmpty && !picker.query.isEmpty { picker.toggleHighlighted() }
            form.fields[picker.field].picked = picker.ticked
        } else {
            guard let option = picker.highlighted else {
                state.message = Notice("Nothing matches \"\(picker.query.text)\"; Backspace widens the list", .warning)
                return []
            }
            form.fields[picker.field].picked = [option.id]
            // On to the next field, as after typing one, unless this was the last.
            form.focus = max(form.focus, nextEditable(form, after: picker.field, by: 1))
        }
        form.fields[picker.field].touched = true
        form.picker = nil
        state.overlay = .recordForm(form)
        return []
    case .cancel:
        form.picker = nil
        state.overlay = .recordForm(form)
        return []
    default:
        state.overlay = .recordForm(form)
        editField({ $0.edit(command) }, &state, memo)
        return []
    }
    form.picker = picker
    state.overlay = .recordForm(form)
    return []
}
