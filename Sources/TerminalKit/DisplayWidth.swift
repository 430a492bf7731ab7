/// Terminal column widths of text.
///
/// Widths follow what glibc's `wcwidth` (and so ncurses and most terminals) use, measured per grapheme
/// cluster (`Character`): controls and lone combining marks are 0; East Asian Wide/Fullwidth characters and
/// emoji-presentation characters are 2; everything else, including ambiguous-width letters such as "é", is 1.
/// Within a cluster, combining marks, ZWJ-joined emoji, skin-tone modifiers and tag characters add nothing;
/// U+FE0F (emoji presentation selector) makes the cluster 2 wide; a pair of regional indicators (a flag) is 2.
/// A cluster is never wider than 2.
public enum DisplayWidth {
    /// Columns one character occupies: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        // Fast path: printable ASCII, optionally followed by combining marks.
        if first.value >= 0x20 && first.value < 0x7F && character.utf8.count == 1 { return 1 }

        var total = width(of: first)
        let firstIsRegionalIndicator = isRegionalIndicator(first)
        var afterJoiner = false
        while let scalar = iterator.next() {
            switch scalar.value {
            case 0xFE0F:
                // Emoji presentation selector: the cluster is drawn as a (wide) emoji.
                if total > 0 { total = 2 }
            case 0x200D:
                afterJoiner = true
                continue
            case 0x1F3FB...0x1F3FF, 0xE0020...0xE007F:
                break  // skin-tone modifiers and tag characters merge into the preceding emoji
            default:
                if afterJoiner {
                    break  // the joined emoji shares the first one's glyph
                } else if firstIsRegionalIndicator && isRegionalIndicator(scalar) {
                    total = 2  // a flag
                } else {
                    total += width(of: scalar)  // spacing marks (e.g. Devanagari vowel signs) take a column
                }
            }
            afterJoiner = false
        }
        return min(total, 2)
    }

    /// Total columns of a string.
    public static func of(_ text: String) -> Int {
        // Fast path: pure printable ASCII is one column per byte.
        var isPrintableASCII = true
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F {
            isPrintableASCII = false
            break
        }
        if isPrintableASCII { return text.utf8.count }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Cuts `text` on character boundaries so it fits in `width` columns. When anything is cut the result
    /// ends with "…" and its width never exceeds `width`; a wide character that would not fit is dropped
    /// whole, never split.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let columns = of(character)
            if used + columns > width - 1 { break }
            result.append(character)
            used += columns
        }
        result.append(ellipsis)
        return result
    }

    /// Truncates `text` to `width` (see `truncate`) and pads it with spaces to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(text, to: width)
        let padding = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? padding + cut : cut + padding
    }

    /// The marker appended to truncated text.
    public static let ellipsis: Character = "…"

    // MARK: - Single scalars

    /// Columns of one scalar in isolation, as `wcwidth` would report (controls 0 rather than -1).
    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }  // DEL and C1 controls
        if value == 0xAD { return 1 }  // soft hyphen: terminals draw it
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) {
            return 0  // Hangul medial vowels and final consonants join the preceding syllable
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator:
            return 0
        default:
            break
        }
        if isWide(value) { return 2 }
        // Emoji added after the table's Unicode version.
        if value >= 0x1F000 && scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    static func isWide(_ value: UInt32) -> Bool {
        if value < wideRanges[0].lower { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if value < range.lower {
                high = mid - 1
            } else if value > range.upper {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, Unicode 14, with adjacent ranges merged across
    /// unassigned code points to keep the table short. Combining marks inside these ranges are caught
    /// earlier by the general-category check.
    private static let wideRanges: [(lower: UInt32, upper: UInt32)] = [
        (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0), (0x23F3, 0x23F3),
        (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693), (0x26A1, 0x26A1),
        (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA),
        (0x26F2, 0x26F3), (0x26F5, 0x26F5), (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B),
        (0x2728, 0x2728), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
        (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x2E80, 0x303E),
        (0x3041, 0x3247), (0x3250, 0x4DBF), (0x4E00, 0xA4C6), (0xA960, 0xA97C), (0xAC00, 0xD7A3), (0xF900, 0xFAD9),
        (0xFE10, 0xFE19), (0xFE30, 0xFE6B), (0xFF01, 0xFF60), (0xFFE0, 0xFFE6), (0x16FE0, 0x1B2FB),
        (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F200, 0x1F320),
        (0x1F32D, 0x1F335), (0x1F337, 0x1F37C), (0x1F37E, 0x1F393), (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3),
        (0x1F3E0, 0x1F3F0), (0x1F3F4, 0x1F3F4), (0x1F3F8, 0x1F43E), (0x1F440, 0x1F440), (0x1F442, 0x1F4FC),
        (0x1F4FF, 0x1F53D), (0x1F54B, 0x1F54E), (0x1F550, 0x1F567), (0x1F57A, 0x1F57A), (0x1F595, 0x1F596),
        (0x1F5A4, 0x1F5A4), (0x1F5FB, 0x1F64F), (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC), (0x1F6D0, 0x1F6D2),
        (0x1F6D5, 0x1F6DF), (0x1F6EB, 0x1F6EC), (0x1F6F4, 0x1F6FC), (0x1F7E0, 0x1F7F0), (0x1F90C, 0x1F93A),
        (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF), (0x1FA70, 0x1FAF6), (0x20000, 0x3FFFD),
    ]
}
