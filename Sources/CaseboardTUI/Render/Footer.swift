import CaseboardKit
import TerminalKit

/// The last row: the search being typed, a message, or the key hints; the counts on the right.
enum Footer {
    /// Draws the footer; returns where the terminal cursor belongs while a search is typed.
    static func draw(_ state: AppState, _ canvas: inout Canvas) -> (x: Int, y: Int)? {
        let y = canvas.size.height - 1
        let width = canvas.size.width
        canvas.fill(x: 0, y: y, width: width, .footer)
        let count = counts(state)
        let countWidth = DisplayWidth.of(count)
        let right = width - 1
        let room = max(0, right - countWidth - 2)
        canvas.text(count, x: right - countWidth, y: y, width: countWidth, .footer)
        if let field = state.searchField {
            let prompt = "Search: "
            var x = 1 + canvas.text(prompt, x: 1, y: y, width: room, .key)
            let limit = max(2, room - x - 1)
            let shown = field.visible(width: limit)
            let cursor = (x + shown.cursorColumn, y)
            x += canvas.text(shown.text, x: x, y: y, width: limit, .footer)
            let help = "  Enter keep · Esc clear"
            if x + DisplayWidth.of(help) <= room { canvas.text(help, x: x, y: y, .footerDim) }
            // A message while typing (the search was cut) goes on the row above, so both can be read.
            if let message = state.message, y > 0 {
                canvas.fill(x: 0, y: y - 1, width: width, .footer)
                canvas.text(message.text, x: 1, y: y - 1, width: width - 2, message.tone == .warning ? .warning : .footer)
            }
            return cursor
        }
        if let message = state.message {
            let role: Role
            switch message.tone {
            case .info: role = .footer
            case .success: role = .success
            case .warning: role = .warning
            }
            // A message too long for the row grows upwards (up to three rows) rather than being cut:
            // a refusal must be read whole.
            var lines = Wrap.lines(message.text, width: max(10, room - 1))
            if lines.count > 3 { lines = Array(lines.prefix(3)) }
            let top = y - (lines.count - 1)
            for (index, line) in lines.enumerated() {
                let row = top + index
                if row != y { canvas.fill(x: 0, y: row, width: width, .footer) }
                canvas.text(line, x: 1, y: row, width: room, role)
            }
            return nil
        }
        // Hints in key-map order; when they do not all fit, the least useful go first.
        var hints = overlayHints(state.overlay) ?? KeyMap.hints(for: state)
        func needed(_ hints: [FooterHint]) -> Int {
            hints.reduce(0) { $0 + DisplayWidth.of($1.key) + 1 + DisplayWidth.of($1.label) + 2 }
        }
        while needed(hints) > room, let worst = hints.map(\.rank).max(), worst > 0,
            let drop = hints.lastIndex(where: { $0.rank == worst })
        {
            hints.remove(at: drop)
        }
        var x = 1
        for hint in hints {
            x += canvas.text(hint.key, x: x, y: y, .key)
            x += canvas.text(" " + hint.label, x: x, y: y, .footer) + 2
        }
        return nil
    }

    /// While a panel is open its own keys apply, so the footer lists those.
    static func overlayHints(_ overlay: Overlay?) -> [FooterHint]? {
        let pairs: [(String, String)]
        switch overlay {
        case .statusPicker(let picker) where picker.confirming:
            pairs = [("Enter", "save"), ("Esc", "go back")]
        case .statusPicker(let picker) where picker.selected == nil:
            pairs = [("↑↓", "choose a status"), ("type", "a note"), ("Esc", "cancel")]
        case nil: return nil
        case .help: pairs = [("↑↓", "scroll"), ("Esc", "close")]
        case .themePicker: pairs = [("↑↓", "move"), ("Enter", "choose"), ("0-4", "jump"), ("Esc", "close")]
        case .filterPanel: pairs = [("letter", "tick"), ("↑↓", "move"), ("Space", "tick"), ("x", "clear"), ("Esc", "close")]
        case .statusPicker: pairs = [("↑↓", "choose"), ("type", "a note"), ("Enter", "check"), ("Esc", "cancel")]
        case .noteEditor: pairs = [("type", "the note"), ("Enter", "save"), ("Esc", "cancel")]
        case .columnChooser:
            pairs = [("↑↓", "move"), ("Space", "show"), ("J/K", "order"), ("+/-", "width"), ("Esc", "close")]
        }
        return pairs.map { FooterHint(key: $0.0, label: $0.1, rank: 0) }
    }

    /// "12 of 36 projects" and the like, for the current screen.
    static func counts(_ state: AppState) -> String {
        let data = state.dataset
        switch state.screen {
        case .themes:
            return "\(data.themes.count) themes · \(plural(state.visibleProjects.count, "project"))"
        case .projects:
            let total = data.projects.count
            let count =
                state.visibleProjects.count == total
                ? plural(total, "project") : "\(grouped(state.visibleProjects.count)) of \(plural(total, "project"))"
            // A sort on a column that is not on screen is named here.
            guard state.details.isEmpty, !ProjectsView.showsSortColumn(state) else { return count }
            return count + " · by \(state.sort.key.label) " + (state.sort.descending ? "↓" : "↑")
        case .funding:
            return plural(data.funding.count, "funding stream")
        case .partners:
            let total = data.organisations.count
            return state.visiblePartners.count == total
                ? plural(total, "partner") : "\(grouped(state.visiblePartners.count)) of \(plural(total, "partner"))"
        case .activity where state.activityWindow != .all:
            return "\(plural(state.activity.count, "change")) in the \(state.activityWindow.label)"
        case .activity:
            return state.activity.count == state.history.count
                ? plural(state.history.count, "change") : "\(grouped(state.activity.count)) of \(plural(state.history.count, "change"))"
        }
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(Self.grouped(count)) \(noun)\(count == 1 ? "" : "s")"
    }

    /// 100000 → "100,000".
    static func grouped(_ count: Int) -> String { Money.grouped(UInt64(max(0, count))) }
}
