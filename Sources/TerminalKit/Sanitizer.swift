/// Makes untrusted text safe to put on a terminal.
///
/// Data must never be able to drive the terminal, so every control character is replaced by a visible,
/// one-column stand-in:
/// - line feed, carriage return (and CR LF), tab, vertical tab, form feed, U+0085 NEL and the Unicode line
///   and paragraph separators become a single space, so multi-line values stay on their row;
/// - the other C0 controls become their Unicode "control picture" (ESC → "␛", BEL → "␇", NUL → "␀"),
///   DEL becomes "␡";
/// - C1 controls (U+0080–U+009F, which some terminals treat like ESC sequences) become "�" (U+FFFD).
/// Everything else passes through unchanged.
public enum Sanitizer {
    public static func clean(_ text: String) -> String {
        guard needsCleaning(text) else { return text }
        var scalars = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar.value == 0x0D }
            if scalar.value == 0x0A && previousWasCarriageReturn { continue }  // CR LF is one line break
            scalars.append(replacement(for: scalar) ?? scalar)
        }
        return String(scalars)
    }

    /// True when `clean` would change the text.
    public static func needsCleaning(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return true }
            // C1 controls are encoded as C2 80 … C2 9F; U+2028/U+2029 as E2 80 A8 / E2 80 A9.
            if previous == 0xC2 && (0x80...0x9F).contains(byte) { return true }
            if beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9) { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// The stand-in for a control scalar, or nil when the scalar is safe as it is.
    static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
            return " "
        case 0x00..<0x20:
            return Unicode.Scalar(0x2400 + scalar.value)  // control pictures ␀…␟
        case 0x7F:
            return "\u{2421}"  // ␡
        case 0x80...0x9F:
            return "\u{FFFD}"
        default:
            return nil
        }
    }
}
