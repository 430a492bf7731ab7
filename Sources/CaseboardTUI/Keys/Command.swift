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
    case scrollLeft, scrollRight, chooseColumns, cycleActivityWindow
    /// `n` / `N`: the next or previous match of the search.
    case nextMatch, previousMatch
    /// `-`: the view before this one, whichever way it was reached.
    case previousView
    /// `q`: close the current page or panel; quit at the top.
    case close
    /// `y`: the selected item's id (a contact's email or phone) to the clipboard.
    case copy
    /// `o`: email or call the selected contact through the desktop.
    case openContact
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
    /// Put text on the clipboard through the terminal (OSC 52).
    case copyToClipboard(String)
    /// Hand a `mailto:` or `tel:` link to the desktop (xdg-open).
    case openLink(String)
}
