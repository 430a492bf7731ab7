import TerminalKit

/// A one-line text field with a cursor: arrows, Home/End, Ctrl-A/E, Backspace/Delete, Ctrl-U/K/W, paste.
public struct TextField: Equatable, Sendable {
    public private(set) var characters: [Character] = []
    /// Index of the character the cursor is before (0…count).
    public private(set) var cursor = 0

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Applies an editing key; false when the key is not an editing key (Enter, Esc, Tab, arrows up/down…).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            insert([character])
        case .paste(let text):
            // A pasted line break becomes a space: the field is one line and Enter means "save".
            insert(Array(text.map { $0.isNewline ? " " : $0 }))
        case .left, .control("b"):
            cursor = max(0, cursor - 1)
        case .right, .control("f"):
            cursor = min(characters.count, cursor + 1)
        case .home, .control("a"):
            cursor = 0
        case .end, .control("e"):
            cursor = characters.count
        case .backspace, .control("h"):
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete, .control("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .control("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .control("k"):
            characters.removeSubrange(cursor...)
        case .control("w"):
            var start = cursor
            while start > 0 && characters[start - 1] == " " { start -= 1 }
            while start > 0 && characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        return true
    }

    private mutating func insert(_ new: [Character]) {
        let clean = new.filter { !($0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) }
        characters.insert(contentsOf: clean, at: cursor)
        cursor += clean.count
    }

    /// The part of the text to show in `width` columns so the cursor stays visible, and the cursor's column
    /// within it.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        var start = 0
        // Scroll so that the text before the cursor fits, leaving a column for the cursor itself.
        while DisplayWidth.of(String(characters[start..<cursor])) > width - 1 { start += 1 }
        var shown = ""
        var used = 0
        for character in characters[start...] {
            let columns = DisplayWidth.of(character)
            if used + columns > width { break }
            shown.append(character)
            used += columns
        }
        return (shown, DisplayWidth.of(String(characters[start..<cursor])))
    }
}
