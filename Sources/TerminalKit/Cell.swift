/// One terminal cell. A wide character occupies its own cell plus the next one, which is marked as a
/// continuation (its character is a space and is never drawn).
public struct Cell: Equatable, Hashable, Sendable {
    public var character: Character
    public var style: Style
    public var isContinuation: Bool

    public init(character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    /// A space in the default style.
    public static let blank = Cell()

    /// The right half of a wide character drawn in `style`.
    public static func continuation(style: Style) -> Cell {
        Cell(character: " ", style: style, isContinuation: true)
    }
}

/// A horizontal run of cells on one row, used to describe what changed between two frames.
public struct CellRun: Equatable, Hashable, Sendable {
    public var y: Int
    public var x: Int
    public var width: Int

    public init(y: Int, x: Int, width: Int) {
        self.y = y
        self.x = x
        self.width = width
    }

    /// One past the last column of the run.
    public var maxX: Int { x + width }
}
