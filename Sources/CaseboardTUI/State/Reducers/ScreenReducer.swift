import CaseboardKit

/// Commands on the screens themselves: moving through lists and pages, switching screens, opening panels.
func reduceScreen(_ command: Command, _ state: inout AppState, _ memo: Memo) -> [Effect] {
    switch command {
    case .quit:
        // One rule, as in htop, k9s, lazygit and tig: q closes the current view (a detail page, or a list
        // reached from another screen) and quits at the top. Ctrl-C (quit_now) quits from anywhere.
        guard state.details.isEmpty && state.backScreen == nil else { return reduceScreen(.goBack, &state, memo) }
        state.shouldQuit = true
        return [.quit]
    case .toggleHelp:
        state.overlay = .help(scroll: 0)
    case .moveDown: move(by: 1, &state, memo)
    case .moveUp: move(by: -1, &state, memo)
    case .pageDown: move(by: page(state), &state, memo)
    case .pageUp: move(by: -page(state), &state, memo)
    case .goToTop: move(by: Int.min / 2, &state, memo)
    case .goToBottom: move(by: Int.max / 2, &state, memo)
    case .open: open(&state, memo)
    case .goBack:
        if !state.details.isEmpty {
            state.details.removeLast()
        } else if let back = state.backScreen {
            state.screen = back
            state.backScreen = nil
        }
    case .showScreen(let screen):
        show(screen, &state)
    case .nextScreen:
        show(Screen(rawValue: state.screen.rawValue % Screen.allCases.count + 1)!, &state)
    case .previousScreen:
        show(Screen(rawValue: (state.screen.rawValue + Screen.allCases.count - 2) % Screen.allCases.count + 1)!, &state)
    case .pickTheme:
        let current = state.themeFilter.flatMap { state.dataset.themeIndex[$0] }.map { $0 + 1 } ?? 0
        state.overlay = .themePicker(selected: current)
    case .openFilters:
        state.overlay = .filterPanel(selected: 0)
    case .startSearch:
        state.searchField = TextField(state.filter.text, limit: TextField.searchLimit)
    case .clearFilters:
        state.filter = ProjectFilter()
        state.recompute(memo)
        state.message = Notice("Filters cleared", .info)
    case .cycleSort:
        ListColumns.cycleSort(&state)
        resort(&state, memo)
    case .reverseSort:
        state.sort.descending.toggle()
        resort(&state, memo)
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
    case .saveView:
        state.overlay = .viewPrompt(TextField(limit: SavedView.nameLimit))
    case .listViews:
        guard !state.views.isEmpty else {
            let save = state.keyMap.label(for: .saveView).map { ": \($0) saves this screen, its filters and sort as one" } ?? ""
            state.message = Notice("No saved views yet" + save, .warning)
            return []
        }
        state.overlay = .viewList(ViewList())
    case .scrollLeft: return ListColumns.scroll(by: -1, &state, memo)
    case .scrollRight: return ListColumns.scroll(by: 1, &state, memo)
    case .chooseColumns: ColumnChooser.open(&state)
    case .cycleActivityWindow: ListColumns.cycleActivityWindow(&state)
    case .cycleReportBreakdown: ReportsScreen.cycleBreakdown(&state)
    case .cycleReportYear: ReportsScreen.cycleYear(&state, memo)
    case .nextMatch: state.moveToMatch(by: 1)
    case .previousMatch: state.moveToMatch(by: -1)
    case .previousView: state.returnToPreviousView(memo)
    case .copy: return state.copySelection(memo)
    case .openContact: return state.openContactLink(memo)
    case .addRecord, .editRecord, .retireRecord: return startRecordCommand(command, &state)
    default:
        break
    }
    return []
}

private func show(_ screen: Screen, _ state: inout AppState) {
    state.screen = screen
    state.details = []
    state.backScreen = nil
}

/// A new order starts from its top: what the sort puts first is what the user wants to see.
private func resort(_ state: inout AppState, _ memo: Memo) {
    state.recompute(memo)
    state.cursors[.projects] = ListCursor()
    state.message = Notice("Sorted by \(state.sort.key.label) \(state.sort.descending ? "(descending)" : "(ascending)")", .info)
}

private func page(_ state: AppState) -> Int {
    state.details.isEmpty ? max(1, Layout.listHeight(state.screen, state.size) - 1) : max(1, Layout.detailBodyHeight(state.size) - 1)
}

func move(by delta: Int, _ state: inout AppState, _ memo: Memo) {
    if let detail = state.detail {
        moveInDetail(detail, by: delta, &state, memo)
        return
    }
    var cursor = state.cursor(state.screen)
    let count = state.rowCount(state.screen)
    cursor.selected = min(max(0, cursor.selected.addingReportingOverflow(delta).partialValue), max(0, count - 1))
    cursor.clamp(count: count, height: Layout.listHeight(state.screen, state.size))
    state.cursors[state.screen] = cursor
}

func open(_ state: inout AppState, _ memo: Memo) {
    if let detail = state.detail {
        guard let outline = memo.outline(detail.target, state), outline.targets.indices.contains(detail.selectedLink) else { return }
        state.details.append(DetailState(target: outline.targets[detail.selectedLink]))
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
        state.recompute(memo)
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
    case .reports:
        ReportsScreen.open(&state, memo)
    }
}
