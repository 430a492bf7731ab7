import Testing

@testable import CaseboardKit

/// CSV as Excel writes it, read back cell for cell with the row numbers a spreadsheet shows.
@Suite struct CSVReaderTests {
    @Test func excelUTF8WithBOMCRLFAndQuotedLineBreaks() throws {
        let bytes = Array("\u{FEFF}id,summary,title\r\nx,\"two\r\nlines\",\"say \"\"hi\"\"\"\r\ny,,\"a, b\"\r\n".utf8)
        let decoded = try #require(TextDecoding.decode(bytes))
        #expect(decoded.encoding == .utf8)
        let table = CSVReader.parse(decoded.text)
        #expect(table.problems.isEmpty)
        #expect(table.rows == [["id", "summary", "title"], ["x", "two\nlines", "say \"hi\""], ["y", "", "a, b"]])
    }

    @Test func lineEndsOfEveryKindAndNoneAtTheEnd() {
        #expect(CSVReader.parse("a,b\rc,d\ne,f").rows == [["a", "b"], ["c", "d"], ["e", "f"]])
        #expect(CSVReader.parse("a\n\nb\n").rows == [["a"], [""], ["b"]])
        #expect(CSVReader.parse("").rows.isEmpty)
    }

    /// The reason SwiftCSV was not used: a comma followed by a combining mark is one Character, but two cells.
    @Test func aCombiningMarkAfterACommaDoesNotJoinCells() {
        #expect(CSVReader.parse("a,\u{301}x\n").rows == [["a", "\u{301}x"]])
        #expect(CSVReader.parse("\"q\"\"\u{301}\",z\n").rows == [["q\"\u{301}", "z"]])
    }

    @Test func aQuoteInsideAnUnquotedCellIsACharacter() {
        #expect(CSVReader.parse("5'11\",b\n").rows == [["5'11\"", "b"]])
    }

    @Test func malformedQuotesAreProblemsWithTheirRowAndColumn() {
        let open = CSVReader.parse("id,name\nx,\"never closed\ny,z\n")
        #expect(
            open.problems == [
                CSVReader.Problem(
                    row: 2, column: 2, message: "this cell's opening quote is never closed, so it runs to the end of the file")
            ])
        let after = CSVReader.parse("id,name\n\n\"a\"b,c\n")
        #expect(
            after.problems == [
                CSVReader.Problem(
                    row: 3, column: 1, message: "text after the closing quote; a quoted cell must end at a comma or a line end")
            ])
        #expect(after.rows[2] == ["ab", "c"])
    }

    @Test func windows1252WhenTheBytesAreNotUTF8() throws {
        // "Zoë,£1,121,395" as Excel's "CSV (Comma delimited)" saves it on a UK machine, with an en dash (0x96).
        let bytes: [UInt8] = [0x5A, 0x6F, 0xEB, 0x2C, 0xA3, 0x35, 0x30, 0x96, 0x36, 0x30]
        let decoded = try #require(TextDecoding.decode(bytes))
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.text == "Zoë,£50–60")
        #expect(TextDecoding.decode([0x41, 0x81]) == nil)
        #expect(TextDecoding.decode(Array("Zoë".utf8))?.encoding == .utf8)
    }

    @Test func columnLettersAsASpreadsheetShowsThem() {
        #expect([0, 3, 25, 26, 27, 701, 702].map(ImportTable.columnLetters) == ["A", "D", "Z", "AA", "AB", "ZZ", "AAA"])
    }
}
