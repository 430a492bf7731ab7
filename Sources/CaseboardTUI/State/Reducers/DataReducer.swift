import CaseboardKit

/// The store's answers: other sessions' changes, our saves and refusals.
func reduceData(_ action: Action, _ state: inout AppState, _ memo: Memo) -> [Effect] {
    switch action {
    case .dataChanged(let dataset, let history, let sameRows, let warnings):
        let before = state.history.count
        state.replaceData(dataset, history, sameRows: sameRows, memo)
        flagStalePicker(&state)
        if case .recordForm(let form) = state.overlay { state.overlay = .recordForm(form.noticing(state.dataset, style: state.dateStyle)) }
        if let warning = warnings.first {
            let more = warnings.count > 1 ? " (and \(warnings.count - 1) more; caseboard validate lists them)" : ""
            state.message = Notice(warning + more, .warning)
        } else if let latest = (min(before, history.count)..<history.count).reversed().first(where: {
            history.author(at: $0) != state.author
        }) {
            // Say what arrived, so a change on screen never goes unexplained.
            let event = history[latest]
            state.message = Notice("\(event.author): \(describe(event, state.dataset))", .info)
        }
    case .changeSaved(let event, let dataset, let history):
        state.pendingEdit = nil
        // A record change can add, retire or reorder rows; a status change or a note cannot.
        state.replaceData(dataset, history, sameRows: event.changes.isEmpty, memo)
        if event.kind == .undo {
            state.sessionEvents.removeAll { $0 == event.undoes }
            state.message = Notice("Undone: \(describe(event, dataset)), saved", .success)
        } else {
            state.sessionEvents.append(event.id)
            state.message = Notice("\(describe(event, dataset)), saved", .success)
        }
        // A page whose record was just retired has nothing left to show.
        if let detail = state.detail, DetailPage.heading(detail.target, dataset) == nil { state.details.removeLast() }
        selectAdded(event, &state)
    case .changeRefused(let message, let dataset, let history):
        state.replaceData(dataset, history, sameRows: true, memo)
        state.message = Notice(message, .warning)
        reopenAfterRefusal(message, &state)
    case .keyPressed, .terminalResized, .commandIssued, .viewsNotSaved, .dayChanged:
        break
    }
    return []
}

/// A refused change opens its panel again, on the project as it now stands, with what was typed in it.
/// Nothing is chosen in a reopened status picker: the first move on offer is often the status the other
/// person just moved away from, and a second Enter must not quietly undo their change.
private func reopenAfterRefusal(_ reason: String, _ state: inout AppState) {
    guard let pending = state.pendingEdit else { return }
    state.pendingEdit = nil
    switch pending {
    case .statusPicker(let picker):
        guard let project = state.dataset.project(picker.project), !project.status.allowedNext.isEmpty else { return }
        state.overlay = .statusPicker(
            StatusPicker(project: picker.project, from: project.status, note: picker.note, selected: nil, refusal: reason))
    case .noteEditor:
        state.overlay = pending
    case .recordForm(let form):
        // The form says why in full; the footer only points at it.
        state.overlay = .recordForm(form.refused(reason, now: state.dataset, style: state.dateStyle))
        state.message = Notice("Not saved: the form says why, with everything you typed", .warning)
    case .retireQuestion(var question):
        question.refusal = reason
        state.overlay = .retireQuestion(question)
        state.message = Notice("Not retired: the panel says why", .warning)
    default:
        break
    }
}

/// An open status picker whose project someone else has just changed says so: its choice would be refused.
private func flagStalePicker(_ state: inout AppState) {
    guard case .statusPicker(var picker) = state.overlay, let project = state.dataset.project(picker.project),
        project.status != picker.from
    else { return }
    let who = state.history.lastStatusChange(of: picker.project).map {
        "\($0.author) changed it to \(project.status.label) at \($0.shortTime)"
    }
    picker.changedMeanwhile = who ?? "it is now \(project.status.label)"
    state.overlay = .statusPicker(picker)
}

/// "Knife Crime Awareness → at-risk" or "note on Knife Crime Awareness".
func describe(_ event: JournalEvent, _ dataset: Dataset) -> String {
    let title = dataset.project(event.project)?.title ?? event.project
    switch event.kind {
    case .status: return "\(title) → \(event.to?.label ?? "?")"
    case .note: return "note added to \(title)"
    case .edit: return event.changesSummary
    case .undo:
        if !event.changes.isEmpty { return "undone: " + event.changesSummary }
        return event.to.map { "\(title) back to \($0.label)" } ?? "note on \(title) withdrawn"
    }
}
