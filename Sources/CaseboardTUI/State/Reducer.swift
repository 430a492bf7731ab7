import CaseboardKit
import TerminalKit

/// The app's only state transition: pure, so every behaviour can be tested without a terminal.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    let before = state.currentStop
    let effects = apply(action, &state)
    switch action {
    case .keyPressed(.character("-")) where state.overlay == nil && state.searchField == nil: break
    case .keyPressed, .commandIssued(.showScreen), .commandIssued(.open): state.noteMove(from: before)
    default: break
    }
    // The figures of the screen now showing (cheap when nothing they depend on changed).
    state.refreshDerived()
    return effects
}

private func apply(_ action: Action, _ state: inout AppState) -> [Effect] {
    switch action {
    case .terminalResized(let size):
        state.size = size
        state.clampCursors()
        clampDetail(&state)
        return []
    case .commandIssued(let command):
        return perform(command, &state)
    case .keyPressed(let key):
        state.message = nil
        return handle(key, &state)
    case .dataChanged(let dataset, let history, let sameRows, let warnings):
        let before = state.history.count
        state.replaceData(dataset, history, sameRows: sameRows)
        flagStalePicker(&state)
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
        return []
    case .changeSaved(let event, let dataset, let history):
        state.pendingEdit = nil
        state.replaceData(dataset, history, sameRows: true)
        if event.kind == .undo {
            state.sessionEvents.removeAll { $0 == event.undoes }
            state.message = Notice("Undone: \(describe(event, dataset)), saved", .success)
        } else {
            state.sessionEvents.append(event.id)
            state.message = Notice("\(describe(event, dataset)), saved", .success)
        }
        return []
    case .changeRefused(let message, let dataset, let history):
        state.replaceData(dataset, history, sameRows: true)
        state.message = Notice(message, .warning)
        reopenAfterRefusal(message, &state)
        return []
    }
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
    case .undo: return event.to.map { "\(title) back to \($0.label)" } ?? "note on \(title) withdrawn"
    }
}

private func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
    // Ctrl-\\ is the terminal's "quit" key; in raw mode it arrives as a key rather than SIGQUIT.
    if key == .control("c") || key == .control("\\") { return perform(.quit, &state) }
    if key == .control("l") { return perform(.redraw, &state) }
    if key == .control("z") { return perform(.suspend, &state) }
    if Layout.isTooSmall(state.size) {
        return key == .character("q") ? perform(.quit, &state) : []
    }
    if case .paste = key, !state.isTypingText {
        // A paste outside a text field could otherwise act as a run of commands.
        state.message = Notice("Paste ignored: paste into a text field such as / search or a note", .warning)
        return []
    }
    if state.searchField != nil { return typeSearch(key, &state) }
    if let overlay = state.overlay { return handleOverlay(overlay, key, &state) }
    if case .mouse(let event) = key { return handleMouse(event, &state) }
    guard let command = KeyMap.command(for: key) else {
        if case .character(let character) = key, character != " " {
            state.message = Notice("\(key.displayName) does nothing here; press ? for the keys", .warning)
        }
        return []
    }
    if let binding = KeyMap.binding(for: command), let reason = binding.unavailable(state), command != .goBack {
        state.message = Notice(reason.prefix(1).uppercased() + reason.dropFirst(), .warning)
        return []
    }
    return perform(command, &state)
}

func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
    switch command {
    case .quit:
        state.shouldQuit = true
        return [.quit]
    case .redraw:
        return [.redrawAll]
    case .suspend:
        return [.suspend]
    case .toggleHelp:
        state.overlay = state.overlay == nil ? .help(scroll: 0) : nil
    case .moveDown: move(by: 1, &state)
    case .moveUp: move(by: -1, &state)
    case .pageDown: move(by: page(state), &state)
    case .pageUp: move(by: -page(state), &state)
    case .goToTop: move(by: Int.min / 2, &state)
    case .goToBottom: move(by: Int.max / 2, &state)
    case .open: open(&state)
    case .goBack:
        if !state.details.isEmpty {
            state.details.removeLast()
        } else if let back = state.backScreen {
            state.screen = back
            state.backScreen = nil
        }
    case .showScreen(let screen):
        state.screen = screen
        state.details = []
        state.backScreen = nil
    case .nextScreen:
        state.screen = Screen(rawValue: state.screen.rawValue % Screen.allCases.count + 1)!
        state.details = []
        state.backScreen = nil
    case .previousScreen:
        state.screen = Screen(rawValue: (state.screen.rawValue + Screen.allCases.count - 2) % Screen.allCases.count + 1)!
        state.details = []
        state.backScreen = nil
    case .pickTheme:
        let current = state.themeFilter.flatMap { state.dataset.themeIndex[$0] }.map { $0 + 1 } ?? 0
        state.overlay = .themePicker(selected: current)
    case .openFilters:
        state.overlay = .filterPanel(selected: 0)
    case .startSearch:
        state.searchField = TextField(state.filter.text, limit: TextField.searchLimit)
    case .clearFilters:
        state.filter = ProjectFilter()
        state.recompute()
        state.message = Notice("Filters cleared", .info)
    case .cycleSort:
        ListColumns.cycleSort(&state)
        resort(&state)
    case .reverseSort:
        state.sort.descending.toggle()
        resort(&state)
    case .changeStatus:
        guard let row = state.focusedProject else { return [] }
        let project = state.dataset.projects[row]
        if project.status.allowedNext.isEmpty {
            state.message = Notice(
                "\(project.title) is \(project.status.rawValue); a \(project.status.rawValue) project cannot change status", .warning)
            return []
        }
        state.overlay = .statusPicker(StatusPicker(project: project.id, from: project.status))
    case .addNote:
        guard let row = state.focusedProject else { return [] }
        state.overlay = .noteEditor(project: state.dataset.projects.ids[row], field: TextField(limit: TextField.noteLimit))
    case .undoLastChange:
        guard let last = state.sessionEvents.last else { return [] }
        return [.undo(event: last)]
    case .scrollLeft: return ListColumns.scroll(by: -1, &state)
    case .scrollRight: return ListColumns.scroll(by: 1, &state)
    case .chooseColumns: ColumnChooser.open(&state)
    case .cycleActivityWindow: ListColumns.cycleActivityWindow(&state)
    case .close:
        // One rule, as in htop, k9s, lazygit and tig: q closes the current view and quits at the top.
        return state.details.isEmpty && state.backScreen == nil ? perform(.quit, &state) : perform(.goBack, &state)
    case .nextMatch: state.moveToMatch(by: 1)
    case .previousMatch: state.moveToMatch(by: -1)
    case .previousView: state.returnToPreviousView()
    case .copy: return state.copySelection()
    case .openContact: return state.openContactLink()
    }
    return []
}

/// A new order starts from its top: what the sort puts first is what the user wants to see.
private func resort(_ state: inout AppState) {
    state.recompute()
    state.cursors[.projects] = ListCursor()
    state.message = Notice(sortMessage(state), .info)
}

private func sortMessage(_ state: AppState) -> String {
    "Sorted by \(state.sort.key.label) \(state.sort.descending ? "(descending)" : "(ascending)")"
}

private func page(_ state: AppState) -> Int {
    state.details.isEmpty ? max(1, Layout.listHeight(state.screen, state.size) - 1) : max(1, Layout.detailBodyHeight(state.size) - 1)
}

private func move(by delta: Int, _ state: inout AppState) {
    if let detail = state.detail {
        moveInDetail(detail, by: delta, &state)
        return
    }
    var cursor = state.cursor(state.screen)
    let count = state.rowCount(state.screen)
    cursor.selected = min(max(0, cursor.selected.addingReportingOverflow(delta).partialValue), max(0, count - 1))
    cursor.clamp(count: count, height: Layout.listHeight(state.screen, state.size))
    state.cursors[state.screen] = cursor
}

/// One model for a page: the selected link is always one in view. j/k go to the next link when it is in
/// view and otherwise scroll a line towards it (so text between links is read, not jumped over); page moves,
/// g and G scroll, then take the first link in view (the last one for G, at the bottom).
private func moveInDetail(_ detail: DetailState, by delta: Int, _ state: inout AppState) {
    guard let page = DetailPage.build(detail.target, state) else { return }
    var detail = detail
    let height = Layout.detailBodyHeight(state.size)
    let links = page.linkLines
    let limit = max(0, page.lines.count - height)
    func inView(_ line: Int) -> Bool { line >= detail.scroll && line < detail.scroll + height }
    func firstInView() -> Int? { links.firstIndex(where: inView) }
    func lastInView() -> Int? { links.lastIndex(where: inView) }
    if abs(delta) == 1 {
        let current = links.indices.contains(detail.selectedLink) && inView(links[detail.selectedLink]) ? detail.selectedLink : nil
        let next = current.map { $0 + delta } ?? (delta > 0 ? firstInView() : lastInView())
        if let next, links.indices.contains(next), inView(links[next]) {
            detail.selectedLink = next
        } else {
            detail.scroll = min(max(0, detail.scroll + delta), limit)
            if let next, links.indices.contains(next), inView(links[next]) { detail.selectedLink = next }
        }
    } else {
        detail.scroll = min(max(0, detail.scroll.addingReportingOverflow(delta).partialValue), limit)
        let atBottom = delta > 0 && detail.scroll == limit
        if let pick = atBottom ? lastInView() : firstInView() { detail.selectedLink = pick }
    }
    state.details[state.details.count - 1] = detail
}

func clampDetail(_ state: inout AppState) {
    guard let detail = state.detail, let page = DetailPage.build(detail.target, state) else { return }
    var copy = detail
    copy.selectedLink = min(copy.selectedLink, max(0, page.linkLines.count - 1))
    copy.scroll = min(copy.scroll, max(0, page.lines.count - Layout.detailBodyHeight(state.size)))
    state.details[state.details.count - 1] = copy
}

private func open(_ state: inout AppState) {
    if let detail = state.detail {
        guard let page = DetailPage.build(detail.target, state), page.linkLines.indices.contains(detail.selectedLink),
            let target = page.lines[page.linkLines[detail.selectedLink]].link
        else { return }
        state.details.append(DetailState(target: target))
        return
    }
    let selected = state.cursor(state.screen).selected
    switch state.screen {
    case .themes:
        guard state.dataset.themes.indices.contains(selected) else { return }
        let theme = state.dataset.themes[selected]
        state.filter.themes = [theme.id]
        state.screen = .projects
        state.backScreen = .themes
        state.recompute()
        state.message = Notice("Showing \(theme.name) projects; t changes the theme", .info)
    case .projects:
        guard state.visibleProjects.indices.contains(selected) else { return }
        state.details.append(DetailState(target: .project(state.dataset.projects.ids[state.visibleProjects[selected]])))
    case .funding:
        guard state.dataset.funding.indices.contains(selected) else { return }
        state.details.append(DetailState(target: .stream(state.dataset.funding[selected].id)))
    case .partners:
        guard state.visiblePartners.indices.contains(selected) else { return }
        state.details.append(DetailState(target: .organisation(state.dataset.organisations[state.visiblePartners[selected]].id)))
    case .activity:
        guard state.activity.indices.contains(selected) else { return }
        let project = state.history.projectID(at: state.activity[selected])
        guard state.dataset.project(project) != nil else {
            state.message = Notice("Project \"\(project)\" is no longer in projects.json", .warning)
            return
        }
        state.details.append(DetailState(target: .project(project)))
    }
}

private func typeSearch(_ key: Key, _ state: inout AppState) -> [Effect] {
    guard var field = state.searchField else { return [] }
    switch key {
    case .enter:
        state.searchField = nil
        state.message = state.searchProblem
        // A search that found exactly one thing opens it: "/gangs Enter" is the project page.
        if state.searchProblem == nil, let only = state.loneMatch {
            if state.screen == .themes { state.screen = .projects }
            state.details.append(DetailState(target: only))
        }
        return []
    case .escape:
        state.searchField = nil
        field = TextField(limit: TextField.searchLimit)
    default:
        guard edit(&field, key, what: "A search", &state) else { return [] }
        state.searchField = field
    }
    state.filter.text = field.text
    state.recompute()
    // A field word that cannot be used is said at once, not silently left out of the match.
    if state.message == nil { state.message = state.searchProblem }
    return []
}

/// Applies a key to a text field; false when it was not an editing key. Says so when input was cut.
private func edit(_ field: inout TextField, _ key: Key, what: String, _ state: inout AppState) -> Bool {
    switch field.handle(key) {
    case .ignored:
        return false
    case .edited:
        return true
    case .cut:
        state.message = Notice("\(what) can be at most \(Footer.grouped(field.limit)) characters; the rest was left out", .warning)
        return true
    }
}

private func handleOverlay(_ overlay: Overlay, _ key: Key, _ state: inout AppState) -> [Effect] {
    switch overlay {
    case .help(let scroll):
        switch key {
        case .down, .character("j"): state.overlay = .help(scroll: scroll + 1)
        case .up, .character("k"): state.overlay = .help(scroll: max(0, scroll - 1))
        case .pageDown, .character(" "): state.overlay = .help(scroll: scroll + 10)
        case .pageUp: state.overlay = .help(scroll: max(0, scroll - 10))
        case .escape, .character("?"), .character("q"), .function(1), .enter, .backspace: state.overlay = nil
        default: break
        }
    case .themePicker(let selected):
        let count = state.dataset.themes.count + 1
        switch key {
        case .down, .character("j"), .tab: state.overlay = .themePicker(selected: (selected + 1) % count)
        case .up, .character("k"), .backTab: state.overlay = .themePicker(selected: (selected + count - 1) % count)
        case .enter, .character(" "): applyTheme(selected, &state)
        case .character(let digit) where digit.isNumber:
            if let index = digit.wholeNumberValue, index < count { applyTheme(index, &state) }
        case .escape, .character("t"), .character("q"): state.overlay = nil
        default: break
        }
    case .statusPicker(var picker):
        let count = picker.options.count
        switch key {
        case .down, .tab:
            picker.selected = picker.selected.map { ($0 + 1) % count } ?? 0
            picker.confirming = false
        case .up, .backTab:
            picker.selected = picker.selected.map { ($0 + count - 1) % count } ?? count - 1
            picker.confirming = false
        case .escape where picker.confirming:
            picker.confirming = false
        case .escape:
            state.overlay = nil
            state.message = Notice("Status change cancelled; nothing was saved")
            return []
        case .enter:
            guard let choice = picker.choice else {
                state.message = Notice("Choose a status first: ↑ ↓ to pick one, then Enter", .warning)
                return []
            }
            // The first Enter shows from → to; only the second saves.
            guard picker.confirming else {
                picker.confirming = true
                break
            }
            state.overlay = nil
            state.pendingEdit = .statusPicker(picker)
            let note = picker.note.text.trimmingCharacters(in: .whitespaces)
            return [.saveStatus(project: picker.project, from: picker.from, to: choice, note: note.isEmpty ? nil : note)]
        default:
            _ = edit(&picker.note, key, what: "A note", &state)
        }
        state.overlay = .statusPicker(picker)
    case .noteEditor(let project, var field):
        switch key {
        case .escape:
            state.overlay = nil
            state.message = Notice("Note discarded; nothing was saved")
            return []
        case .enter:
            let text = field.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else {
                state.message = Notice("Type a note first, or Esc to cancel", .warning)
                return []
            }
            state.overlay = nil
            state.pendingEdit = .noteEditor(project: project, field: field)
            return [.saveNote(project: project, text: text)]
        default:
            _ = edit(&field, key, what: "A note", &state)
        }
        state.overlay = .noteEditor(project: project, field: field)
    case .columnChooser(let chooser):
        ColumnChooser.handle(chooser, key, &state)
    case .filterPanel(let selected):
        FilterPanel.handle(key, selected: selected, &state)
    }
    return []
}

private func applyTheme(_ index: Int, _ state: inout AppState) {
    state.overlay = nil
    if index == 0 {
        state.filter.themes = []
        state.message = Notice("Showing all themes", .info)
    } else {
        let theme = state.dataset.themes[index - 1]
        state.filter.themes = [theme.id]
        state.cursors[.themes, default: ListCursor()].selected = index - 1
        state.message = Notice("Showing \(theme.name)", .info)
    }
    state.recompute()
}

private func handleMouse(_ event: MouseEvent, _ state: inout AppState) -> [Effect] {
    switch event.kind {
    case .wheelUp: move(by: -3, &state)
    case .wheelDown: move(by: 3, &state)
    case .press:
        if event.y == 0, let screen = Header.tab(atColumn: event.x, width: state.size.width) {
            return perform(.showScreen(screen), &state)
        }
        guard state.details.isEmpty else { return [] }
        let cursor = state.cursor(state.screen)
        guard let item = Layout.item(atRow: event.y, screen: state.screen, size: state.size, offset: cursor.offset),
            item < state.rowCount(state.screen)
        else { return [] }
        if item == cursor.selected {
            open(&state)
        } else {
            state.cursors[state.screen]?.selected = item
        }
    }
    return []
}
