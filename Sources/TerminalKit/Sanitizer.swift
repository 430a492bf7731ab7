/// Makes untrusted text safe to put on a terminal: the one sanitiser every human-facing output goes through.
///
/// Data must never be able to drive the terminal, so every control character is replaced by a visible
/// stand-in:
/// - line feed, carriage return (and CR LF), tab, vertical tab, form feed, U+0085 NEL and the Unicode line
///   and paragraph separators become a single space, so multi-line values stay on their row (`clean`), or
///   stay line breaks and tabs where the output is a block of lines (`cleanLines`);
/// - the other C0 controls become their Unicode "control picture" (ESC → "␛", BEL → "␇", NUL → "␀"),
///   DEL becomes "␡";
/// - C1 controls (U+0080–U+009F, which some terminals treat like ESC sequences) become "�" (U+FFFD);
/// - bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), which reorder what
///   follows them and can disguise a value, become their code in angle brackets, such as "<U+202E>".
/// Everything else passes through unchanged.
public enum Sanitizer {
    /// For one value on one row.
    public static func clean(_ text: String) -> String { clean(text, keepingLines: false) }

    /// For a block of text meant to span lines (a message, a listing): line feeds and tabs stay.
    public static func cleanLines(_ text: String) -> String { clean(text, keepingLines: true) }

    static func clean(_ text: String, keepingLines: Bool) -> String {
        guard needsCleaning(text) else { return text }
        var scalars = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar.value == 0x0D }
            if scalar.value == 0x0A && previousWasCarriageReturn { continue }  // CR LF is one line break
            if keepingLines && (scalar.value == 0x0A || scalar.value == 0x09) {
                scalars.append(scalar)
            } else if keepingLines && scalar.value == 0x0D {
                scalars.append("\n")
            } else if let replacement = replacement(for: scalar) {
                scalars.append(contentsOf: replacement.unicodeScalars)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// True when `clean` would change the text (`cleanLines` may still leave it as it is).
    public static func needsCleaning(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return true }
            // C1 controls are encoded as C2 80 … C2 9F; U+061C as D8 9C.
            if previous == 0xC2 && (0x80...0x9F).contains(byte) { return true }
            if previous == 0xD8 && byte == 0x9C { return true }
            if beforePrevious == 0xE2 && previous == 0x80 {
                // U+200E, U+200F, U+2028, U+2029, U+202A…U+202E
                if byte == 0x8E || byte == 0x8F || (0xA8...0xAE).contains(byte) { return true }
            }
            if beforePrevious == 0xE2 && previous == 0x81 && (0xA6...0xA9).contains(byte) { return true }  // U+2066…U+2069
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// The stand-in for a control scalar, or nil when the scalar is safe as it is.
    static func replacement(for scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
            return " "
        case 0x00..<0x20:
            return String(Unicode.Scalar(0x2400 + scalar.value)!)  // control pictures ␀…␟
        case 0x7F:
            return "\u{2421}"  // ␡
        case 0x80...0x9F:
            return "\u{FFFD}"
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return "<U+" + String(scalar.value, radix: 16, uppercase: true) + ">"
        default:
            return nil
        }
    }
}
