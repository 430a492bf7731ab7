import CaseboardKit
import TerminalKit

/// The record form: the id, then one line per field (label, value, and beside it a problem or the canonical
/// date or amount); below, why a save was refused and the focused field's note in full.
enum RecordFormView {
    static let labelWidth = 22

    static func draw(_ form: RecordForm, _ state: AppState, _ canvas: inout Canvas) -> (x: Int, y: Int)? {
        let data = state.dataset
        let width = min(100, canvas.size.width - 2)
        let bottom = bottomLines(form, state, width: width - 4)
        let rect = Overlays.centred(width: width, height: form.fields.count + bottom.count + 4, in: canvas.size)
        let title = form.isAdding ? "New \(form.kind.label)" : "Correct \(form.kind.label)"
        let inner = canvas.box(rect, title: title)
        var x = inner.x + canvas.text(DisplayWidth.pad("Id", to: labelWidth), x: inner.x, y: inner.y, .label)
        let id = form.previewID(in: data)
        x += canvas.text(id, x: x, y: inner.y, width: inner.maxX - x, .dim)
        if form.isAdding {
            let source = form.kind == .allocation ? "stream/project/year" : form.kind == .project ? "the title" : "the name"
            canvas.text(id.isEmpty ? "made from \(source)" : "  (from \(source))", x: x, y: inner.y, width: inner.maxX - x, .dim)
        }
        let rows = max(1, inner.height - 2 - bottom.count)
        let top = max(0, min(form.focus - rows / 2, form.fields.count - rows))
        var cursor: (x: Int, y: Int)?
        for (slot, index) in (top..<min(form.fields.count, top + rows)).enumerated() {
            let y = inner.y + 1 + slot
            if let at = fieldRow(form, index, state, &canvas, x: inner.x, y: y, width: inner.width) { cursor = at }
        }
        if top > 0 { canvas.textRight(canvas.unicode ? "↑" : "^", right: inner.maxX, y: inner.y + 1, .dim) }
        if top + rows < form.fields.count { canvas.textRight(canvas.unicode ? "↓" : "v", right: inner.maxX, y: inner.y + rows, .dim) }
        for (index, line) in bottom.enumerated() {
            canvas.text(line.text, x: inner.x, y: inner.maxY - bottom.count + index, width: inner.width, line.role)
        }
        if let picker = form.picker { return drawPicker(picker, form, state, &canvas) }
        return form.confirmingDiscard ? nil : cursor
    }

    /// One field's line; returns where the cursor goes when it is the focused one.
    private static func fieldRow(
        _ form: RecordForm, _ index: Int, _ state: AppState, _ canvas: inout Canvas, x: Int, y: Int, width: Int
    ) -> (x: Int, y: Int)? {
        let field = form.fields[index]
        let focused = index == form.focus
        let label = field.spec.label + (field.spec.required && field.locked == nil ? " *" : "")
        canvas.text(DisplayWidth.pad(label, to: labelWidth - 1), x: x, y: y, width: labelWidth - 1, .label, selected: focused)
        let valueX = x + labelWidth
        let room = width - labelWidth
        let note = self.note(field, form, state)
        // The value has the line to itself unless something is said beside it.
        let valueWidth = note == nil ? room : max(12, room * 3 / 5)
        if focused && field.locked == nil { canvas.fill(x: valueX, y: y, width: valueWidth, .input) }
        var cursor: (x: Int, y: Int)?
        if field.isPicked || field.locked != nil {
            let shown = field.isPicked ? pickedText(field, state.dataset) : field.text.text
            let role: Role = field.locked != nil || shown.isEmpty ? .dim : (focused ? .input : .plain)
            canvas.text(shown.isEmpty ? "(none)" : DisplayWidth.truncate(shown, to: valueWidth), x: valueX, y: y, width: valueWidth, role)
            if focused { cursor = (valueX, y) }
        } else if focused {
            let visible = field.text.visible(width: valueWidth)
            canvas.text(visible.text, x: valueX, y: y, width: valueWidth, .input)
            cursor = (valueX + visible.cursorColumn, y)
        } else {
            canvas.text(DisplayWidth.truncate(field.text.text, to: valueWidth), x: valueX, y: y, width: valueWidth, .plain)
        }
        if let note {
            let noteX = valueX + valueWidth + 1
            canvas.text(
                DisplayWidth.truncate(note.text, to: max(0, x + width - noteX)), x: noteX, y: y, width: x + width - noteX, note.role)
        }
        return cursor
    }

    /// What goes beside a field: what is wrong (once typed in, or after a save was tried), what someone else
    /// saved meanwhile, the canonical date or amount, or why it cannot be changed here.
    static func note(_ field: FormField, _ form: RecordForm, _ state: AppState) -> (text: String, role: Role)? {
        if let locked = field.locked { return (locked, .dim) }
        if let problem = field.problem(in: state.dataset), field.touched || form.triedToSave { return (problem, .warning) }
        if let meanwhile = field.meanwhile { return (meanwhile, .warning) }
        if !field.isPicked, case .success(let value) = field.value(in: state.dataset),
            let canonical = FieldText.canonical(value, field.spec.type, style: state.dateStyle), canonical != field.text.text
        {
            return ((state.unicode ? "✓ " : "= ") + canonical, .success)
        }
        return nil
    }

    private static func pickedText(_ field: FormField, _ data: Dataset) -> String {
        field.picked.map { PickerOption.label($0, field.spec.type, data) }.joined(separator: ", ")
    }

    /// Below the fields: the refusal, the focused field's note whole (the line beside it may be cut), and
    /// the discard question.
    private static func bottomLines(_ form: RecordForm, _ state: AppState, width: Int) -> [(text: String, role: Role)] {
        var lines: [(text: String, role: Role)] = []
        if let refusal = form.refusal {
            lines += Wrap.lines(refusal, width: max(10, width)).prefix(3).map { ($0, Role.warning) }
            if !form.isAdding, let reload = state.keyMap.label(for: .reloadRecord, in: .recordForm) {
                lines.append(("Typing kept. \(reload): reload the saved values, keeping your changes.", .dim))
            }
        }
        if form.confirmingDiscard {
            lines.append(("Discard changes? y/n", .warning))
        } else if form.fields.indices.contains(form.focus) {
            let field = form.fields[form.focus]
            if let note = note(field, form, state), note.role != .success {
                lines += Wrap.lines("\(field.spec.label): \(note.text)", width: max(10, width)).prefix(2).map { ($0, note.role) }
            } else {
                lines.append((help(field), .dim))
            }
        }
        return lines
    }

    /// How to fill in the focused field.
    private static func help(_ field: FormField) -> String {
        if PickerOption.isMulti(field.spec.type) { return "Space opens the list: type to narrow, Space ticks, Enter picks" }
        if field.isPicked { return "Space opens the list (or type a letter): type to narrow, Enter picks" }
        switch field.spec.type {
        case .date: return "A date: 31/03/2022, 31 March 2022 or 2022-03-31"
        case .money: return "Pounds and pence: 1121395, £1,121,395 or 1121395.50"
        case .quarters: return "Four amounts, April–June first, separated by ;"
        case .years: return "Financial years separated by ;  2021/22; 2022/23"
        case .year: return "A financial year: 2021/22"
        case .tags: return "Words separated by ;"
        case .longText: return "Up to \(Money.grouped(UInt64(FieldInput.maxLongText))) characters; the line scrolls as you type"
        default: return field.spec.required ? "Required" : "Optional"
        }
    }

    /// The list a picked field opened, over the form: the narrowing line, then the matches.
    private static func drawPicker(_ picker: FieldPicker, _ form: RecordForm, _ state: AppState, _ canvas: inout Canvas)
        -> (x: Int, y: Int)?
    {
        let matches = picker.matches
        let rect = Overlays.centred(width: 64, height: min(matches.count, 12) + 4, in: canvas.size)
        let inner = canvas.box(rect, title: form.fields[picker.field].spec.label)
        let rows = max(1, inner.height - 2)
        let top = max(0, min(picker.selected - rows / 2, matches.count - rows))
        for (slot, index) in (top..<min(matches.count, top + rows)).enumerated() {
            let y = inner.y + 1 + slot
            let option = matches[index]
            let selected = index == picker.selected
            if selected { canvas.fill(x: inner.x, y: y, width: inner.width, .plain, selected: true) }
            let ticked = picker.ticked.contains(option.id)
            let mark = picker.multi ? (ticked ? "[x] " : "[ ] ") : (ticked ? (canvas.unicode ? "● " : "* ") : "  ")
            canvas.text(mark + option.label, x: inner.x, y: y, width: inner.width, .plain, selected: selected)
        }
        let count = matches.count == picker.options.count ? "\(matches.count)" : "\(matches.count) of \(picker.options.count)"
        let ticked = picker.multi ? " · \(picker.ticked.count) ticked" : ""
        // A short list's box has one row for both: the message wins, the count line is left out.
        if matches.isEmpty {
            canvas.text("Nothing matches; Backspace widens the list", x: inner.x, y: inner.y + 1, width: inner.width, .dim)
        }
        if !matches.isEmpty || inner.maxY - 1 > inner.y + 1 {
            canvas.text(count + ticked, x: inner.x, y: inner.maxY - 1, width: inner.width, .dim)
        }
        return Overlays.field(picker.query, label: "Narrow: ", x: inner.x, y: inner.y, width: inner.width, &canvas)
    }

    /// "Add: p Project · c Contact at Leeds City Council".
    static func chooser(_ chooser: RecordChooser, _ state: AppState, _ canvas: inout Canvas) -> (x: Int, y: Int)? {
        let rect = Overlays.centred(width: 60, height: chooser.choices.count + 4, in: canvas.size)
        let inner = canvas.box(rect, title: chooser.title)
        for (index, choice) in chooser.choices.enumerated() {
            let x = inner.x + canvas.text(String(choice.letter), x: inner.x, y: inner.y + index, .key)
            canvas.text("  " + choice.label, x: x, y: inner.y + index, width: inner.maxX - x)
        }
        let close = state.keyMap.label(for: .closePanel, in: .recordChooser) ?? "Esc"
        canvas.text("A letter chooses; \(close) closes", x: inner.x, y: inner.maxY - 1, width: inner.width, .dim)
        return nil
    }

    /// "Retire partner Leeds City Council? y/n", or why it could not be.
    static func retire(_ question: RetireQuestion, _ state: AppState, _ canvas: inout Canvas) -> (x: Int, y: Int)? {
        let width = min(72, canvas.size.width - 2)
        var lines: [(text: String, role: Role)] = [
            (question.name, .heading), ("It leaves the lists; its history stays, and undo (u) brings it back.", .dim),
        ]
        if let refusal = question.refusal {
            lines += Wrap.lines(refusal, width: width - 4).prefix(6).map { ($0, Role.warning) }
        } else {
            lines.append(("Retire this \(question.kind.label)? y/n", .warning))
        }
        let inner = canvas.box(
            Overlays.centred(width: width, height: lines.count + 2, in: canvas.size), title: "Retire \(question.kind.label)")
        for (index, line) in lines.enumerated() {
            canvas.text(line.text, x: inner.x, y: inner.y + index, width: inner.width, line.role)
        }
        return nil
    }
}
