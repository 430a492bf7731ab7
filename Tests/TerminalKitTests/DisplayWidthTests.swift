import Testing

@testable import TerminalKit

@Suite struct DisplayWidthTests {
    @Test func measuresTrueColumns() {
        #expect(DisplayWidth.of("Kirklees") == 8)
        #expect(DisplayWidth.of("£1,121,395") == 10)
        #expect(DisplayWidth.of("Zoë") == 3)
        #expect(DisplayWidth.of("e\u{301}") == 1)  // e + combining acute
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("🔪") == 2)
        #expect(DisplayWidth.of("👩‍👧") == 2)  // ZWJ sequence is one glyph
        #expect(DisplayWidth.of("🇬🇧") == 2)
    }

    @Test func truncatesOnCharacterBoundariesWithAnEllipsis() {
        #expect(DisplayWidth.truncate("Knife Crime Awareness", to: 10) == "Knife Cri…")
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        // A wide character that would straddle the limit is dropped whole.
        #expect(DisplayWidth.truncate("ab日本", to: 4) == "ab…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("日本語のテキスト", to: 7)) <= 7)
        #expect(DisplayWidth.truncate("anything", to: 0) == "")
    }

    @Test func padsToExactWidth() {
        #expect(DisplayWidth.pad("£5", to: 6, alignRight: true) == "    £5")
        #expect(DisplayWidth.pad("日本", to: 6) == "日本  ")
        #expect(DisplayWidth.of(DisplayWidth.pad("Zoë Example", to: 5)) == 5)
    }
}

@Suite struct SanitizerTests {
    @Test func controlCharactersBecomeHarmlessStandIns() {
        #expect(Sanitizer.clean("a\u{1B}[31mred") == "a␛[31mred")
        #expect(Sanitizer.clean("bell\u{07}") == "bell␇")
        #expect(Sanitizer.clean("two\r\nlines") == "two lines")
        #expect(Sanitizer.clean("tab\there") == "tab here")
        #expect(Sanitizer.clean("c1\u{9B}31m") == "c1\u{FFFD}31m")
        #expect(Sanitizer.clean("plain £ text") == "plain £ text")
    }

    @Test func needsCleaningAgreesWithClean() {
        for text in ["ok", "esc\u{1B}", "del\u{7F}", "nel\u{85}", "sep\u{2028}", "é日本"] {
            #expect(Sanitizer.needsCleaning(text) == (Sanitizer.clean(text) != text), "\(text.debugDescription)")
        }
    }
}

@Suite struct ScreenBufferTests {
    @Test func putClipsAndNeverSplitsWideCharacters() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 2))
        buffer.put("日本語", x: 1, y: 0)
        #expect(buffer.text(row: 0) == " 日本…")
        #expect(buffer[2, 0].isContinuation)
        // Overwrites the right half of 日 and the left half of 本: both orphaned halves are blanked.
        buffer.put("ab", x: 2, y: 0)
        #expect(buffer.text(row: 0) == "  ab …")
        #expect(!buffer[4, 0].isContinuation)
        #expect(!buffer[1, 0].isContinuation && buffer[1, 0].character == " ")
    }

    @Test func escapeSequencesNeverReachTheBuffer() {
        var buffer = ScreenBuffer(size: Size(width: 20, height: 1))
        buffer.put("x\u{1B}]0;pwned\u{07}", x: 0, y: 0)
        #expect(buffer.text(row: 0) == "x␛]0;pwned␇")
    }

    @Test func changedRunsCoverOnlyWhatChanged() {
        var before = ScreenBuffer(size: Size(width: 10, height: 3))
        before.put("hello", x: 0, y: 1)
        var after = before
        after.put("J", x: 0, y: 1)
        after.put("日", x: 6, y: 2)
        #expect(after.changedRuns(from: before) == [CellRun(y: 1, x: 0, width: 1), CellRun(y: 2, x: 6, width: 2)])
        #expect(after.changedCellCount(from: before) == 3)
        #expect(before.changedRuns(from: before).isEmpty)
    }

    @Test func styleRunsDescribeStylesApartFromText() {
        var buffer = ScreenBuffer(size: Size(width: 8, height: 2))
        buffer.put("at risk", x: 0, y: 1, style: Style(foreground: .red, bold: true))
        #expect(buffer.styleRuns() == ["row 1 col 0-6: fg=red bold"])
    }
}
