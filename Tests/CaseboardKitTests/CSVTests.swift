import Testing

@testable import CaseboardKit

@Suite struct CSVTests {
    /// Fields that must come back exactly as written, including the ones a Character-based writer got wrong:
    /// a comma or a quote followed by a combining mark is one Character but still a comma or quote byte.
    @Test(arguments: [
        ",\u{0301}", "\"\u{0301}", "a,\u{0301}b", "\r\n", "\n\u{0301}", "\r", "plain", "", "say \"hi\"", "é,è", "👩‍👩‍👧,",
        " leading", "trailing ", "\u{202E}x,y",
    ])
    func fieldsRoundTrip(_ value: String) {
        let written = CSVWriter.table(header: ["before", "value", "after"], rows: [["1", value, "2"]])
        #expect(CSVReading.rows(written) == [["before", "value", "after"], ["1", value, "2"]])
    }

    @Test func plainFieldsAreLeftUnquoted() {
        #expect(CSVWriter.row(["a", "b c", "1.50"]) == "a,b c,1.50\n")
        #expect(CSVWriter.row(["a,b", "x\"y"]) == "\"a,b\",\"x\"\"y\"\n")
    }

    @Test(arguments: [
        // Formulas, however they are dressed.
        ("=1+1", "'=1+1"), ("+1", "'+1"), ("@SUM(A1)", "'@SUM(A1)"), (" =1+1", "' =1+1"), ("\t=1+1", "'\t=1+1"),
        ("\u{00A0}=1+1", "'\u{00A0}=1+1"), ("\u{200B}=1+1", "'\u{200B}=1+1"), ("\u{FEFF}=1+1", "'\u{FEFF}=1+1"),
        ("\u{2060}@x", "'\u{2060}@x"), ("\u{202E}=1", "'\u{202E}=1"), ("  \u{200B} -1", "'  \u{200B} -1"), ("\r=1", "'\r=1"),
        ("\tplain", "'\tplain"),
        // Minus signs that are not plain numbers.
        ("-inf", "'-inf"), ("-1+1", "'-1+1"), ("-2e3", "'-2e3"), ("-", "'-"), ("-1.", "'-1."), ("-.5", "'-.5"), ("-1.2.3", "'-1.2.3"),
        ("-١٢", "'-١٢"), ("-0x10", "'-0x10"),
        // Plain negative numbers and ordinary text stay as they are.
        ("-12", "-12"), ("-0.50", "-0.50"), ("-1121395.00", "-1121395.00"), ("Leeds", "Leeds"), ("a=b", "a=b"), ("", ""),
        ("   ", "   "), ("12", "12"), ("x-1", "x-1"),
    ])
    func formulaGuard(_ cell: String, _ expected: String) {
        #expect(FormulaGuard.neutralise(cell) == expected)
    }

    @Test func jsonEscapesWhatATerminalWouldObey() throws {
        let hostile = "a\u{1B}[2J\u{7F}\u{9B}\u{85}\u{2028}\u{2029}\u{202E}\u{2066}\u{200F}\u{061C}z é"
        let text = JSONWriter.compact(.string(hostile))
        #expect(text == #""a\u001b[2J\u007f\u009b\u0085\u2028\u2029\u202e\u2066\u200f\u061cz é""#)
        guard case .string(let back) = try JSONParser.parse(Array(text.utf8)).value else {
            Issue.record("not a string")
            return
        }
        #expect(back == hostile)
    }

    @Test(arguments: [
        ("export.json", ".", "export.json"), ("out/export.json", "out", "export.json"), ("/export.json", "/", "export.json"),
        ("/a/b/c.json", "/a/b", "c.json"), ("./x", ".", "x"),
    ])
    func atomicFileSplitsPaths(_ path: String, _ directory: String, _ name: String) {
        #expect(AtomicFile.split(path) == (directory, name))
    }
}
