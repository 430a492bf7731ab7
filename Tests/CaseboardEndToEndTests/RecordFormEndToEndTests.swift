import CaseboardKit
import Foundation
import Testing

/// Adding and correcting a record in the real browser: one coordinator adds a project and corrects its end
/// date; a second session shows both without being told; history and the journal on disk hold both.
@Suite(.serialized) struct RecordFormEndToEndTests {
    func open(_ data: String, as author: String) throws -> Tmux {
        let tmux = try Tmux(width: 100, height: 30)
        tmux.type("\(Spawn.caseboard) --data \(data) --screen projects --author \(author)")
        tmux.waitFor("TITLE")
        return tmux
    }

    @Test func aProjectAddedAndCorrectedInOneSessionShowsInAnother() throws {
        let data = try Spawn.sampleCopy()
        let alice = try open(data, as: "alice")
        let bob = try open(data, as: "bob")
        alice.press("A")
        alice.waitFor("New project")
        alice.literal("Street Doctors Wakefield")
        alice.press("Enter")
        // Pickers: a letter opens the list narrowed by it; Enter picks and moves on.
        alice.literal("early")
        alice.press("Enter", "Enter", "Enter")
        alice.literal("wakefield csp")
        alice.press("Enter", "Enter")
        // Districts holds several: Space opens the list and ticks; Enter keeps the ticks.
        alice.press("Space")
        alice.literal("wake")
        alice.press("Space", "Enter", "Tab")
        alice.literal("01/04/2024")
        alice.waitFor("✓ 01 Apr 2024")
        alice.press("Tab")
        alice.literal("31 March 2025")
        alice.press("C-s")
        alice.waitFor("added project street-doctors-wakefield, saved")
        // Bob's session picks the new project up by itself.
        bob.waitFor("alice: added project street-doctors-wakefield")
        bob.press("/")
        bob.literal("street doctors")
        bob.press("Enter")
        bob.waitFor("Project › Street Doctors Wakefield")
        bob.waitFor("31 Mar 2025")
        // Alice corrects the end date from the project's page.
        alice.press("/")
        alice.literal("street doctors")
        alice.press("Enter")
        alice.waitFor("Project › Street Doctors Wakefield")
        alice.press("e")
        alice.waitFor("Correct project")
        for _ in 0..<7 { alice.press("Tab") }
        alice.press("C-u")
        alice.literal("30/09/2025")
        alice.press("C-s")
        alice.waitFor("end date: 2025-03-31 → 2025-09-30, saved")
        let page = bob.waitFor("30 Sep 2025")
        #expect(!page.contains("31 Mar 2025"))
        alice.press("q", "q")
        bob.press("q", "q")
        // On disk: two edit events by alice, the add and the one field set, naming the value it replaced.
        let lines = try String(contentsOfFile: data + "/journal.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains(#""author":"alice","project":"street-doctors-wakefield","kind":"edit""#) })
        #expect(
            lines.first?.contains(
                #"{"op":"add","record":"project","id":"street-doctors-wakefield","values":{"title":"Street Doctors Wakefield","theme":"early-intervention","status":"proposed","lead":"wakefield-csp","districts":["wakefield"],"start":"2024-04-01","end":"2025-03-31"}}"#
            ) == true)
        #expect(
            lines.last?.contains(
                #"{"op":"set","record":"project","id":"street-doctors-wakefield","field":"end","from":"2025-03-31","to":"2025-09-30"}"#)
                == true)
        // History lists both, newest first.
        let history = Spawn.run([Spawn.caseboard, "history", "street-doctors-wakefield", "--data", data])
        #expect(history.status == 0)
        let rows = history.stdout.split(separator: "\n").filter { $0.contains("alice") }
        #expect(rows.count == 2)
        #expect(rows.first?.contains("end date: 2025-03-31 → 2025-09-30") == true, "\(history.stdout)")
        #expect(rows.last?.contains("added project street-doctors-wakefield") == true)
    }
}
