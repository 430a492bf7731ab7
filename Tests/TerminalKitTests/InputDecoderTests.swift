import Testing

@testable import TerminalKit

/// What the terminal sends → the keys the app sees, with no terminal involved.
@Suite struct InputDecoderTests {
    /// Every key decoded from `input`, then (as the backend does when nothing more arrives) after a timeout.
    func keys(_ input: String, limit: Int = 100_000) -> [Key] {
        var decoder = InputDecoder(pasteLimit: limit)
        decoder.feed(input)
        decoder.timedOut()
        return drain(&decoder)
    }

    func drain(_ decoder: inout InputDecoder) -> [Key] {
        var out: [Key] = []
        while let key = decoder.nextKey() { out.append(key) }
        return out
    }

    @Test func plainKeysAndControls() {
        #expect(keys("aé€😀 ") == [.character("a"), .character("é"), .character("€"), .character("😀"), .character(" ")])
        #expect(keys("\r\n\t\u{7F}\u{08}") == [.enter, .enter, .tab, .backspace, .backspace])
        #expect(keys("\u{03}\u{1A}\u{1C}") == [.control("c"), .control("z"), .control("\\")])
        // C1 controls are never keys (some terminals would treat them as the start of a sequence).
        #expect(keys("\u{9B}4~") == [.character("4"), .character("~")])
    }

    @Test(arguments: [
        ("\u{1B}[A", Key.up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
        ("\u{1B}OA", .up), ("\u{1B}OD", .left), ("\u{1B}[1;5C", .right), ("\u{1B}[1;2A", .up), ("\u{1B}[1;3D", .left),
        ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}OH", .home), ("\u{1B}OF", .end), ("\u{1B}[1~", .home),
        ("\u{1B}[4~", .end), ("\u{1B}[7~", .home), ("\u{1B}[8~", .end), ("\u{1B}[1;5H", .home), ("\u{1B}[4;2~", .end),
        ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[3~", .delete), ("\u{1B}[3;5~", .delete),
        ("\u{1B}[2~", .insert), ("\u{1B}[Z", .backTab), ("\u{1B}OP", .function(1)), ("\u{1B}OS", .function(4)),
        ("\u{1B}[11~", .function(1)), ("\u{1B}[15~", .function(5)), ("\u{1B}[17~", .function(6)), ("\u{1B}[24~", .function(12)),
        ("\u{1B}[1;2P", .function(1)), ("\u{1B}OM", .enter),
    ])
    func knownSequencesAreOneKey(input: String, key: Key) {
        #expect(keys(input) == [key], "\(input.debugDescription)")
        // The same with typing after it: nothing of the sequence leaks out.
        #expect(keys(input + "q") == [key, .character("q")], "\(input.debugDescription)")
    }

    @Test(arguments: [
        "\u{1B}[99~", "\u{1B}[1;5X", "\u{1B}[?1;2c", "\u{1B}[<0;12;5M", "\u{1B}[<64;3;4m", "\u{1B}[I", "\u{1B}[O",
        "\u{1B}OX", "\u{1B}[M !!", "\u{1B}[[A", "\u{1B}[>0;95;0c", "\u{1B}[97;5u", "\u{1B}[25;1R", "\u{1B}[201~",
    ])
    func unknownSequencesAreDroppedWhole(input: String) {
        #expect(keys(input) == [], "\(input.debugDescription)")
        #expect(keys("a" + input + "b") == [.character("a"), .character("b")], "\(input.debugDescription)")
    }

    @Test func anOverlongSequenceIsDroppedToItsEnd() {
        let long = "\u{1B}[" + String(repeating: "1;", count: 100) + "5C"
        #expect(keys(long + "x") == [.character("x")])
    }

    @Test func aLoneEscapeIsEscapeOnlyOnceNothingFollows() {
        var decoder = InputDecoder()
        decoder.feed("\u{1B}")
        #expect(decoder.nextKey() == nil)
        #expect(decoder.isMidSequence)
        decoder.timedOut()
        #expect(drain(&decoder) == [.escape])
        #expect(!decoder.isMidSequence)
        // Two Escapes in a row, and Escape then Alt-style letters, as they are handled today.
        #expect(keys("\u{1B}\u{1B}") == [.escape, .escape])
        #expect(keys("\u{1B}q") == [.escape, .character("q")])
        #expect(keys("\u{1B}\r") == [.escape, .enter])
        // Alt-[ and Alt-O are Escape then the character, when nothing follows them.
        #expect(keys("\u{1B}[") == [.escape, .character("[")])
        #expect(keys("\u{1B}O") == [.escape, .character("O")])
    }

    @Test func aSequenceCutShortIsDroppedNotTyped() {
        #expect(keys("\u{1B}[4") == [])
        // A sequence interrupted by something that cannot be in it: the start is dropped, the rest read afresh.
        #expect(keys("\u{1B}[4\u{1B}[A") == [.up])
        #expect(keys("\u{1B}[1é") == [.character("é")])
    }

    @Test func aSequenceSplitAcrossReadsIsStillOneKey() {
        var decoder = InputDecoder()
        for part in ["\u{1B}", "[", "4"] {
            decoder.feed(part)
            #expect(decoder.nextKey() == nil)
            #expect(decoder.isMidSequence)
        }
        decoder.feed("~")
        #expect(drain(&decoder) == [.end])
        // ncurses' own arrow key arrives just after: it comes after the End, in order.
        decoder.feed("\u{1B}[4")
        decoder.feed("~")
        decoder.push(.up)
        #expect(drain(&decoder) == [.end, .up])
    }

    @Test func aPasteIsOneKeyNeverKeystrokes() {
        #expect(keys("\u{1B}[200~met the head\rq\u{1B}[201~") == [.paste("met the head\rq")])
        #expect(keys("x\u{1B}[200~\u{03}\u{1A}\t\u{1B}[201~y") == [.character("x"), .paste("\u{03}\u{1A}\t"), .character("y")])
        #expect(keys("\u{1B}[200~\u{1B}[201~") == [.paste("")])
    }

    @Test func aPasteCanHoldEscapeBytesAndLookalikeEnds() {
        // ESC sequences inside pasted text stay text: only ESC [ 2 0 1 ~ ends the paste.
        let inside = "a\u{1B}[4~b\u{1B}\u{1B}[20c\u{1B}[201x\u{1B}"
        #expect(keys("\u{1B}[200~" + inside + "\u{1B}[201~q") == [.paste(inside), .character("q")])
    }

    @Test func aPasteSplitAcrossReadsIsOnePaste() {
        var decoder = InputDecoder()
        let parts = ["\u{1B}[20", "0~first line\n", "second ", "line\u{1B}[2", "01", "~"]
        for (index, part) in parts.enumerated() {
            decoder.feed(part)
            if index < parts.count - 1 {
                #expect(decoder.nextKey() == nil, "a key after part \(index)")
                #expect(decoder.isInPaste == (index > 0))
            }
        }
        #expect(drain(&decoder) == [.paste("first line\nsecond line")])
        #expect(!decoder.isMidSequence)
    }

    @Test func anUnterminatedPasteIsCappedAndDeliveredAsOne() {
        var decoder = InputDecoder(pasteLimit: 1_000)
        decoder.feed("\u{1B}[200~")
        decoder.feed(String(repeating: "q", count: 50_000))
        #expect(decoder.nextKey() == nil)
        #expect(decoder.isInPaste)
        // The end never came: what arrived (up to the cap) is one paste, and none of it runs as keys.
        decoder.timedOut()
        #expect(drain(&decoder) == [.paste(String(repeating: "q", count: 1_000))])
        // A terminated paste over the cap is cut the same way, and typing after it is typing.
        #expect(
            keys("\u{1B}[200~" + String(repeating: "é", count: 3_000) + "\u{1B}[201~q", limit: 1_000) == [
                .paste(String(repeating: "é", count: 1_000)), .character("q"),
            ])
    }
}
