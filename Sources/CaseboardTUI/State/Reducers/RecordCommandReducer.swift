import CaseboardKit

/// `A`, `e` and `R` on a screen or page: open a form or the retire question for the record they mean, or
/// ask which record first when they could mean two (see RecordTargets.swift).
func startRecordCommand(_ command: Command, _ state: inout AppState) -> [Effect] {
    let choices: [RecordChooser.Choice]
    let title: String
    switch command {
    case .addRecord:
        switch state.addChoices() {
        case .failure(let reason):
            state.message = Notice(reason.message, .warning)
            return []
        case .success(let found): choices = found
        }
        title = "Add"
    default:
        switch state.focusedRecords() {
        case .failure(let reason):
            state.message = Notice(reason.message, .warning)
            return []
        case .success(let found):
            choices = found.map { record in
                let action: RecordAction = command == .retireRecord ? .retire(record.kind, record.id) : .edit(record.kind, record.id)
                return RecordChooser.Choice(letter: record.kind == .allocation ? "a" : "s", label: record.label, action: action)
            }
        }
        title = command == .retireRecord ? "Retire which?" : "Correct which?"
    }
    if choices.count == 1 {
        runRecordAction(choices[0].action, &state)
    } else {
        state.overlay = .recordChooser(RecordChooser(title: title, choices: choices))
    }
    return []
}

/// The chooser: its letters pick, Esc closes.
func reduceRecordChooser(_ command: Command, _ state: inout AppState) -> [Effect] {
    if command == .closePanel { state.overlay = nil }
    return []
}

/// A letter typed while the chooser is open.
func chooseRecord(_ letter: Character, _ chooser: RecordChooser, _ state: inout AppState) {
    guard let choice = chooser.choices.first(where: { $0.letter == letter }) else {
        let letters = chooser.choices.map { String($0.letter) }.joined(separator: ", ")
        state.message = Notice("\(letter) is not one of the choices: press \(letters), or Esc", .warning)
        return
    }
    state.overlay = nil
    runRecordAction(choice.action, &state)
}

func runRecordAction(_ action: RecordAction, _ state: inout AppState) {
    switch action {
    case .add(let kind, let prefilled):
        var values = prefilled
        // A new project starts as proposed unless the form says otherwise; later moves follow the rules (`c`).
        if kind == .project && values["status"] == nil { values["status"] = .text(ProjectStatus.proposed.rawValue) }
        state.overlay = .recordForm(.adding(kind, prefilled: values, style: state.dateStyle))
    case .edit(let kind, let id):
        guard let found = state.dataset.record(kind, id), !found.retired else {
            state.message = Notice("That \(kind.label) is no longer in use", .warning)
            return
        }
        state.overlay = .recordForm(.editing(found.record, style: state.dateStyle))
    case .retire(let kind, let id):
        guard let found = state.dataset.record(kind, id), !found.retired else {
            state.message = Notice("That \(kind.label) is no longer in use", .warning)
            return
        }
        state.overlay = .retireQuestion(RetireQuestion(kind: kind, id: id, name: recordName(found.record, state.dataset), refusal: nil))
    }
}

/// What people call a record: its title or name; an allocation by its project, year and stream.
func recordName(_ record: Record, _ data: Dataset) -> String {
    if record.kind == .allocation, let key = Record.allocationKey(record.id) {
        let project = data.project(key.project)?.title ?? key.project
        return "\(project), \(key.year), from \(data.stream(key.stream)?.name ?? key.stream)"
    }
    return record["title"].text ?? record["name"].text ?? record.id
}

/// y retires (the store refuses while anything points at the record, and says what); n or Esc keeps it.
func reduceRetireQuestion(_ command: Command, _ question: RetireQuestion, _ state: inout AppState) -> [Effect] {
    switch command {
    case .confirm:
        state.overlay = nil
        var asked = question
        asked.refusal = nil
        state.pendingEdit = .retireQuestion(asked)
        return [.saveRecords([.retire(question.kind, question.id)])]
    case .cancel:
        state.overlay = nil
        state.message = Notice(question.refusal == nil ? "Nothing was retired" : "Nothing was retired; \(question.name) stays in use")
    default:
        break
    }
    return []
}

/// After adding a project, partner or stream, the list on screen selects it (when the filters show it), so the
/// next key acts on what was just added.
func selectAdded(_ event: JournalEvent, _ state: inout AppState) {
    guard state.details.isEmpty, let added = event.changes.first(where: { $0.operation == .add }) else { return }
    let row: Int?
    switch (state.screen, added.kind) {
    case (.projects, .project): row = state.dataset.projectIndex[added.id].flatMap { state.visibleProjects.firstIndex(of: $0) }
    case (.partners, .partner): row = state.dataset.organisationIndex[added.id].flatMap { state.visiblePartners.firstIndex(of: $0) }
    case (.funding, .stream): row = state.dataset.funding.firstIndex { $0.id == added.id }
    default: row = nil
    }
    guard let row else { return }
    var cursor = state.cursor(state.screen)
    cursor.selected = row
    cursor.clamp(count: state.rowCount(state.screen), height: Layout.listHeight(state.screen, state.size))
    state.cursors[state.screen] = cursor
}
