import CaseboardKit
import TerminalKit

/// One key hint in the footer.
public struct FooterHint: Equatable, Sendable {
    public var key: String
    public var label: String
    public var rank: Int
}

/// Where a binding applies: the screens, or one panel or prompt. While a panel is open only its scope (with
/// `always` and, for text, `textField`) has the keys; see `KeyMap.activeScopes`.
public enum BindingScope: String, Sendable, CaseIterable {
    case always = "In every screen, panel and prompt"
    case everywhere = "Everywhere"
    case lists = "Lists and detail pages"
    case projects = "Projects (and their pages)"
    case help = "Help"
    case themePicker = "Theme picker"
    case filterPanel = "Filter panel"
    case columnChooser = "Column chooser"
    case search = "While typing a search"
    case statusPicker = "Status picker"
    case noteEditor = "Note editor"
    case viewPrompt = "Saving a view"
    case viewList = "Saved views"
    case recordForm = "Record form (A adds, e corrects)"
    case fieldPicker = "Choosing a form field's value from a list"
    case recordChooser = "Choosing which record"
    case question = "Yes-or-no questions (retire? discard changes?)"
    case textField = "Editing text (search, notes, view names, form fields)"

    /// The name of the scope in the config file's `[keys.SCOPE]` tables.
    public var name: String {
        switch self {
        case .always: return "always"
        case .everywhere: return "everywhere"
        case .lists: return "lists"
        case .projects: return "projects"
        case .help: return "help"
        case .themePicker: return "theme_picker"
        case .filterPanel: return "filter_panel"
        case .columnChooser: return "column_chooser"
        case .search: return "search"
        case .statusPicker: return "status_picker"
        case .noteEditor: return "note_editor"
        case .viewPrompt: return "view_prompt"
        case .viewList: return "view_list"
        case .recordForm: return "record_form"
        case .fieldPicker: return "field_picker"
        case .recordChooser: return "record_chooser"
        case .question: return "question"
        case .textField: return "text_field"
        }
    }

    public init?(name: String) {
        guard let scope = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = scope
    }
}

/// One row of the key map: the keys, what they do, and when they can't.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var command: Command
    public var summary: String
    public var scope: BindingScope
    /// A short label for the footer, or nil to leave the binding out of the hints.
    public var hint: String?
    /// Why the binding does nothing in this state, or nil when it is available.
    public var unavailable: @Sendable (AppState) -> String?

    init(
        _ keys: [Key], _ command: Command, _ summary: String, scope: BindingScope = .everywhere, hint: String? = nil,
        unavailable: @escaping @Sendable (AppState) -> String? = { _ in nil }
    ) {
        self.keys = keys
        self.command = command
        self.summary = summary
        self.scope = scope
        self.hint = hint
        self.unavailable = unavailable
    }

    public var keyLabel: String { keys.map(\.displayName).joined(separator: " ") }
}

/// The key map, declared as data: the reducer, the footer hints, the help overlay, docs/keys.md and the
/// config file's remapping all read it. `bindings` is the standard map; a session's map is a `KeyMap` value
/// (the standard one with the user's remaps applied) kept in the state.
public struct KeyMap: Sendable {
    public static let bindings: [KeyBinding] =
        [
            KeyBinding([.down, .character("j")], .moveDown, "Move down", scope: .lists, hint: "move"),
            KeyBinding([.up, .character("k")], .moveUp, "Move up", scope: .lists),
            KeyBinding([.pageDown, .control("f")], .pageDown, "Page down", scope: .lists),
            KeyBinding([.pageUp, .control("b")], .pageUp, "Page up", scope: .lists),
            KeyBinding([.home, .character("g")], .goToTop, "Go to the top", scope: .lists),
            KeyBinding([.end, .character("G")], .goToBottom, "Go to the bottom", scope: .lists),
            KeyBinding([.enter, .character("l")], .open, "Open the selected item", scope: .lists, hint: "open"),
            KeyBinding(
                [.escape, .backspace, .character("h")], .goBack, "Go back (close the detail page or panel)", scope: .lists,
                hint: "back", unavailable: { $0.details.isEmpty && $0.backScreen == nil ? "nothing to go back to" : nil }),
            KeyBinding(
                [.left], .scrollLeft, "Scroll the columns left when they are wider than the screen; otherwise go back", scope: .lists),
            KeyBinding(
                [.right], .scrollRight, "Scroll the columns right when they are wider than the screen; otherwise open", scope: .lists),
            KeyBinding(
                [.character("C")], .chooseColumns, "Choose the list's columns: show, order, widen (Space, J/K, +/-)", scope: .lists,
                unavailable: { state in
                    if !state.details.isEmpty { return "columns belong to the lists" }
                    return Columns.own(state.screen, state) == nil ? "the \(state.screen.title) screen has no columns" : nil
                }),
            KeyBinding(
                [.character("d")], .cycleActivityWindow, "Activity: the last 7 days, the last 30 days, or all changes", scope: .lists,
                hint: "period",
                unavailable: { $0.screen == .activity && $0.details.isEmpty ? nil : "the period applies to the Activity screen" }),
            KeyBinding(
                [.character("b")], .cycleReportBreakdown, "Reports: money by theme, district, funder, year or stream", scope: .lists,
                hint: "breakdown", unavailable: { reportsOnly($0, "the breakdown") }),
            KeyBinding(
                [.character("Y")], .cycleReportYear, "Reports: one financial year at a time, or every year", scope: .lists,
                hint: "year", unavailable: { reportsOnly($0, "the year") }),
            KeyBinding(
                [.character("-")], .previousView, "Back to the previous view, wherever you came from", scope: .lists,
                unavailable: { $0.trail.isEmpty ? "nowhere to go back to yet" : nil }),
            KeyBinding(
                [.character("n")], .nextMatch, "Next match of the search", scope: .lists, unavailable: { $0.matchMoveBlocked }),
            KeyBinding(
                [.character("N")], .previousMatch, "Previous match of the search", scope: .lists, unavailable: { $0.matchMoveBlocked }),
            KeyBinding(
                [.character("y")], .copy, "Copy the selected id, or a contact's email or phone, to the clipboard", scope: .lists),
            KeyBinding(
                [.character("o")], .openContact, "Email or call the selected contact (mailto: or tel: on the desktop)", scope: .lists,
                unavailable: { $0.focusedContact == nil ? "select a contact on a project or partner page first" : nil }),
            KeyBinding([.character("1")], .showScreen(.themes), "Themes screen"),
            KeyBinding([.character("2")], .showScreen(.projects), "Projects screen"),
            KeyBinding([.character("3")], .showScreen(.funding), "Funding screen"),
            KeyBinding([.character("4")], .showScreen(.partners), "Partners & contacts screen"),
            KeyBinding([.character("5")], .showScreen(.activity), "Activity screen (latest changes)"),
            KeyBinding([.character("6")], .showScreen(.reports), "Reports screen (where the money went, broken down)"),
            KeyBinding([.tab, .character("]")], .nextScreen, "Next screen"),
            KeyBinding([.backTab, .character("[")], .previousScreen, "Previous screen"),
            KeyBinding([.character("t")], .pickTheme, "Filter by strategy theme", hint: "theme"),
            KeyBinding([.character("f")], .openFilters, "Filter by status, district and dates (f r K ticks)", hint: "filter"),
            KeyBinding([.character("/")], .startSearch, "Search (narrows as you type; Enter keeps, Esc clears)", hint: "search"),
            KeyBinding(
                [.character("x")], .clearFilters, "Clear every filter",
                unavailable: { $0.filter.isEmpty ? "no filters are set" : nil }),
            KeyBinding(
                [.character("s")], .cycleSort, "Sort by the next column", scope: .projects, hint: "sort",
                unavailable: { $0.screen == .projects && $0.details.isEmpty ? nil : "sorting applies to the project list" }),
            KeyBinding(
                [.character("S")], .reverseSort, "Reverse the sort order", scope: .projects,
                unavailable: { $0.screen == .projects && $0.details.isEmpty ? nil : "sorting applies to the project list" }),
            KeyBinding(
                [.character("c")], .changeStatus, "Change the project's status (with an optional note)", scope: .projects, hint: "status",
                unavailable: { editBlocked($0) }),
            KeyBinding(
                [.character("a")], .addNote, "Add a note to the project", scope: .projects, hint: "note", unavailable: { editBlocked($0) }),
            KeyBinding(
                [.character("u")], .undoLastChange, "Undo your last change in this session", scope: .projects,
                unavailable: { state in
                    if let reason = state.readOnlyReason { return "changes are off in this session (read-only: \(reason))" }
                    return state.sessionEvents.isEmpty ? "nothing of yours to undo in this session" : nil
                }),
            KeyBinding([.character("v")], .saveView, "Save this screen and its filters as a view"),
            KeyBinding([.character("V")], .listViews, "Open or delete a saved view"),
            KeyBinding([.character("?"), .function(1)], .toggleHelp, "Show or hide this help", hint: "help"),
            KeyBinding([.character("q")], .quit, "Close the current page or panel; quit at the top", hint: "quit"),
            // Work in every panel and prompt too.
            KeyBinding([.control("l")], .redraw, "Redraw the screen", scope: .always),
            KeyBinding([.control("z")], .suspend, "Suspend to the shell (fg comes back)", scope: .always),
            // Ctrl-\\ is the terminal's "quit" key; in raw mode it arrives as a key rather than SIGQUIT.
            KeyBinding([.control("c"), .control("\\")], .quitNow, "Quit at once, from anywhere", scope: .always),
        ] + recordBindings + panelBindings + formBindings + textFieldBindings

    /// Why a change cannot be made now, or nil when it can.
    static func editBlocked(_ state: AppState) -> String? {
        if let reason = state.readOnlyReason { return "changes are off in this session (read-only: \(reason))" }
        return state.focusedProject == nil ? "select a project first (2 for Projects)" : nil
    }

    /// Why a Reports key does nothing here, or nil on the Reports screen itself.
    static func reportsOnly(_ state: AppState, _ what: String) -> String? {
        state.screen == .reports && state.details.isEmpty ? nil : "\(what) applies to the Reports screen (6)"
    }

    /// The standard map, as Caseboard ships it.
    public static let standard = KeyMap(rows: bindings)

    /// Every binding of this map, in the order help lists them.
    public var rows: [KeyBinding]

    public init(rows: [KeyBinding]) { self.rows = rows }

    /// The scopes that have the keys in this state, most specific first.
    public static func activeScopes(_ state: AppState) -> [BindingScope] {
        if state.searchField != nil { return [.always, .search, .textField] }
        switch state.overlay {
        case .help: return [.always, .help]
        case .themePicker: return [.always, .themePicker]
        case .filterPanel: return [.always, .filterPanel]
        case .columnChooser: return [.always, .columnChooser]
        case .statusPicker: return [.always, .statusPicker, .textField]
        case .noteEditor: return [.always, .noteEditor, .textField]
        case .viewPrompt: return [.always, .viewPrompt, .textField]
        case .viewList: return [.always, .viewList]
        case .recordForm(let form) where form.confirmingDiscard: return [.always, .question]
        case .recordForm(let form) where form.picker != nil: return [.always, .fieldPicker, .textField]
        case .recordForm: return [.always, .recordForm, .textField]
        case .recordChooser: return [.always, .recordChooser]
        case .retireQuestion: return [.always, .question]
        case nil: return [.always, .everywhere, .lists, .projects]
        }
    }

    /// Each set of scopes that can have the keys at once: a key may mean one command only within each.
    public static let contexts: [[BindingScope]] =
        [
            [.always, .everywhere, .lists, .projects], [.always, .help], [.always, .themePicker], [.always, .filterPanel],
            [.always, .columnChooser],
            [.always, .search, .textField], [.always, .statusPicker, .textField], [.always, .noteEditor, .textField],
            [.always, .viewPrompt, .textField], [.always, .viewList],
        ] + formContexts

    /// The binding a key triggers in this state, if any.
    public func binding(for key: Key, in state: AppState) -> KeyBinding? {
        binding(for: key, in: Self.activeScopes(state))
    }

    public func binding(for key: Key, in scopes: [BindingScope]) -> KeyBinding? {
        for scope in scopes {
            if let binding = rows.first(where: { $0.scope == scope && $0.keys.contains(key) }) { return binding }
        }
        return nil
    }

    /// The first row for a command (for its "unavailable" reason and its key label in hints).
    public func binding(for command: Command) -> KeyBinding? {
        rows.first { $0.command == command }
    }

    /// The keys that do `command` in `scope`, for hints that name them.
    public func keys(for command: Command, in scope: BindingScope) -> [Key] {
        rows.filter { $0.command == command && $0.scope == scope }.flatMap(\.keys)
    }

    /// The command a key means on the screens (outside panels and prompts), in the standard map.
    public static func command(for key: Key) -> Command? {
        standard.binding(for: key, in: [.always, .everywhere, .lists, .projects])?.command
    }

    public static func binding(for command: Command) -> KeyBinding? { standard.binding(for: command) }

    /// Footer hints for the current state: only bindings that would do something now.
    /// Each hint has a rank: when the footer is too narrow, the highest ranks are left out first.
    public func hints(for state: AppState) -> [FooterHint] {
        rows.compactMap { binding in
            guard let hint = binding.hint, !binding.keys.isEmpty, binding.unavailable(state) == nil else { return nil }
            let key = binding.command == .moveDown && binding.keys.contains(.down) ? "↑↓" : binding.keys[0].displayName
            return FooterHint(key: key, label: hint, rank: Self.hintRank(binding.command))
        }
    }

    public static func hints(for state: AppState) -> [FooterHint] { state.keyMap.hints(for: state) }

    /// What matters most on a small screen: help, moving, opening, then editing, then filters.
    static func hintRank(_ command: Command) -> Int {
        switch command {
        case .toggleHelp: return 0
        case .moveDown, .open, .goBack: return 1
        case .changeStatus, .addNote: return 2
        case .pickTheme, .startSearch, .cycleReportBreakdown: return 3
        case .openFilters, .cycleSort: return 4
        default: return 5
        }
    }

    /// One group of rows in the help overlay and in docs/keys.md.
    public struct HelpSection {
        public var title: String
        public var rows: [(keys: String, summary: String, binding: KeyBinding?)]
    }

    /// Every binding grouped by where it applies: the help overlay and docs/keys.md both print this.
    public func helpSections() -> [HelpSection] {
        var sections: [HelpSection] = []
        let order: [BindingScope] = [
            .everywhere, .always, .lists, .projects, .help, .themePicker, .filterPanel, .columnChooser, .search, .statusPicker, .noteEditor,
            .viewPrompt, .viewList, .recordForm, .fieldPicker, .recordChooser, .question, .textField,
        ]
        for scope in order {
            var rows: [(keys: String, summary: String, binding: KeyBinding?)] = []
            if scope == .textField { rows.append(("characters", "Type into the field (paste works too)", nil)) }
            // The panel's letters are data (its table), not bindings: any letter the panel's keys leave free ticks.
            if scope == .filterPanel { rows += FilterPanel.letterRows.map { ($0.keys, $0.summary, nil) } }
            rows += Self.formDataRows(scope).map { ($0.keys, $0.summary, nil) }
            rows += self.rows.filter { $0.scope == scope }.map { (keys: $0.keyLabel, summary: $0.summary, binding: Optional($0)) }
            if !rows.isEmpty { sections.append(HelpSection(title: scope.rawValue, rows: rows)) }
        }
        sections.append(
            HelpSection(
                title: "Mouse", rows: [("click", "Select a row; click it again to open it"), ("wheel", "Scroll")].map { ($0.0, $0.1, nil) })
        )
        return sections
    }

    public static func helpSections() -> [HelpSection] { standard.helpSections() }

    /// The whole key map as Markdown, for docs/keys.md.
    public static func markdown() -> String {
        var out = "# Caseboard keys\n\nGenerated from the key map in `Sources/CaseboardTUI/Keys/KeyMap.swift` by "
        out += "`caseboard keys`; a test fails when this file and the key map disagree. Press `?` in Caseboard for the same list. "
        out += "Every key can be remapped in the config file: the name to use is in the last column (see docs/config.md).\n"
        for section in helpSections() {
            out += "\n## \(section.title)\n\n| Keys | Action | Name |\n|---|---|---|\n"
            for row in section.rows {
                let keys = row.keys.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")
                let name = row.binding.map { "`\($0.command.name)`" } ?? ""
                out += "| \(keys) | \(row.summary) | \(name) |\n"
            }
        }
        return out
    }
}

extension KeyMap: Equatable {
    /// Two maps are equal when every row binds the same keys to the same command in the same scope.
    public static func == (lhs: KeyMap, rhs: KeyMap) -> Bool {
        lhs.rows.count == rhs.rows.count
            && zip(lhs.rows, rhs.rows).allSatisfy { $0.keys == $1.keys && $0.command == $1.command && $0.scope == $1.scope }
    }
}
