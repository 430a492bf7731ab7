import CaseboardKit

/// What a key asks for, named for the user's intent.
public enum Command: Equatable, Hashable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, goToTop, goToBottom
    case open, goBack
    case nextScreen, previousScreen
    case showScreen(Screen)
    case pickTheme, openFilters, startSearch, clearFilters
    case cycleSort, reverseSort
    case toggleHelp, quit, redraw, suspend
    case changeStatus, addNote, undoLastChange
    /// Quit from anywhere (Ctrl-C); `quit` closes a detail page first and quits at the top.
    case quitNow
    case saveView, listViews
    // In panels and prompts.
    /// Across the filter panel's columns.
    case moveLeft, moveRight
    /// Close a panel without choosing.
    case closePanel
    /// Choose the highlighted theme, or tick the highlighted status or district.
    case choose
    /// Pick a theme by its number in the theme picker (0 is every theme).
    case chooseTheme(Int)
    /// Clear the filter panel's ticks.
    case clearPanel
    /// Enter in a prompt: keep the search, check or save a change, save a view.
    case confirm
    /// Esc in a prompt: clear the search, cancel the change.
    case cancel
    case deleteView
    // Editing the text of a field.
    case cursorLeft, cursorRight, cursorToStart, cursorToEnd
    case deleteBackward, deleteForward, deleteToStart, deleteToEnd, deleteWord
}

/// Something the reducer asks the outside world to do; results come back as actions.
public enum Effect: Equatable, Sendable {
    case redrawAll
    case quit
    /// Hand the terminal back to the shell until `fg` (Ctrl-Z).
    case suspend
    /// Save a status change based on `from` (the status the coordinator saw).
    case saveStatus(project: String, from: ProjectStatus, to: ProjectStatus, note: String?)
    case saveNote(project: String, text: String)
    case undo(event: String)
    /// Write the saved views (all of them, as they now stand) to the user's settings.
    case saveViews([SavedView])
}
