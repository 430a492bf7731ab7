import CaseboardKit
import TerminalKit

/// The `f` panel, docked so the results stay in view while filtering: beside the list on wide terminals,
/// below it on narrow ones. Each option shows its letter in brackets, `[r] at risk`.
enum FilterPanelView {
    /// From this width the panel sits beside the list; narrower, below it.
    static let besideFrom = 100
    static let besideWidth = 30

    static func isBeside(_ size: Size) -> Bool { size.width >= besideFrom }

    /// Rows the panel takes when below the list: the longest section, its title, the hint and the border.
    static func belowHeight(_ state: AppState) -> Int { (FilterPanel.sections(state).map(\.options.count).max() ?? 0) + 4 }

    /// The size left for the screen under the panel (the header and footer keep their places).
    static func remainingSize(_ size: Size, _ state: AppState) -> Size {
        isBeside(size)
            ? Size(width: size.width - besideWidth, height: size.height)
            : Size(width: size.width, height: max(Layout.headerRows + 2, size.height - belowHeight(state)))
    }

    static func rect(_ size: Size, _ state: AppState) -> Rect {
        let contentHeight = Layout.contentHeight(size)
        if isBeside(size) {
            // Each section, its title and a blank line, then the hint and the border.
            let needed = FilterPanel.sections(state).reduce(0) { $0 + $1.options.count + 2 } + 2
            return Rect(x: size.width - besideWidth, y: Layout.headerRows, width: besideWidth, height: min(needed, contentHeight))
        }
        let height = min(belowHeight(state), contentHeight)
        return Rect(x: 0, y: Layout.headerRows + contentHeight - height, width: size.width, height: height)
    }

    /// Draws the panel; returns where the terminal cursor goes (on the highlighted option).
    static func draw(_ selected: Int, _ state: AppState, _ canvas: inout Canvas) -> (x: Int, y: Int)? {
        let sections = FilterPanel.sections(state)
        let starts = FilterPanel.sectionStarts(sections)
        let inner = canvas.box(rect(canvas.size, state), title: "Filter: press a letter")
        var cursor: (x: Int, y: Int)?
        let beside = isBeside(canvas.size)
        let columnWidth = beside ? inner.width : inner.width / max(1, sections.count)
        var y = inner.y
        for (number, section) in sections.enumerated() {
            let x = beside ? inner.x : inner.x + number * columnWidth
            if !beside { y = inner.y }
            guard y < inner.maxY - 1 else { break }
            canvas.text(section.title, x: x, y: y, .label)
            y += 1
            for (offset, option) in section.options.enumerated() {
                guard y < inner.maxY - 1 else { break }
                let index = starts[number] + offset
                let isSelected = index == selected
                if isSelected {
                    canvas.fill(x: x, y: y, width: columnWidth - 1, .plain, selected: true)
                    cursor = (x + 3, y)
                }
                drawOption(option, on: option.isOn(state.filter), x: x, y: y, width: columnWidth - 1, selected: isSelected, &canvas)
                y += 1
            }
            if beside { y += 1 }
        }
        // Named as the key map binds them, so remapped panel keys show as remapped.
        let keys = state.keyMap
        var parts = [(Command.clearPanel, "clears"), (.closePanel, "closes")].compactMap { command, verb in
            keys.label(for: command, in: .filterPanel).map { "\($0) \(verb)" }
        }
        if !beside { parts.insert("letter" + (keys.label(for: .choose, in: .filterPanel).map { " or \($0)" } ?? "") + " ticks", at: 0) }
        let hint = parts.joined(separator: " · ")
        canvas.text(hint, x: inner.x, y: inner.maxY - 1, width: inner.width, .dim)
        return cursor
    }

    /// "✓ [r] at risk": the tick, the letter in brackets (bold, so it reads as the key), the label.
    private static func drawOption(
        _ option: FilterOption, on: Bool, x: Int, y: Int, width: Int, selected: Bool, _ canvas: inout Canvas
    ) {
        var column = x
        let tick = on ? (canvas.unicode ? "✓" : "x") : " "
        column += canvas.text(tick + " ", x: column, y: y, .bold, selected: selected)
        column += canvas.text("[", x: column, y: y, .plain, selected: selected)
        column += canvas.text(String(option.letter), x: column, y: y, .key, selected: selected)
        column += canvas.text("] ", x: column, y: y, .plain, selected: selected)
        canvas.text(option.label, x: column, y: y, width: max(0, x + width - column), option.role, selected: selected)
    }
}
