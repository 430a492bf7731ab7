import CaseboardKit
import TerminalKit

/// The app's only state transition: pure, so every behaviour can be tested without a terminal.
///
/// A key becomes a command through the key map, in the scopes that have the keys now (a panel's, or the
/// screens'); the command goes to the reducer of whatever is open. Printable text typed into a field is the
/// one thing that is not a binding. `memo` only saves work: the input loop keeps one for the session.
public func reduce(_ state: inout AppState, _ action: Action, memo: Memo = Memo()) -> [Effect] {
    let before = state.currentStop
    let command: Command?
    switch action {
    case .commandIssued(let issued): command = issued
    case .keyPressed(let key): command = state.keyMap.binding(for: key, in: KeyMap.activeScopes(state))?.command
    default: command = nil
    }
    let effects = apply(action, &state, memo)
    // A key (or a screen or open command) that took the user somewhere else puts the place left on the trail
    // that `-` walks back; `-` itself takes places off it.
    switch action {
    case .keyPressed, .commandIssued(.showScreen), .commandIssued(.open):
        if command != .previousView { state.noteMove(from: before) }
    default: break
    }
    // The figures of the screen now showing (cheap when nothing they depend on changed).
    state.refreshDerived(memo)
    return effects
}

private func apply(_ action: Action, _ state: inout AppState, _ memo: Memo) -> [Effect] {
    switch action {
    case .terminalResized(let size):
        state.size = size
        state.clampCursors()
        clampDetail(&state, memo)
        return []
    case .commandIssued(let command):
        return perform(command, &state, memo)
    case .keyPressed(let key):
        state.message = nil
        return press(key, &state, memo)
    case .dataChanged, .changeSaved, .changeRefused:
        return reduceData(action, &state, memo)
    case .viewsNotSaved(let reason):
        state.message = Notice("The view is kept for this session only: \(reason)", .warning)
        return []
    case .dayChanged(let day):
        state.today = day
        return []
    }
}

/// Commands that work while the screen is too small to draw: enough to quit or get the terminal back.
private let tooSmallCommands: Set<Command> = [.quit, .quitNow, .redraw, .suspend]

private func press(_ key: Key, _ state: inout AppState, _ memo: Memo) -> [Effect] {
    if Layout.isTooSmall(state.size) {
        guard let binding = state.keyMap.binding(for: key, in: [.always, .everywhere]), tooSmallCommands.contains(binding.command)
        else { return [] }
        return binding.command == .quit ? perform(.quitNow, &state, memo) : perform(binding.command, &state, memo)
    }
    if case .paste = key, !state.isTypingText {
        // A paste outside a text field could otherwise act as a run of commands.
        state.message = Notice("Paste ignored: paste into a text field such as / search or a note", .warning)
        return []
    }
    let scopes = KeyMap.activeScopes(state)
    if let binding = state.keyMap.binding(for: key, in: scopes) {
        if state.overlay == nil, state.searchField == nil, let reason = binding.unavailable(state), binding.command != .goBack {
            state.message = Notice(reason.prefix(1).uppercased() + reason.dropFirst(), .warning)
            return []
        }
        return perform(binding.command, &state, memo)
    }
    if state.isTypingText {
        editField({ $0.type(key) }, &state, memo)
        return []
    }
    if case .filterPanel = state.overlay, case .character(let letter) = key {
        tickFilterLetter(letter, &state, memo)
        return []
    }
    if case .recordChooser(let chooser) = state.overlay, case .character(let letter) = key {
        chooseRecord(letter, chooser, &state)
        return []
    }
    guard state.overlay == nil else { return [] }
    if case .mouse(let event) = key { return reduceMouse(event, &state, memo) }
    if case .character(let character) = key, character != " " {
        let help = state.keyMap.label(for: .toggleHelp).map { "; press \($0) for the keys" } ?? ""
        state.message = Notice("\(key.displayName) does nothing here\(help)", .warning)
    }
    return []
}

/// Sends a command to whatever has the keys: the search line, an open panel, or the screen.
func perform(_ command: Command, _ state: inout AppState, _ memo: Memo) -> [Effect] {
    switch command {
    case .quitNow:
        state.shouldQuit = true
        return [.quit]
    case .redraw:
        return [.redrawAll]
    case .suspend:
        return [.suspend]
    default:
        break
    }
    if state.searchField != nil { return reduceSearch(command, &state, memo) }
    switch state.overlay {
    case .help(let scroll): return reduceHelp(command, scroll, &state)
    case .themePicker(let selected): return reduceThemePicker(command, selected, &state, memo)
    case .filterPanel(let selected): return reduceFilterPanel(command, selected, &state, memo)
    case .statusPicker(let picker): return reduceStatusPicker(command, picker, &state, memo)
    case .noteEditor(let project, let field): return reduceNoteEditor(command, project, field, &state, memo)
    case .viewPrompt(let field): return reduceViewPrompt(command, field, &state, memo)
    case .viewList(let list): return reduceViewList(command, list, &state, memo)
    case .columnChooser(let chooser): return reduceColumnChooser(command, chooser, &state)
    case .recordForm(let form): return reduceRecordForm(command, form, &state, memo)
    case .recordChooser: return reduceRecordChooser(command, &state)
    case .retireQuestion(let question): return reduceRetireQuestion(command, question, &state)
    case nil: return reduceScreen(command, &state, memo)
    }
}
