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
            let keys = [(Command.confirm, "keep"), (.cancel, "clear")].compactMap { command, verb in
                state.keyMap.label(for: command, in: .search).map { "\($0) \(verb)" }
            }.joined(separator: " · ")
            let help = "  " + keys
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
        var hints = overlayHints(state.overlay, state.keyMap) ?? KeyMap.hints(for: state)
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

    /// While a panel is open its own keys apply, so the footer lists those, named as the key map binds them
    /// (a remapped key shows as remapped).
    static func overlayHints(_ overlay: Overlay?, _ map: KeyMap = .standard) -> [FooterHint]? {
        /// A hint is a command of the panel's scope, or a word for typing (which is not a binding).
        enum Part {
            case command(Command, String)
            case moves(String)
            case typing(String)
            /// The theme picker's digits, as a range.
            case digits(String)
            /// The filter panel's letters (data from its table, not bindings).
            case letters(String)
            /// Two commands under one hint, "J/K order".
            case pair(Command, Command, String)
        }
        let scope: BindingScope
        let parts: [Part]
        switch overlay {
        case nil: return nil
        case .statusPicker(let picker) where picker.confirming:
            scope = .statusPicker
            parts = [.command(.confirm, "save"), .command(.cancel, "go back")]
        case .statusPicker(let picker) where picker.selected == nil:
            scope = .statusPicker
            parts = [.moves("choose a status"), .typing("a note"), .command(.cancel, "cancel")]
        case .help:
            scope = .help
            parts = [.moves("scroll"), .command(.closePanel, "close")]
        case .themePicker:
            scope = .themePicker
            parts = [.moves("move"), .command(.choose, "choose"), .digits("jump"), .command(.closePanel, "close")]
        case .filterPanel:
            scope = .filterPanel
            parts = [
                .letters("tick"), .moves("move"), .command(.choose, "tick"), .command(.clearPanel, "clear"), .command(.closePanel, "close"),
            ]
        case .columnChooser:
            scope = .columnChooser
            parts = [
                .moves("move"), .command(.choose, "show"), .pair(.moveColumnDown, .moveColumnUp, "order"),
                .pair(.widenColumn, .narrowColumn, "width"), .command(.closePanel, "close"),
            ]
        case .statusPicker:
            scope = .statusPicker
            parts = [.moves("choose"), .typing("a note"), .command(.confirm, "check"), .command(.cancel, "cancel")]
        case .noteEditor:
            scope = .noteEditor
            parts = [.typing("the note"), .command(.confirm, "save"), .command(.cancel, "cancel")]
        case .viewPrompt:
            scope = .viewPrompt
            parts = [.typing("a name"), .command(.confirm, "save"), .command(.cancel, "cancel")]
        case .viewList(let list) where list.confirmingDelete:
            scope = .viewList
            parts = [.command(.deleteView, "delete"), .command(.closePanel, "keep")]
        case .viewList:
            scope = .viewList
            parts = [.moves("move"), .command(.open, "open"), .command(.deleteView, "delete"), .command(.closePanel, "close")]
        case .recordForm(let form) where form.confirmingDiscard:
            scope = .question
            parts = [.command(.confirm, "discard"), .command(.cancel, "keep editing")]
        case .recordForm(let form) where form.picker != nil:
            scope = .fieldPicker
            let tick: [Part] =
                form.picker?.multi == true ? [.command(.choose, "tick"), .command(.confirm, "done")] : [.command(.confirm, "pick")]
            parts = [.typing("narrow"), .moves("move")] + tick + [.command(.cancel, "close")]
        case .recordForm(let form):
            scope = .recordForm
            let picked = form.fields.indices.contains(form.focus) && form.fields[form.focus].isPicked
            parts =
                [.moves("field")] + (picked ? [.typing("or Space: choose")] : []) + [.command(.saveRecord, "save")]
                + (form.refusal == nil ? [] : [.command(.reloadRecord, "reload")]) + [.command(.cancel, "close")]
        case .recordChooser:
            scope = .recordChooser
            parts = [.letters("choose"), .command(.closePanel, "close")]
        case .retireQuestion(let question):
            scope = .question
            parts = question.refusal == nil ? [.command(.confirm, "retire"), .command(.cancel, "keep")] : [.command(.cancel, "close")]
        }
        return parts.compactMap { part in
            switch part {
            case .typing(let label):
                return FooterHint(key: "type", label: label, rank: 0)
            case .letters(let label):
                return FooterHint(key: "letter", label: label, rank: 0)
            case .pair(let first, let second, let label):
                guard let one = map.keys(for: first, in: scope).first, let other = map.keys(for: second, in: scope).first else {
                    return nil
                }
                return FooterHint(key: one.displayName + "/" + other.displayName, label: label, rank: 0)
            case .digits(let label):
                guard let first = map.keys(for: .chooseTheme(0), in: scope).first,
                    let last = map.keys(for: .chooseTheme(4), in: scope).first
                else { return nil }
                return FooterHint(key: first.displayName + "-" + last.displayName, label: label, rank: 0)
            case .moves(let label):
                let down = map.keys(for: .moveDown, in: scope)
                let up = map.keys(for: .moveUp, in: scope)
                if down.contains(.down) && up.contains(.up) { return FooterHint(key: "↑↓", label: label, rank: 0) }
                guard let first = up.first, let second = down.first else { return nil }
                return FooterHint(key: first.displayName + "/" + second.displayName, label: label, rank: 0)
            case .command(let command, let label):
                guard let key = map.keys(for: command, in: scope).first else { return nil }
                return FooterHint(key: key.displayName, label: label, rank: 0)
            }
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
        case .reports:
            return "by \(state.reportChoice.by.rawValue) · \(state.reportChoice.year ?? "every year")"
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
