/// Stable snake_case names for the config file's `[keys]` table: renaming a case must not break a user's file,
/// so the names are written out here rather than derived from Swift's spelling at run time.
extension Command {
    public var name: String {
        switch self {
        case .moveUp: return "move_up"
        case .moveDown: return "move_down"
        case .pageUp: return "page_up"
        case .pageDown: return "page_down"
        case .goToTop: return "go_to_top"
        case .goToBottom: return "go_to_bottom"
        case .moveLeft: return "move_left"
        case .moveRight: return "move_right"
        case .open: return "open"
        case .goBack: return "go_back"
        case .nextScreen: return "next_screen"
        case .previousScreen: return "previous_screen"
        case .showScreen(let screen): return "show_" + screen.title.lowercased()
        case .pickTheme: return "pick_theme"
        case .openFilters: return "open_filters"
        case .startSearch: return "start_search"
        case .clearFilters: return "clear_filters"
        case .cycleSort: return "cycle_sort"
        case .reverseSort: return "reverse_sort"
        case .toggleHelp: return "toggle_help"
        case .quit: return "quit"
        case .quitNow: return "quit_now"
        case .redraw: return "redraw"
        case .suspend: return "suspend"
        case .changeStatus: return "change_status"
        case .addNote: return "add_note"
        case .undoLastChange: return "undo_last_change"
        case .saveView: return "save_view"
        case .listViews: return "list_views"
        case .closePanel: return "close_panel"
        case .choose: return "choose"
        case .chooseTheme(let number): return "choose_theme_\(number)"
        case .clearPanel: return "clear_panel"
        case .confirm: return "confirm"
        case .cancel: return "cancel"
        case .deleteView: return "delete_view"
        case .cursorLeft: return "cursor_left"
        case .cursorRight: return "cursor_right"
        case .cursorToStart: return "cursor_to_start"
        case .cursorToEnd: return "cursor_to_end"
        case .deleteBackward: return "delete_backward"
        case .deleteForward: return "delete_forward"
        case .deleteToStart: return "delete_to_start"
        case .deleteToEnd: return "delete_to_end"
        case .deleteWord: return "delete_word"
        case .scrollLeft: return "scroll_left"
        case .scrollRight: return "scroll_right"
        case .chooseColumns: return "choose_columns"
        case .cycleActivityWindow: return "cycle_activity_period"
        case .cycleReportBreakdown: return "cycle_report_breakdown"
        case .cycleReportYear: return "cycle_report_year"
        case .nextMatch: return "next_match"
        case .previousMatch: return "previous_match"
        case .previousView: return "previous_view"
        case .copy: return "copy"
        case .openContact: return "open_contact"
        case .moveColumnDown: return "move_column_down"
        case .moveColumnUp: return "move_column_up"
        case .widenColumn: return "widen_column"
        case .narrowColumn: return "narrow_column"
        case .resetColumns: return "reset_columns"
        case .addRecord: return "add_record"
        case .editRecord: return "edit_record"
        case .retireRecord: return "retire_record"
        case .saveRecord: return "save_record"
        case .reloadRecord: return "reload_record"
        }
    }

    /// The command a config file names, if any.
    public init?(name: String) {
        guard let command = Self.named[name] else { return nil }
        self = command
    }

    /// Every command a binding can carry, by name.
    static let named: [String: Command] = {
        var all: [Command] = [
            .moveUp, .moveDown, .pageUp, .pageDown, .goToTop, .goToBottom, .moveLeft, .moveRight, .open, .goBack, .nextScreen,
            .previousScreen, .pickTheme, .openFilters, .startSearch, .clearFilters, .cycleSort, .reverseSort, .toggleHelp, .quit,
            .quitNow, .redraw, .suspend, .changeStatus, .addNote, .undoLastChange, .saveView, .listViews, .closePanel, .choose,
            .clearPanel, .confirm, .cancel, .deleteView, .cursorLeft, .cursorRight, .cursorToStart, .cursorToEnd, .deleteBackward,
            .deleteForward, .deleteToStart, .deleteToEnd, .deleteWord, .scrollLeft, .scrollRight, .chooseColumns,
            .cycleActivityWindow, .cycleReportBreakdown, .cycleReportYear, .nextMatch, .previousMatch, .previousView, .copy, .openContact,
            .moveColumnDown, .moveColumnUp, .widenColumn, .narrowColumn, .resetColumns, .addRecord, .editRecord, .retireRecord,
            .saveRecord, .reloadRecord,
        ]
        all += Screen.allCases.map { .showScreen($0) }
        all += (0...4).map { .chooseTheme($0) }
        return Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
    }()
}
