import Testing

@testable import CaseboardKit

@Suite struct JSONParserTests {
    func parse(_ text: String) throws -> JSONNode { try JSONParser.parse(Array(text.utf8)) }

    func syntaxError(_ text: String) -> (line: Int, column: Int, message: String)? {
        do throws(JSONSyntaxError) {
            _ = try JSONParser.parse(Array(text.utf8))
            return nil
        } catch {
            var positions = SourcePositions(Array(text.utf8))
            let (line, column) = positions.position(of: error.offset)
            return (line, column, error.message)
        }
    }

    @Test func parsesNestedValuesWithOffsets() throws {
        let node = try parse(#"{"a": [1, -2, "x\n\u00e9"], "b": {"c": null, "d": true}}"#)
        guard case .object(let members) = node.value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["a", "b"])
        guard case .array(let items) = members[0].node.value else {
            Issue.record("not an array")
            return
        }
        guard case .integer(-2) = items[1].value else {
            Issue.record("expected -2")
            return
        }
        guard case .string(let text) = items[2].value else {
            Issue.record("expected string")
            return
        }
        #expect(text == "x\né")
        #expect(items[0].offset == 7)
    }

    @Test func surrogatePairsDecode() throws {
        guard case .string(let text) = try parse(#""\ud83d\ude00""#).value else {
            Issue.record("no string")
            return
        }
        #expect(text == "😀")
    }

    @Test func hugeIntegersAreKeptAsWritten() throws {
        guard case .hugeInteger(let text) = try parse("99999999999999999999").value else {
            Issue.record("expected huge")
            return
        }
        #expect(text == "99999999999999999999")
        guard case .integer(Int64.min) = try parse("-9223372036854775808").value else {
            Issue.record("expected min")
            return
        }
    }

    @Test func reportsLineAndColumnOfSyntaxErrors() {
        let error = syntaxError("[\n  {\"a\": 1,}\n]")
        #expect(error?.line == 2)
        #expect(error?.column == 11)  // at the closing brace
        #expect(error?.message == "trailing comma before '}'")
    }

    @Test func columnsCountCharactersNotBytes() {
        let error = syntaxError("[\"£é\" x]")
        #expect(error?.line == 1)
        #expect(error?.column == 7)  // "£" and "é" take two bytes each but one column
        #expect(error?.message == "unexpected 'x'; expected ',' or ']'")
    }

    @Test(arguments: [
        ("", "unexpected end of file; expected a value"),
        ("[1, 2", "unexpected end of file; expected ',' or ']'"),
        ("\"abc", "unterminated string"),
        ("01", "numbers must not have leading zeros"),
        ("[tru]", "unexpected 't'; expected a value"),
        ("{\"a\" 1}", "unexpected '1'; expected ':' after field name \"a\""),
        ("[1] 2", "unexpected '2' after the end of the document"),
        ("\"\\q\"", "unknown escape '\\q' in a string"),
    ])
    func rejectsMalformedJSON(text: String, message: String) {
        #expect(syntaxError(text)?.message == message)
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
    }

    @Test func writerRoundTripsThroughParser() throws {
        let value = JSONOutput.object([
            ("text", .string("quote \" slash \\ tab \t bell \u{7} £")), ("n", .integer(-42)),
            ("list", .array([.string("a"), .integer(1)])),
            ("empty", .array([])),
        ])
        let text = JSONWriter.write(value)
        #expect(text.contains("\"list\": [\"a\", 1]"))
        guard case .object(let members) = try parse(text).value, case .string(let back) = members[0].node.value else {
            Issue.record("bad round trip")
            return
        }
        #expect(back == "quote \" slash \\ tab \t bell \u{7} £")
    }
}
