/// Turns what a terminal sends into keys: escape sequences become one key or nothing, a bracketed paste
/// becomes one `.paste`, never a run of keystrokes that could act as commands.
///
/// Input is Unicode scalars (ncurses has already decoded UTF-8). The decoder knows nothing of time: the
/// backend waits a short while when `isMidSequence` and calls `timedOut()` when nothing more came, which
/// turns a lone ESC into Escape. Sequences it does not know are dropped whole, so `ESC [ 4 ~` can never
/// arrive as Escape, "[", "4", "~".
public struct InputDecoder: Sendable {
    /// A paste longer than this keeps only its first `pasteLimit` scalars (the rest is read and dropped).
    public let pasteLimit: Int
    /// A control sequence longer than this is not one a keyboard sends; the rest of it is dropped.
    static let sequenceLimit = 32
    /// What ends a bracketed paste: ESC [ 2 0 1 ~.
    static let pasteEnd: [Unicode.Scalar] = ["\u{1B}", "[", "2", "0", "1", "~"]

    private enum Phase: Equatable, Sendable {
        case ground
        /// ESC seen.
        case escape
        /// ESC [ and the parameter and intermediate bytes so far.
        case controlSequence([Unicode.Scalar])
        /// ESC O: one more byte names the key.
        case singleShift
        /// An overlong control sequence: drop up to its final byte.
        case discardingSequence
        /// A fixed number of payload scalars to drop (old-style mouse reports, Linux console F-keys).
        case skipping(Int)
        case paste
    }

    private var phase = Phase.ground
    private var ready: [Key] = []
    private var readyStart = 0
    private var pasteText = String.UnicodeScalarView()
    private var pasteCount = 0
    /// How much of `pasteEnd` the latest scalars matched.
    private var pasteEndMatched = 0

    public init(pasteLimit: Int = 100_000) {
        self.pasteLimit = pasteLimit
    }

    /// True while a sequence or paste has started but not ended: wait briefly for the rest.
    public var isMidSequence: Bool { phase != .ground }

    /// True inside a bracketed paste.
    public var isInPaste: Bool { phase == .paste }

    /// The next decoded key, oldest first.
    public mutating func nextKey() -> Key? {
        guard readyStart < ready.count else { return nil }
        let key = ready[readyStart]
        readyStart += 1
        if readyStart == ready.count {
            ready.removeAll(keepingCapacity: true)
            readyStart = 0
        }
        return key
    }

    /// Queues a key the backend decoded itself (ncurses' KEY_* codes), after any already decoded.
    public mutating func push(_ key: Key) {
        ready.append(key)
    }

    public mutating func feed(_ text: String) {
        for scalar in text.unicodeScalars { feed(scalar) }
    }

    public mutating func feed(_ scalar: Unicode.Scalar) {
        switch phase {
        case .ground:
            ground(scalar)
        case .escape:
            afterEscape(scalar)
        case .controlSequence(var bytes):
            let value = scalar.value
            if (0x20...0x3F).contains(value) {
                bytes.append(scalar)
                phase = bytes.count > Self.sequenceLimit ? .discardingSequence : .controlSequence(bytes)
            } else if (0x40...0x7E).contains(value) {
                phase = .ground
                finishControlSequence(String(String.UnicodeScalarView(bytes)), final: scalar)
            } else {
                // Not part of a sequence (a control or non-ASCII): drop what was started, read this afresh.
                phase = .ground
                ground(scalar)
            }
        case .singleShift:
            phase = .ground
            if (0x40...0x7E).contains(scalar.value) {
                if let key = Self.singleShiftKey(scalar) { ready.append(key) }
            } else {
                // Alt-Shift-O followed by something else.
                ready.append(.escape)
                ready.append(.character("O"))
                ground(scalar)
            }
        case .discardingSequence:
            if (0x40...0x7E).contains(scalar.value) {
                phase = .ground
            } else if !(0x20...0x3F).contains(scalar.value) {
                phase = .ground
                ground(scalar)
            }
        case .skipping(let count):
            phase = count > 1 ? .skipping(count - 1) : .ground
        case .paste:
            pasted(scalar)
        }
    }

    /// Nothing more arrived within the escape delay: a lone ESC is Escape, a half-sent sequence is dropped,
    /// and a paste whose end never came is delivered as far as it got.
    public mutating func timedOut() {
        switch phase {
        case .ground, .discardingSequence, .skipping:
            break
        case .escape:
            ready.append(.escape)
        case .controlSequence(let bytes) where bytes.isEmpty:
            // Alt-[ rather than the start of a sequence.
            ready.append(.escape)
            ready.append(.character("["))
        case .controlSequence:
            break
        case .singleShift:
            ready.append(.escape)
            ready.append(.character("O"))
        case .paste:
            for matched in Self.pasteEnd.prefix(pasteEndMatched) { appendPasted(matched) }
            endPaste()
        }
        phase = .ground
    }

    // MARK: - Plain input

    private mutating func ground(_ scalar: Unicode.Scalar) {
        if scalar.value == 0x1B {
            phase = .escape
        } else if let key = Self.key(for: scalar) {
            ready.append(key)
        }
    }

    /// The key for one scalar outside any sequence; nil for C1 controls, which no keyboard sends.
    static func key(for scalar: Unicode.Scalar) -> Key? {
        let value = scalar.value
        switch value {
        case 0x1B: return .escape
        case 0x09: return .tab
        case 0x0A, 0x0D: return .enter
        case 0x08, 0x7F: return .backspace
        case 0x00: return .control("@")
        case 0x01...0x1A: return .control(Character(Unicode.Scalar(UInt8(0x60 + value))))
        case 0x1C...0x1F: return .control(Character(Unicode.Scalar(UInt8(0x40 + value))))
        case 0x80...0x9F: return nil
        default: return .character(Character(scalar))
        }
    }

    private mutating func afterEscape(_ scalar: Unicode.Scalar) {
        switch scalar {
        case "[": phase = .controlSequence([])
        case "O": phase = .singleShift
        default:
            // ESC then anything else within the delay: Escape, then that key (Alt+letter as before).
            phase = .ground
            ready.append(.escape)
            ground(scalar)
        }
    }

    // MARK: - Sequences

    private mutating func finishControlSequence(_ parameters: String, final: Unicode.Scalar) {
        // Old-style mouse reports carry three raw bytes after ESC [ M; the Linux console's F1–F5 are ESC [ [ A…E.
        if parameters.isEmpty && final == "M" {
            phase = .skipping(3)
            return
        }
        if parameters.isEmpty && final == "[" {
            phase = .skipping(1)
            return
        }
        if final == "~" && Self.firstNumber(parameters) == 200 {
            phase = .paste
            pasteText = String.UnicodeScalarView()
            pasteCount = 0
            pasteEndMatched = 0
            return
        }
        if let key = Self.controlSequenceKey(parameters, final: final) { ready.append(key) }
    }

    /// Keys for CSI sequences; modifiers (`1;5C` is Ctrl-Right) are ignored, as the app has no use for them.
    static func controlSequenceKey(_ parameters: String, final: Unicode.Scalar) -> Key? {
        // Private forms (`<` SGR mouse, `?` reports, `>` and `=` replies) are never keys.
        if let first = parameters.unicodeScalars.first, (0x3C...0x3F).contains(first.value) { return nil }
        if let key = cursorKey(final) { return key }
        switch final {
        case "Z": return .backTab
        // Modified F1–F4 are `1;2P`…; a number other than 1 is a report (a cursor position ends in R).
        case "P" where parameters.isEmpty || firstNumber(parameters) == 1: return .function(1)
        case "Q" where parameters.isEmpty || firstNumber(parameters) == 1: return .function(2)
        case "R" where parameters.isEmpty || firstNumber(parameters) == 1: return .function(3)
        case "S" where parameters.isEmpty || firstNumber(parameters) == 1: return .function(4)
        case "~": return tildeKey(firstNumber(parameters))
        default: return nil
        }
    }

    /// The `ESC [ n ~` family (VT220, xterm, rxvt, the Linux console).
    static func tildeKey(_ number: Int?) -> Key? {
        switch number {
        case 1, 7: return .home
        case 2: return .insert
        case 3: return .delete
        case 4, 8: return .end
        case 5: return .pageUp
        case 6: return .pageDown
        case .some(let n) where (11...15).contains(n): return .function(n - 10)
        case .some(let n) where (17...21).contains(n): return .function(n - 11)
        case .some(let n) where (23...24).contains(n): return .function(n - 12)
        default: return nil
        }
    }

    /// Arrows, Home and End: the same final letter after CSI (`ESC [ A`) and SS3 (`ESC O A`).
    static func cursorKey(_ scalar: Unicode.Scalar) -> Key? {
        switch scalar {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        default: return nil
        }
    }

    static func singleShiftKey(_ scalar: Unicode.Scalar) -> Key? {
        if let key = cursorKey(scalar) { return key }
        switch scalar {
        case "M": return .enter
        case "P": return .function(1)
        case "Q": return .function(2)
        case "R": return .function(3)
        case "S": return .function(4)
        default: return nil
        }
    }

    /// The number before the first `;` (none when empty or not a number).
    static func firstNumber(_ parameters: String) -> Int? {
        let digits = parameters.prefix { $0 != ";" && $0 != ":" }
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    // MARK: - Bracketed paste

    private mutating func pasted(_ scalar: Unicode.Scalar) {
        let end = Self.pasteEnd
        if scalar == end[pasteEndMatched] {
            pasteEndMatched += 1
            if pasteEndMatched == end.count { endPaste() }
            return
        }
        // A false start of the end marker (pasted text can hold ESC): it was text after all. ESC appears only
        // first in the marker, so the scalar can only start a new match.
        for matched in end.prefix(pasteEndMatched) { appendPasted(matched) }
        pasteEndMatched = 0
        if scalar == end[0] {
            pasteEndMatched = 1
        } else {
            appendPasted(scalar)
        }
    }

    private mutating func appendPasted(_ scalar: Unicode.Scalar) {
        guard pasteCount < pasteLimit else { return }
        pasteText.append(scalar)
        pasteCount += 1
    }

    private mutating func endPaste() {
        phase = .ground
        ready.append(.paste(String(pasteText)))
        pasteText = String.UnicodeScalarView()
        pasteCount = 0
        pasteEndMatched = 0
    }
}
