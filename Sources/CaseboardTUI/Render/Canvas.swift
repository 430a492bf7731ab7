import TerminalKit

/// A screen buffer plus the palette: draws text by role, so views never pick raw styles.
struct Canvas {
    var buffer: ScreenBuffer
    let palette: Palette
    let unicode: Bool

    init(size: Size, palette: Palette, unicode: Bool) {
        buffer = ScreenBuffer(size: size)
        self.palette = palette
        self.unicode = unicode
    }

    var size: Size { buffer.size }

    /// Writes text in a role's style; returns the columns written.
    @discardableResult
    mutating func text(_ text: String, x: Int, y: Int, width: Int? = nil, _ role: Role = .plain, selected: Bool = false) -> Int {
        buffer.put(text, x: x, y: y, maxWidth: width, style: style(role, selected: selected))
    }

    /// Writes spans one after another within `width` columns; returns the columns written.
    @discardableResult
    mutating func spans(_ spans: [Span], x: Int, y: Int, width: Int, selected: Bool = false) -> Int {
        var column = x
        for span in spans {
            let room = x + width - column
            guard room > 0 else { break }
            column += text(span.text, x: column, y: y, width: room, span.role, selected: selected)
        }
        return column - x
    }

    /// Paints a row segment in a role's style (the background of a selected row, a bar).
    mutating func fill(x: Int, y: Int, width: Int, _ role: Role, selected: Bool = false) {
        buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: style(role, selected: selected))
    }

    mutating func fill(_ rect: Rect, _ role: Role) {
        buffer.fill(rect, style: style(role))
    }

    /// Text right-aligned so it ends at column `right` (exclusive).
    @discardableResult
    mutating func textRight(_ text: String, right: Int, y: Int, _ role: Role = .plain, selected: Bool = false) -> Int {
        let width = DisplayWidth.of(text)
        return self.text(text, x: max(0, right - width), y: y, width: width, role, selected: selected)
    }

    /// A selected row reads as one bar: its reverse video replaces each cell's dim and colours (a dim or
    /// coloured cell would otherwise keep its own background inside the bar); bold and underline stay.
    func style(_ role: Role, selected: Bool = false) -> Style {
        let base = palette.style(role)
        return selected ? Style(bold: base.bold, reverse: true, underline: base.underline) : base
    }

    /// Draws a bordered box and clears its inside; returns the inner rectangle.
    mutating func box(_ rect: Rect, title: String) -> Rect {
        let glyphs = unicode ? ("┌", "┐", "└", "┘", "─", "│") : ("+", "+", "+", "+", "-", "|")
        buffer.fill(rect, style: .plain)
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let border = palette.style(.border)
        let horizontal = String(repeating: glyphs.4, count: rect.width - 2)
        buffer.put(glyphs.0 + horizontal + glyphs.1, x: rect.x, y: rect.y, style: border)
        buffer.put(glyphs.2 + horizontal + glyphs.3, x: rect.x, y: rect.maxY - 1, style: border)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            buffer.put(glyphs.5, x: rect.x, y: row, style: border)
            buffer.put(glyphs.5, x: rect.maxX - 1, y: row, style: border)
        }
        if !title.isEmpty {
            text(" \(title) ", x: rect.x + 2, y: rect.y, width: rect.width - 4, .heading)
        }
        return rect.inset(top: 1, left: 2, bottom: 1, right: 2)
    }

    /// A horizontal rule across `width` columns.
    mutating func rule(x: Int, y: Int, width: Int) {
        text(String(repeating: unicode ? "─" : "-", count: max(0, width)), x: x, y: y, width: width, .border)
    }

    /// A bar `numerator / denominator` of `width` columns (see `Bar`); returns the columns drawn.
    @discardableResult
    mutating func bar(
        x: Int, y: Int, width: Int, numerator: Int64, denominator: Int64, _ role: Role, selected: Bool = false
    ) -> Int {
        let bar = Bar.text(numerator, of: denominator, width: width, unicode: unicode)
        guard !bar.isEmpty else { return 0 }
        return text(bar, x: x, y: y, width: width, role, selected: selected)
    }
}
