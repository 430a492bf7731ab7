/// Writes CSV as RFC 4180 describes it, one LF-terminated line per row.
///
/// Whether a field needs quotes is decided on Unicode scalars, never on Characters: a comma or a quote
/// followed by a combining mark (",\u{0301}") is one Character that is not equal to ",", yet a CSV reader sees
/// the comma byte and splits the row there.
public enum CSVWriter {
    /// One row, ending in a line feed.
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// A whole table: the header, then the rows.
    public static func table(header: [String], rows: [[String]]) -> String {
        var out = row(header)
        for fields in rows { out += row(fields) }
        return out
    }

    /// The field, quoted (with its quotes doubled) when it holds a comma, a quote or a line break.
    public static func field(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: needsQuotes) else { return value }
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in value.unicodeScalars {
            if scalar == "\"" { out.append("\"") }
            out.append(scalar)
        }
        out.append("\"")
        return String(out)
    }

    private static func needsQuotes(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "," || scalar == "\"" || scalar == "\n" || scalar == "\r"
    }
}
