/// A mouse event; coordinates are 0-based cells.
public struct MouseEvent: Equatable, Hashable, Sendable {
    public enum Kind: Equatable, Hashable, Sendable {
        case press, wheelUp, wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// One input event from the terminal.
public enum Key: Equatable, Hashable, Sendable {
    /// A printable character (including space).
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, insert, tab, backTab
    /// F1 is `.function(1)`.
    case function(Int)
    /// A control combination, as a lower-case letter: Ctrl-C is `.control("c")`.
    case control(Character)
    /// The terminal changed size; read the backend's `size`.
    case resize
    case mouse(MouseEvent)
    /// Bracketed paste, when a backend supports it.
    case paste(String)

    /// A short label for help screens and hint bars: "↑", "PgDn", "Enter", "Esc", "Ctrl-L", "Shift-Tab",
    /// "F1", "q", "Space".
    public var displayName: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .function(let number): return "F\(number)"
        case .control(let letter): return "Ctrl-" + String(letter).uppercased()
        case .resize: return "Resize"
        case .mouse: return "Mouse"
        case .paste: return "Paste"
        }
    }

    /// Keys for each character of `text`, handy for typing into prompts in tests.
    public static func typing(_ text: String) -> [Key] {
        text.map { .character($0) }
    }
}
