/// Stops a spreadsheet from running a CSV cell as a formula ("CSV injection").
public enum FormulaGuard {
    /// The cell with a leading `'` when a spreadsheet could read it as a formula: its first visible character is
    /// `=`, `+`, `-` or `@`, or it starts with a tab or carriage return. Spreadsheets that trim spaces (LibreOffice's
    /// "trim spaces", Excel with some imports) look past leading whitespace and invisible characters, so " =1+1"
    /// and "\u{200B}=1+1" are formulas too. Plain negative numbers ("-12", "-0.5") stay numbers; anything else that
    /// starts with a minus ("-inf", "-1+1", "-2e3") is guarded.
    public static func neutralise(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        if first == "\t" || first == "\r" { return "'" + cell }
        guard let visible = cell.unicodeScalars.first(where: { !isInvisible($0) }), "=+-@".unicodeScalars.contains(visible) else {
            return cell
        }
        if isPlainNegativeNumber(cell) { return cell }
        return "'" + cell
    }

    /// Whitespace (including no-break space), controls, format characters (zero-width space, byte-order mark,
    /// bidi marks) and other code points a spreadsheet may drop or not show.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isWhitespace || properties.isDefaultIgnorableCodePoint { return true }
        switch properties.generalCategory {
        case .control, .format: return true
        default: return false
        }
    }

    /// A minus, ASCII digits, and at most one decimal point followed by more digits: "-12", "-0.50".
    static func isPlainNegativeNumber(_ cell: String) -> Bool {
        var scalars = cell.unicodeScalars[...]
        guard scalars.popFirst() == "-" else { return false }
        let parts = String(scalars).split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.allSatisfy { part in !part.isEmpty && part.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
    }
}
