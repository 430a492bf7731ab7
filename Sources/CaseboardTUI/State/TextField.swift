import TerminalKit

/// A one-line text field with a cursor: arrows, Home/End, Ctrl-A/E, Backspace/Delete, Ctrl-U/K/W, paste.
///
/// Every keystroke costs work in proportion to the visible width, not the length: the text is kept as
/// characters with the cursor as an index, `visible(width:)` measures only what fits around the cursor, and
/// the length is capped (a 100,000-character paste keeps the first `limit` characters).
public struct TextField: Equatable, Sendable {
    /// What a note may hold: the store refuses longer notes (DataStore.cleanNote).
    public static let noteLimit = 2_000
    /// Longer searches match nothing useful and cost a scan of every project per keystroke.
    public static let searchLimit = 200

    public private(set) var characters: [Character] = []
    /// Index of the character the cursor is before (0…count).
    public private(set) var cursor = 0
    /// The most characters the field holds.
    public let limit: Int

    /// What a key did to the field.
    public enum Edit: Equatable, Sendable {
        /// Not an editing key (Enter, Esc, up/down…): the caller decides.
        case ignored
        case edited
        /// Some of the typed or pasted text did not fit under `limit` and was left out.
        case cut
    }

    public init(_ text: String = "", limit: Int = TextField.noteLimit) {
        self.limit = max(0, limit)
        characters = Array(Self.clean(text, room: self.limit).characters)
        cursor = characters.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    /// Applies a key as the standard key map means it: printable text is typed, editing keys edit.
    public mutating func handle(_ key: Key) -> Edit {
        if let command = KeyMap.standard.binding(for: key, in: [.textField])?.command { return edit(command) }
        return type(key)
    }

    /// Types a printable character or a paste at the cursor; any other key is ignored.
    public mutating func type(_ key: Key) -> Edit {
        switch key {
        case .character(let character): return insert(String(character))
        case .paste(let text): return insert(text)
        default: return .ignored
        }
    }

    /// Applies an editing command (the keys for them are in the key map's text-field scope).
    public mutating func edit(_ command: Command) -> Edit {
        switch command {
        case .cursorLeft:
            cursor = max(0, cursor - 1)
        case .cursorRight:
            cursor = min(characters.count, cursor + 1)
        case .cursorToStart:
            cursor = 0
        case .cursorToEnd:
            cursor = characters.count
        case .deleteBackward:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .deleteForward:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .deleteToStart:
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .deleteToEnd:
            characters.removeSubrange(cursor...)
        case .deleteWord:
            var start = cursor
            while start > 0 && characters[start - 1] == " " { start -= 1 }
            while start > 0 && characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return .ignored
        }
        return .edited
    }

    private mutating func insert(_ text: String) -> Edit {
        let room = limit - characters.count
        let (clean, cut) = Self.clean(text, room: room)
        if !clean.isEmpty {
            characters.insert(contentsOf: clean, at: cursor)
            cursor += clean.count
        }
        return cut ? .cut : .edited
    }

    /// The first `room` characters of `text` fit for one line: line breaks and tabs become a space (Enter
    /// means "save", so a pasted line break must not), other control characters are dropped so typing can
    /// never drive the terminal. Stops reading once the room is full.
    static func clean(_ text: String, room: Int) -> (characters: [Character], cut: Bool) {
        var out: [Character] = []
        for character in text {
            let replacement: Character?
            if character.isNewline || character == "\t" {
                replacement = " "
            } else if character.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                replacement = nil
            } else {
                replacement = character
            }
            guard let replacement else { continue }
            if out.count >= room { return (out, true) }
            out.append(replacement)
        }
        return (out, false)
    }

    /// The part of the text to show in `width` columns so the cursor stays visible, and the cursor's column
    /// within it. Measures only the characters that can be on screen: walks back from the cursor until the
    /// columns before it are full, then forward until the row is.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        var start = cursor
        var before = 0
        // Leave a column for the cursor itself.
        while start > 0 {
            let columns = DisplayWidth.of(characters[start - 1])
            if before + columns > width - 1 { break }
            before += columns
            start -= 1
        }
        var shown = ""
        var used = 0
        var index = start
        while index < characters.count {
            let columns = DisplayWidth.of(characters[index])
            if used + columns > width { break }
            shown.append(characters[index])
            used += columns
            index += 1
        }
        return (shown, before)
    }
}
