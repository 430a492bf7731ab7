import CaseboardKit
import TerminalKit

/// Panels drawn over the screen: help, the theme picker, the status and district filter panel.
enum Overlays {
    static func centred(width: Int, height: Int, in size: Size) -> Rect {
        let w = min(width, size.width - 2)
        let h = min(height, size.height - 2)
        return Rect(x: (size.width - w) / 2, y: max(1, (size.height - h) / 2), width: w, height: h)
    }

    static func draw(_ overlay: Overlay, _ state: AppState, _ canvas: inout Canvas) -> (x: Int, y: Int)? {
        switch overlay {
        case .help(let scroll): return help(scroll, state, &canvas)
        case .themePicker(let selected): return themePicker(selected, state, &canvas)
        case .filterPanel(let selected): return FilterPanelView.draw(selected, state, &canvas)
        case .statusPicker(let picker): return statusPicker(picker, state, &canvas)
        case .noteEditor(let project, let field): return noteEditor(project, field, state, &canvas)
        case .viewPrompt(let field): return ViewPanels.prompt(field, state, &canvas)
        case .viewList(let list): return ViewPanels.list(list, state, &canvas)
        case .columnChooser(let chooser): return ColumnChooserView.draw(chooser, state, &canvas)
        case .recordForm(let form): return RecordFormView.draw(form, state, &canvas)
        case .recordChooser(let chooser): return RecordFormView.chooser(chooser, state, &canvas)
        case .retireQuestion(let question): return RecordFormView.retire(question, state, &canvas)
        }
    }

    /// Every binding, grouped by where it applies, generated from the key map.
    static func helpLines(_ state: AppState) -> [[Span]] {
        var lines: [[Span]] = []
        for section in state.keyMap.helpSections() {
            if !lines.isEmpty { lines.append([]) }
            lines.append([Span(section.title, .heading)])
            for row in section.rows {
                var spans = [Span(DisplayWidth.pad(row.keys, to: 21), .key), Span(row.summary)]
                if let binding = row.binding, let reason = binding.unavailable(state) {
                    spans.append(Span("  (now: \(reason))", .dim))
                }
                lines.append(spans)
            }
        }
        return lines
    }

    private static func help(_ scroll: Int, _ state: AppState, _ canvas: inout Canvas) -> (x: Int, y: Int)? {
        let lines = helpLines(state)
        let rect = centred(width: 78, height: lines.count + 4, in: canvas.size)
        let inner = canvas.box(rect, title: "Caseboard keys")
        let height = max(1, inner.height - 1)
        let top = min(scroll, max(0, lines.count - height))
        for (slot, index) in (top..<min(lines.count, top + height)).enumerated() {
            canvas.spans(lines[index], x: inner.x, y: inner.y + slot, width: inner.width)
        }
        let more = lines.count > height ? "↑↓ scroll · " : ""
        let close = state.keyMap.keys(for: .closePanel, in: .help).prefix(2).map(\.displayName).joined(separator: " or ")
        canvas.textRight("\(more)\(close) closes", right: inner.maxX, y: inner.maxY - 1, .dim)
        return nil
    }

    private static func themePicker(_ selected: Int, _ state: AppState, _ canvas: inout Canvas) -> (x: Int, y: Int)? {
        let data = state.dataset
        let rect = centred(width: 62, height: data.themes.count + 5, in: canvas.size)
        let inner = canvas.box(rect, title: "Strategy theme")
        let current = state.filter.themes
        var rows: [(label: String, count: Int, chosen: Bool)] = [
            ("All themes", state.themeProjectTotal, current.isEmpty)
        ]
        for (index, theme) in data.themes.enumerated() {
            rows.append(
                (theme.name, state.themeStats.indices.contains(index) ? state.themeStats[index].projects : 0, current.contains(theme.id)))
        }
        var cursor: (x: Int, y: Int)?
        for (index, row) in rows.enumerated() {
            let y = inner.y + index
            guard y < inner.maxY - 1 else { break }
            let isSelected = index == selected
            if isSelected {
                canvas.fill(x: inner.x - 1, y: y, width: inner.width + 2, .plain, selected: true)
                cursor = (inner.x, y)
            }
            let mark = row.chosen ? (canvas.unicode ? "●" : "*") : " "
            canvas.text("\(index) \(mark) \(row.label)", x: inner.x, y: y, width: inner.width - 8, .plain, selected: isSelected)
            canvas.textRight(String(row.count), right: inner.maxX, y: y, .dim, selected: isSelected)
        }
        let keys = state.keyMap
        let hint = [
            keys.label(for: .choose, in: .themePicker).map { "\($0) chooses" },
            keys.label(for: .chooseTheme(0), in: .themePicker).flatMap { first in
                keys.label(for: .chooseTheme(rows.count - 1), in: .themePicker).map { "\(first)–\($0) jump" }
            },
            keys.label(for: .closePanel, in: .themePicker).map { "\($0) closes" },
        ].compactMap { $0 }.joined(separator: " · ")
        canvas.text(hint, x: inner.x, y: inner.maxY - 1, width: inner.width, .dim)
        return cursor
    }

    /// A labelled one-line text field; returns where the terminal cursor goes.
    static func field(_ field: TextField, label: String, x: Int, y: Int, width: Int, _ canvas: inout Canvas) -> (x: Int, y: Int) {
        let labelWidth = canvas.text(label, x: x, y: y, .label)
        let room = max(2, width - labelWidth)
        let shown = field.visible(width: room)
        canvas.fill(x: x + labelWidth, y: y, width: room, .input)
        canvas.text(shown.text, x: x + labelWidth, y: y, width: room, .input)
        return (x + labelWidth + shown.cursorColumn, y)
    }

    private static func statusPicker(_ picker: StatusPicker, _ state: AppState, _ canvas: inout Canvas) -> (x: Int, y: Int)? {
        let title = state.dataset.project(picker.project)?.title ?? picker.project
        let width = min(64, canvas.size.width - 2)
        // What changed and who changed it stays in view while a new choice is made (the footer clears).
        var notices: [(text: String, role: Role)] = []
        if let refusal = picker.refusal {
            notices += Wrap.lines(refusal, width: max(10, width - 4)).prefix(3).map { ($0, Role.warning) }
            if picker.selected == nil { notices.append(("Nothing is chosen for you: pick the new status with ↑ ↓.", .dim)) }
        }
        if let changed = picker.changedMeanwhile {
            // Said before Enter, not after: this choice was made on a status that is no longer there.
            notices.append(("Meanwhile " + changed + ".", .warning))
            notices.append(("Enter is refused and reopens this on the new status, note kept.", .warning))
        }
        if let confirmation = picker.confirmation { notices.append((confirmation, .heading)) }
        let rect = centred(width: 64, height: picker.options.count + 6 + (notices.isEmpty ? 0 : notices.count + 1), in: canvas.size)
        let inner = canvas.box(rect, title: "Change status")
        canvas.text(title, x: inner.x, y: inner.y, width: inner.width, .heading)
        var x = inner.x + canvas.text("Now ", x: inner.x, y: inner.y + 1, .dim)
        x += canvas.text(picker.from.label, x: x, y: inner.y + 1, .status(picker.from))
        canvas.text("; move to:", x: x, y: inner.y + 1, .dim)
        for (index, status) in picker.options.enumerated() {
            let y = inner.y + 2 + index
            let isSelected = index == picker.selected
            if isSelected { canvas.fill(x: inner.x, y: y, width: inner.width, .plain, selected: true) }
            canvas.text(isSelected ? (canvas.unicode ? "▶" : ">") : " ", x: inner.x + 1, y: y, .plain, selected: isSelected)
            canvas.text(status.label, x: inner.x + 3, y: y, width: inner.width - 4, .status(status), selected: isSelected)
        }
        let noteY = inner.y + 3 + picker.options.count
        for (index, notice) in notices.enumerated() where noteY + 2 + index < inner.maxY {
            canvas.text(notice.text, x: inner.x, y: noteY + 2 + index, width: inner.width, notice.role)
        }
        // At risk and paused need a reason; the note line takes it.
        let needsReason = picker.choice == .atRisk || picker.choice == .paused
        let label = needsReason ? "Reason (required) " : "Note (optional) "
        return field(picker.note, label: label, x: inner.x, y: noteY, width: inner.width, &canvas)
    }

    private static func noteEditor(_ project: String, _ text: TextField, _ state: AppState, _ canvas: inout Canvas) -> (x: Int, y: Int)? {
        let title = state.dataset.project(project)?.title ?? project
        let rect = centred(width: 72, height: 6, in: canvas.size)
        let inner = canvas.box(rect, title: "Add a note")
        canvas.text(title, x: inner.x, y: inner.y, width: inner.width, .heading)
        canvas.text(
            "Saved with your name (\(state.author)) and the time, for everyone to see.", x: inner.x, y: inner.y + 1, width: inner.width,
            .dim)
        return field(text, label: "Note ", x: inner.x, y: inner.y + 2, width: inner.width, &canvas)
    }
}
