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
        if let draft = state.searchDraft {
            let prompt = "Search: "
            var x = 1 + canvas.text(prompt, x: 1, y: y, width: room, .key)
            // Show the end of a long search, where the typing happens.
            let limit = max(1, room - x - 1)
            var shown = draft
            while DisplayWidth.of(shown) > limit, !shown.isEmpty { shown.removeFirst() }
            x += canvas.text(shown, x: x, y: y, width: limit, .footer)
            let help = "  Enter keep · Esc clear"
            if x + DisplayWidth.of(help) <= room { canvas.text(help, x: x, y: y, .footerDim) }
            return (x, y)
        }
        if let message = state.message {
            let role: Role
            switch message.tone {
            case .info: role = .footer
            case .success: role = .success
            case .warning: role = .warning
            }
            canvas.text(message.text, x: 1, y: y, width: room, role)
            return nil
        }
        // Hints in key-map order; when they do not all fit, the last ones go first, but "? help" always stays.
        var hints = overlayHints(state.overlay) ?? KeyMap.hints(for: state)
        func needed(_ hints: [(key: String, label: String)]) -> Int {
            hints.reduce(0) { $0 + DisplayWidth.of($1.key) + 1 + DisplayWidth.of($1.label) + 2 }
        }
        while needed(hints) > room, let drop = hints.lastIndex(where: { $0.key != "?" }) { hints.remove(at: drop) }
        var x = 1
        for hint in hints {
            x += canvas.text(hint.key, x: x, y: y, .key)
            x += canvas.text(" " + hint.label, x: x, y: y, .footer) + 2
        }
        return nil
    }

    /// While a panel is open its own keys apply, so the footer lists those.
    static func overlayHints(_ overlay: Overlay?) -> [(key: String, label: String)]? {
        switch overlay {
        case nil: return nil
        case .help: return [("↑↓", "scroll"), ("Esc", "close")]
        case .themePicker: return [("↑↓", "move"), ("Enter", "choose"), ("0-4", "jump"), ("Esc", "close")]
        case .filterPanel: return [("↑↓", "move"), ("Space", "tick"), ("x", "clear"), ("Esc", "close")]
        }
    }

    /// "12 of 36 projects" and the like, for the current screen.
    static func counts(_ state: AppState) -> String {
        let data = state.dataset
        switch state.screen {
        case .themes:
            return "\(data.themes.count) themes · \(plural(state.visibleProjects.count, "project"))"
        case .projects:
            let total = data.projects.count
            return state.visibleProjects.count == total
                ? plural(total, "project") : "\(state.visibleProjects.count) of \(plural(total, "project"))"
        case .funding:
            return plural(data.funding.count, "funding stream")
        case .partners:
            let total = data.organisations.count
            return state.visiblePartners.count == total
                ? plural(total, "partner") : "\(state.visiblePartners.count) of \(plural(total, "partner"))"
        }
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(Self.grouped(count)) \(noun)\(count == 1 ? "" : "s")"
    }

    /// 100000 → "100,000".
    static func grouped(_ count: Int) -> String {
        let digits = String(count)
        var out = ""
        for (index, char) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(char)
        }
        return out
    }
}
