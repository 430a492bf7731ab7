/// Writes CSV as RFC 4180 describes it, one line per row, ending in LF (or CRLF, which Excel expects).
///
/// Whether a field needs quotes is decided on Unicode scalars, never on Characters: a comma or a quote
/// followed by a combining mark (",\u{0301}") is one Character that is not equal to ",", yet a CSV reader sees
/// the comma byte and splits the row there.
public enum CSVWriter {
    /// One row, ending in `lineEnd` (a line feed unless told otherwise). Line breaks inside a quoted field are
    /// written as they are.
    public static func row(_ fields: [String], lineEnd: String = "\n") -> String {
        fields.map(field).joined(separator: ",") + lineEnd
    }

    /// A whole table: the header, then the rows.
    public static func table(header: [String], rows: [[String]], lineEnd: String = "\n") -> String {
        var out = row(header, lineEnd: lineEnd)
        for fields in rows { out += row(fields, lineEnd: lineEnd) }
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
