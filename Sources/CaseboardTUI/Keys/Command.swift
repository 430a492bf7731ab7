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
    /// Quit from anywhere (Ctrl-C); `quit` (q) closes the current page or panel and quits at the top.
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
    // Lists: columns, the Activity period, the search's matches, the view trail, copying and contacts.
    /// ← and →: scroll the columns sideways when they overflow; otherwise go back and open.
    case scrollLeft, scrollRight
    /// `C`: the column chooser.
    case chooseColumns
    /// `d` on Activity: all changes → the last 7 days → the last 30 days.
    case cycleActivityWindow
    /// `b` on Reports: by theme → district → funder → year → stream.
    case cycleReportBreakdown
    /// `Y` on Reports: every year, then each financial year in turn.
    case cycleReportYear
    /// `n` / `N`: the next or previous match of the search.
    case nextMatch, previousMatch
    /// `-`: the view before this one, whichever way it was reached.
    case previousView
    /// `y`: the selected item's id (a contact's email or phone) to the clipboard.
    case copy
    /// `o`: email or call the selected contact through the desktop.
    case openContact
    // In the column chooser (Space shows or hides a column: `choose`).
    /// `J` / `K`: move the highlighted column later or earlier.
    case moveColumnDown, moveColumnUp
    /// `+` / `-`: widen or narrow the highlighted column.
    case widenColumn, narrowColumn
    /// `r`: back to the screen's own columns.
    case resetColumns
    // Adding and correcting records (see RecordTargets.swift for what each acts on).
    /// `A`: a form for a new record of the kind on screen.
    case addRecord
    /// `e`: a form for the selected or open record.
    case editRecord
    /// `R`: take the selected or open record out of use, after a y/n question.
    case retireRecord
    /// In a form: save it now, from any field.
    case saveRecord
    /// In a form refused as out of date: take the saved values as the new starting point, keeping what was typed.
    case reloadRecord
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
    /// Put text on the clipboard through the terminal (OSC 52).
    case copyToClipboard(String)
    /// Hand a `mailto:` or `tel:` link to the desktop (xdg-open).
    case openLink(String)
    /// Save record changes (a form's add or edits, a retire) as one event.
    case saveRecords([RecordChange])
}
