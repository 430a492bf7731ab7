import TerminalKit

/// Key names for the config file: a character as itself (`q`, `Q`, `/`), `space`, named keys in lower case
/// (`down`, `pgdn`, `esc`, `enter`, `f1`), and `ctrl-` before a letter (`ctrl-q`).
extension Key {
    public static let namedKeys: [(name: String, key: Key)] = [
        ("up", .up), ("down", .down), ("left", .left), ("right", .right), ("pgup", .pageUp), ("pgdn", .pageDown),
        ("home", .home), ("end", .end), ("enter", .enter), ("esc", .escape), ("backspace", .backspace), ("delete", .delete),
        ("insert", .insert), ("tab", .tab), ("shift-tab", .backTab), ("space", .character(" ")),
    ]
    /// Other spellings people type.
    static let aliases: [String: Key] = [
        "pageup": .pageUp, "page_up": .pageUp, "pagedown": .pageDown, "page_down": .pageDown, "escape": .escape, "return": .enter,
        "del": .delete, "backtab": .backTab, "shift_tab": .backTab,
    ]

    /// The key a config file names, if any.
    public init?(configName name: String) {
        let lower = name.lowercased()
        if name.count == 1, let character = name.first, !character.isWhitespace, !character.isNewline,
            !character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        {
            self = .character(character)
        } else if let key = Self.namedKeys.first(where: { $0.name == lower })?.key ?? Self.aliases[lower] {
            self = key
        } else if lower.hasPrefix("ctrl-") || lower.hasPrefix("c-"), let letter = lower.split(separator: "-", maxSplits: 1).last,
            letter.count == 1, let character = letter.first, character.isASCII, character.isLetter || "\\[]^_".contains(character)
        {
            self = .control(character)
        } else if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...12).contains(number) {
            self = .function(number)
        } else {
            return nil
        }
    }

    /// How the config file writes this key.
    public var configName: String {
        switch self {
        case .character(" "): return "space"
        case .character(let character): return String(character)
        case .control(let letter): return "ctrl-\(letter)"
        case .function(let number): return "f\(number)"
        default: return Self.namedKeys.first { $0.key == self }?.name ?? displayName
        }
    }
}
