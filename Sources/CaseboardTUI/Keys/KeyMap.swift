import CaseboardKit
import TerminalKit

/// One key hint in the footer.
public struct FooterHint: Equatable, Sendable {
    public var key: String
    public var label: String
    public var rank: Int
}

/// Where a binding applies.
public enum BindingScope: String, Sendable, CaseIterable {
    case everywhere = "Everywhere"
    case lists = "Lists and detail pages"
    case projects = "Projects (and their pages)"
    case picker = "Theme picker and filter panel"
    case search = "While typing a search"
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

/// The key map, declared as data: the reducer, the footer hints, the help overlay and docs/keys.md all read it.
public enum KeyMap {
    public static let bindings: [KeyBinding] = [
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
                return Columns.own(state.screen, state) == nil ? "the Themes screen has no columns" : nil
            }),
        KeyBinding(
            [.character("d")], .cycleActivityWindow, "Activity: the last 7 days, the last 30 days, or all changes", scope: .lists,
            hint: "period",
            unavailable: { $0.screen == .activity && $0.details.isEmpty ? nil : "the period applies to the Activity screen" }),
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
        KeyBinding([.tab, .character("]")], .nextScreen, "Next screen"),
        KeyBinding([.backTab, .character("[")], .previousScreen, "Previous screen"),
        KeyBinding([.character("t")], .pickTheme, "Filter by strategy theme", hint: "theme"),
        KeyBinding([.character("f")], .openFilters, "Status and district filters; letters tick (f r K)", hint: "filter"),
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
        KeyBinding([.character("?"), .function(1)], .toggleHelp, "Show or hide this help", hint: "help"),
        KeyBinding([.control("l")], .redraw, "Redraw the screen"),
        KeyBinding([.control("z")], .suspend, "Suspend to the shell (fg comes back)"),
        KeyBinding([.character("q")], .close, "Close the current page or panel; quit at the top", hint: "quit"),
        KeyBinding([.control("c"), .control("\\")], .quit, "Quit at once, from anywhere"),
    ]

    /// Why a change cannot be made now, or nil when it can.
    static func editBlocked(_ state: AppState) -> String? {
        if let reason = state.readOnlyReason { return "changes are off in this session (read-only: \(reason))" }
        return state.focusedProject == nil ? "select a project first (2 for Projects)" : nil
    }

    /// The command a key means outside of pickers and text entry.
    public static func command(for key: Key) -> Command? {
        bindings.first { $0.keys.contains(key) }?.command
    }

    public static func binding(for command: Command) -> KeyBinding? {
        bindings.first { $0.command == command }
    }

    /// Footer hints for the current state: only bindings that would do something now.
    /// Each hint has a rank: when the footer is too narrow, the highest ranks are left out first.
    public static func hints(for state: AppState) -> [FooterHint] {
        bindings.compactMap { binding in
            guard let hint = binding.hint, binding.unavailable(state) == nil else { return nil }
            let key = binding.command == .moveDown ? "↑↓" : binding.keys[0].displayName
            return FooterHint(key: key, label: hint, rank: hintRank(binding.command))
        }
    }

    /// What matters most on a small screen: help, moving, opening, then editing, then filters.
    static func hintRank(_ command: Command) -> Int {
        switch command {
        case .toggleHelp: return 0
        case .moveDown, .open, .goBack: return 1
        case .changeStatus, .addNote: return 2
        case .pickTheme, .startSearch: return 3
        case .openFilters, .cycleSort: return 4
        default: return 5
        }
    }

    /// Keys that work inside the theme picker and the filter panel (handled by the reducer directly).
    /// The filter panel's letters come from its table, one row per section.
    public static var pickerKeys: [(keys: String, summary: String)] {
        let letters = FilterPanel.fixedSections.map { section in
            (
                keys: section.options.map { String($0.letter) }.joined(separator: " "),
                summary: "Tick a \(section.title.lowercased()) at once (filter panel): " + FilterPanel.letterSummary(section)
            )
        }
        let dates = (
            keys: (FilterPanel.endLetters.map(String.init) + ["1-9"]).joined(separator: " "),
            summary: "Dates, one at a time (filter panel): e ends this financial year · w ends within 90 days · u no end date · "
                + "1-9 started in a financial year of the data, oldest first"
        )
        return letters + [dates] + [
            ("↑ ↓ j k", "Move"), ("← →", "Between sections (filter panel)"),
            ("Space", "Choose (theme) or tick (filter panel)"), ("Enter", "Choose (theme); close (filter panel)"),
            ("0-4", "Pick a theme directly"), ("x", "Clear the filter panel's ticks"), ("Esc", "Close"),
        ]
    }

    public static let searchKeys: [(keys: String, summary: String)] = [
        ("characters", "Narrow the list as you type (paste works too)"), ("← → Home End", "Move within the search"),
        ("Backspace", "Delete the character before the cursor"), ("Ctrl-U", "Delete up to the cursor (all of it from the end)"),
        ("Enter", "Keep the search and go back to the list"), ("Esc", "Clear the search"),
    ]

    /// One group of rows in the help overlay and in docs/keys.md.
    public struct HelpSection {
        public var title: String
        public var rows: [(keys: String, summary: String, binding: KeyBinding?)]
    }

    /// Every binding grouped by where it applies: the help overlay and docs/keys.md both print this.
    public static func helpSections() -> [HelpSection] {
        var sections: [HelpSection] = []
        for scope in [BindingScope.everywhere, .lists, .projects] {
            let rows = bindings.filter { $0.scope == scope }.map { (keys: $0.keyLabel, summary: $0.summary, binding: Optional($0)) }
            if !rows.isEmpty { sections.append(HelpSection(title: scope.rawValue, rows: rows)) }
        }
        sections.append(HelpSection(title: BindingScope.picker.rawValue, rows: pickerKeys.map { ($0.keys, $0.summary, nil) }))
        sections.append(HelpSection(title: BindingScope.search.rawValue, rows: searchKeys.map { ($0.keys, $0.summary, nil) }))
        sections.append(
            HelpSection(
                title: "Mouse", rows: [("click", "Select a row; click it again to open it"), ("wheel", "Scroll")].map { ($0.0, $0.1, nil) })
        )
        return sections
    }

    /// The whole key map as Markdown, for docs/keys.md.
    public static func markdown() -> String {
        var out = "# Caseboard keys\n\nGenerated from the key map in `Sources/CaseboardTUI/Keys/KeyMap.swift` by "
        out += "`caseboard keys`; a test fails when this file and the key map disagree. Press `?` in Caseboard for the same list.\n"
        for section in helpSections() {
            out += "\n## \(section.title)\n\n| Keys | Action |\n|---|---|\n"
            for row in section.rows {
                let keys = row.keys.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")
                out += "| \(keys) | \(row.summary) |\n"
            }
        }
        return out
    }
}
