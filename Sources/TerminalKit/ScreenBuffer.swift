/// A grid of cells that a frame is rendered into; backends turn it into terminal output.
///
/// Invariants kept by every mutating method: text is sanitised, nothing is written outside the buffer, and
/// a wide character always has its continuation cell right after it (never half a wide character).
public struct ScreenBuffer: Equatable, Sendable {
    public private(set) var size: Size
    private var cells: [Cell]

    public init(size: Size) {
        let clamped = Size(width: max(0, size.width), height: max(0, size.height))
        self.size = clamped
        self.cells = Array(repeating: .blank, count: clamped.width * clamped.height)
    }

    /// The whole buffer as a rectangle.
    public var bounds: Rect { Rect(size: size) }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size.width && y < size.height
    }

    /// The cell at a position; a blank cell outside the buffer, so probing past the edge is harmless.
    public subscript(x: Int, y: Int) -> Cell {
        guard contains(x: x, y: y) else { return .blank }
        return cells[y * size.width + x]
    }

    /// Resets every cell to a space in `style`.
    public mutating func clear(style: Style = .plain) {
        let cell = Cell(style: style)
        for index in cells.indices { cells[index] = cell }
    }

    // MARK: - Writing

    /// Writes `text` starting at column `x` of row `y` and returns the number of columns written.
    ///
    /// The text is sanitised first. It is clipped to the buffer's right edge and to `maxWidth`; when
    /// anything is cut the visible part ends with "…". A wide character that does not fit is never split.
    /// Zero-width characters on their own (e.g. a stray combining mark) are dropped.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(maxWidth ?? Int.max, size.width - x)
        guard limit > 0 else { return 0 }
        let visible = DisplayWidth.truncate(Sanitizer.clean(text), to: limit)

        var column = x
        var written = 0
        for character in visible {
            let width = DisplayWidth.of(character)
            guard width > 0 else { continue }
            if column >= 0 {
                setCharacter(character, width: width, x: column, y: y, style: style)
                written += width
            } else if column + width > 0 {
                // A wide character straddling the left edge: show the part that is on screen as blank.
                setCharacter(" ", width: 1, x: 0, y: y, style: style)
                written += 1
            }
            column += width
        }
        return written
    }

    /// Fills a rectangle (clipped to the buffer) with one character. A wide fill character is laid down in
    /// pairs, with a space in a leftover odd column; control or zero-width characters fill with spaces.
    public mutating func fill(_ rect: Rect, character: Character = " ", style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let cleaned = Sanitizer.clean(String(character))
        var fillCharacter: Character = cleaned.count == 1 ? cleaned.first! : " "
        var width = DisplayWidth.of(fillCharacter)
        if width == 0 {
            fillCharacter = " "
            width = 1
        }
        for row in area.rows {
            var column = area.x
            while column < area.maxX {
                if column + width <= area.maxX {
                    setCharacter(fillCharacter, width: width, x: column, y: row, style: style)
                    column += width
                } else {
                    setCharacter(" ", width: 1, x: column, y: row, style: style)
                    column += 1
                }
            }
        }
    }

    /// Changes the style of every cell in a rectangle (clipped to the buffer) without touching the text.
    public mutating func style(_ rect: Rect, with style: Style) {
        let area = rect.intersection(bounds)
        for row in area.rows {
            for column in area.columns {
                cells[row * size.width + column].style = style
            }
        }
    }

    /// Places one character of the given display width, first blanking any wide character it cuts in half.
    private mutating func setCharacter(_ character: Character, width: Int, x: Int, y: Int, style: Style) {
        var character = character
        var width = width
        if width == 2 && x + 1 >= size.width {
            character = " "  // no room for the right half
            width = 1
        }
        let rowStart = y * size.width
        let start = rowStart + x
        let end = start + width  // one past the last cell written
        // A continuation cell being overwritten orphans the left half of its wide character.
        if cells[start].isContinuation && x > 0 {
            cells[start - 1] = Cell(style: cells[start - 1].style)
        }
        // A wide character whose left half is overwritten leaves an orphan continuation on the right.
        if end < rowStart + size.width && cells[end].isContinuation {
            cells[end] = Cell(style: cells[end].style)
        }
        cells[start] = Cell(character: character, style: style)
        if width == 2 {
            cells[start + 1] = .continuation(style: style)
        }
    }

    // MARK: - Reading

    /// The text of every row, continuation cells skipped and trailing spaces trimmed.
    public func text() -> [String] {
        (0..<size.height).map { text(row: $0) }
    }

    /// The text of one row, continuation cells skipped and trailing spaces trimmed.
    public func text(row y: Int) -> String {
        guard y >= 0, y < size.height else { return "" }
        var line = ""
        let start = y * size.width
        for cell in cells[start..<start + size.width] where !cell.isContinuation {
            line.append(cell.character)
        }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// One line per run of identically styled, non-plain cells, in row then column order, e.g.
    /// `row 3 col 0-79: reverse` or `row 5 col 12-19: fg=red bold` (columns inclusive, 0-based).
    /// Meant for golden files that keep styles apart from text.
    public func styleRuns() -> [String] {
        var lines: [String] = []
        for y in 0..<size.height {
            let start = y * size.width
            var x = 0
            while x < size.width {
                let style = cells[start + x].style
                var end = x
                while end + 1 < size.width && cells[start + end + 1].style == style { end += 1 }
                if !style.isPlain {
                    lines.append("row \(y) col \(x)-\(end): \(style.summary)")
                }
                x = end + 1
            }
        }
        return lines
    }

    // MARK: - Diffing

    /// Rows whose cells differ from `previous` (every row when the sizes differ).
    public func changedRows(from previous: ScreenBuffer) -> [Int] {
        guard previous.size == size else { return Array(0..<size.height) }
        return (0..<size.height).filter { y in
            let start = y * size.width
            return cells[start..<start + size.width] != previous.cells[start..<start + size.width]
        }
    }

    /// Runs of cells that differ from `previous`, widened so a wide character is always redrawn whole
    /// (its lead cell and its continuation). Whole rows when the sizes differ.
    public func changedRuns(from previous: ScreenBuffer) -> [CellRun] {
        guard previous.size == size else {
            return size.width == 0 ? [] : (0..<size.height).map { CellRun(y: $0, x: 0, width: size.width) }
        }
        var runs: [CellRun] = []
        for y in 0..<size.height {
            let start = y * size.width
            var x = 0
            while x < size.width {
                guard cells[start + x] != previous.cells[start + x] else {
                    x += 1
                    continue
                }
                var runStart = x
                var runEnd = x + 1
                while runEnd < size.width && cells[start + runEnd] != previous.cells[start + runEnd] { runEnd += 1 }
                if cells[start + runStart].isContinuation && runStart > 0 { runStart -= 1 }
                if runEnd < size.width && cells[start + runEnd].isContinuation { runEnd += 1 }
                if let last = runs.last, last.y == y, last.maxX >= runStart {
                    runs[runs.count - 1].width = runEnd - last.x
                } else {
                    runs.append(CellRun(y: y, x: runStart, width: runEnd - runStart))
                }
                x = runEnd
            }
        }
        return runs
    }

    /// How many cells differ from `previous` (every cell when the sizes differ).
    public func changedCellCount(from previous: ScreenBuffer) -> Int {
        guard previous.size == size else { return cells.count }
        var count = 0
        for index in cells.indices where cells[index] != previous.cells[index] { count += 1 }
        return count
    }
}
