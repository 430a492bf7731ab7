import CaseboardKit
import TerminalKit

/// The filter panel's Dates section: end-date choices on the left, "started in" years on the right, one
/// choice at a time (a round mark, unlike the tick boxes above).
enum FilterDates {
    /// Draws the section from row `top`; `selected` is within the section (negative when elsewhere).
    /// Returns where the terminal cursor goes when a date choice is selected.
    static func draw(_ selected: Int, _ state: AppState, _ canvas: inout Canvas, top: Int, inner: Rect) -> (x: Int, y: Int)? {
        let half = inner.width / 2
        canvas.text("Ends", x: inner.x, y: top, .label)
        canvas.text("Started in (FY)", x: inner.x + half, y: top, width: inner.width - half, .label)
        let ends = DateChoices.endChoices(state)
        let starts = DateChoices.startChoices(state)
        var cursor: (x: Int, y: Int)?
        let on = canvas.unicode ? "(•)" : "(*)"
        for (index, choice) in (ends + starts).enumerated() {
            let left = index < ends.count
            let y = top + 1 + (left ? index : index - ends.count)
            guard y < inner.maxY - 1 else { continue }
            let x = left ? inner.x : inner.x + half
            let isSelected = index == selected
            if isSelected { cursor = (x + 1, y) }
            let mark = state.filter.dates == choice.filter ? on : "( )"
            let label = choice.short
            canvas.text(mark + " " + label, x: x, y: y, width: left ? half - 1 : inner.width - half, .plain, selected: isSelected)
        }
        return cursor
    }
}
