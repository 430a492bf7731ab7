import Foundation
import Testing

@testable import CaseboardKit

@Suite struct HistoryTests {
    let canonical = JournalEvent(
        id: "37bb87fe-5749-487f-91e6-f0b044c6f5c3", time: "2026-11-29T22:18:51.887Z", author: "alice", project: "gangs", kind: .status,
        from: .active, to: .atRisk, note: "Venue lost — Zoë to call")

    @Test func eventsComeBackExactlyAsStored() {
        var history = History()
        let odd = JournalEvent(
            id: "HAND-WRITTEN-1", time: "2026-11-29T22:18:51Z", author: "bob", project: "sceptre", kind: .note, note: "line\nbreak")
        let undo = JournalEvent(
            id: "0a3f2767-355e-6530-8e5b-9bf76e94d91c", time: "1999-12-31T23:59:59.999Z", author: "alice", project: "gangs", kind: .undo,
            from: .atRisk, to: .active, undoes: canonical.id)
        #expect(history.append(canonical).index == 0)
        #expect(history.append(odd).index == 1)
        #expect(history.append(undo).index == 2)
        #expect(history.events == [canonical, odd, undo])
        #expect(history.isUndone(canonical))
        #expect(!history.isUndone(odd))
        #expect(history.timeline(of: "gangs") == [undo, canonical])
        #expect(history.lastStatusChange(of: "gangs") == undo)
        #expect(history.lastStatusChange(of: "sceptre") == nil)
        #expect(history.event(id: "HAND-WRITTEN-1") == odd)
    }

    @Test func anEventSeenTwiceIsKeptOnce() {
        var history = History()
        #expect(history.append(canonical).isNew)
        let again = history.append(canonical)
        #expect(!again.isNew && again.index == 0)
        #expect(history.count == 1)
    }

    @Test(arguments: [
        // The form Caseboard writes: the fast path.
        #"{"id":"37bb87fe-5749-487f-91e6-f0b044c6f5c3","time":"2026-11-29T22:18:51.887Z","author":"alice","project":"gangs","kind":"status","from":"active","to":"at-risk","note":"Venue lost"}"#,
        // Escapes, other key orders, spaces and unknown fields: the full decoder.
        #"{"id":"37bb87fe-5749-487f-91e6-f0b044c6f5c3","time":"2026-11-29T22:18:51.887Z","author":"alice","project":"gangs","kind":"status","from":"active","to":"at-risk","note":"Venue \"lost\""}"#,
        #"{"time":"2026-11-29T22:18:51.887Z","id":"37bb87fe-5749-487f-91e6-f0b044c6f5c3","author":"alice","project":"gangs","kind":"note","note":"x"}"#,
        #"{ "id": "37bb87fe-5749-487f-91e6-f0b044c6f5c3", "time": "2026-11-29T22:18:51Z", "author": "alice", "project": "gangs", "kind": "note", "note": "x", "extra": 1 }"#,
    ])
    func theFastPathAndTheDecoderAgree(line: String) throws {
        let bytes = Array(line.utf8)
        let decoded = try JournalEvent.decode(line: bytes)
        var history = History()
        let fast = bytes.withUnsafeBufferPointer { JournalLine.append($0, to: &history) }
        if fast == nil { history.append(decoded) }
        #expect(history.count == 1)
        #expect(history[0] == decoded)
    }

    @Test func timesConvertBothWays() throws {
        for text in ["1970-01-01T00:00:00.000Z", "2024-02-29T23:59:59.999Z", "2026-11-29T22:18:51.887Z", "1969-07-20T20:17:40.000Z"] {
            let millis = try #require(text.utf8.withContiguousStorageIfAvailable { EventTime.parse($0) } ?? nil)
            #expect(EventTime.text(millis) == text)
            #expect(Double(millis) / 1000 == JournalTime.parse(text)?.timeIntervalSince1970)
        }
    }
}
