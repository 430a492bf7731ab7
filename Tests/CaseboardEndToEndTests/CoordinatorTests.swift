import CaseboardKit
import Foundation
import Testing

/// Coordinators editing at once, each in their own terminal: the real binary in two tmux sessions.
@Suite(.serialized) struct CoordinatorTests {
    let fixtures = Spawn.repositoryRoot + "/Fixtures/west-yorkshire"

    func sampleCopy() throws -> String { try Spawn.sampleCopy() }

    func open(_ data: String, as author: String) throws -> Tmux {
        let tmux = try Tmux(width: 100, height: 30)
        tmux.type("\(Spawn.caseboard) --data \(data) --screen projects --author \(author)")
        tmux.waitFor("TITLE")
        tmux.press("/")
        tmux.literal("multi-systemic")
        // The lone match opens on Enter; Esc comes back to the list, the search kept.
        tmux.press("Enter")
        tmux.waitFor("Project › Multi-systemic therapy")
        tmux.press("Escape")
        tmux.waitFor("TITLE ▲")
        tmux.waitFor("1 of 36 projects")
        return tmux
    }

    @Test func aChangeShowsInTheOtherSessionAndAStaleChangeIsRefused() throws {
        let data = try sampleCopy()
        let alice = try open(data, as: "alice")
        let bob = try open(data, as: "bob")
        bob.press("c")
        bob.waitFor("Change status")
        alice.press("c")
        alice.waitFor("Change status")
        alice.literal("Provider back on board")
        alice.press("Enter")
        // Enter first shows the move; the second Enter saves it.
        alice.waitFor("at risk → active — Enter to save, Esc to go back")
        alice.press("Enter")
        alice.waitFor("Multi-systemic therapy for 10–14s (Kirklees) → active, saved")
        // Bob's session picks it up by itself, within two seconds.
        let seen = bob.waitFor("alice's change on bob's screen", timeout: 2) {
            $0.contains("alice: Multi-systemic therapy for 10–14s (Kirklees) → active")
        }
        #expect(seen.contains("active"))
        // Bob's picker still says at-risk: his change is based on it and must be refused.
        // Paused needs a reason: typed on the picker's Reason line.
        bob.press("Down", "Enter")
        bob.waitFor("Say why it is paused")
        bob.literal("Provider review")
        bob.press("Enter")
        bob.waitFor("at risk → paused — Enter to save")
        bob.press("Enter")
        let refused = bob.waitFor("Refused: alice changed Multi-systemic therapy for 10–14s (Kirklees) to active at")
        #expect(refused.contains("your change was based on at-risk. Nothing was saved"))
        // The picker opens again on the project as it now is, so bob can decide again without retyping.
        #expect(refused.contains("Change status"))
        #expect(refused.contains("Now active; move to:"))
        // Nothing is chosen for him: Enter again cannot send the project back to at risk.
        bob.press("Enter")
        bob.waitFor("Choose a status first")
        bob.press("Escape")
        // On disk: exactly alice's change, with her note.
        let lines = try String(contentsOfFile: data + "/journal.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        #expect(
            lines.first?.contains(
                #""author":"alice","project":"kirklees-mst","kind":"status","from":"at-risk","to":"active","note":"Provider back on board""#
            ) == true)
        // The project page shows the timeline.
        bob.press("Enter")
        let page = bob.waitFor("History (1)")
        #expect(page.contains("alice  at risk → active"))
        alice.press("q")
        bob.press("q", "q")
    }

    @Test func readOnlyShowsItsBannerAndRefusesEdits() throws {
        let data = try sampleCopy()
        let tmux = try Tmux()
        tmux.type("\(Spawn.caseboard) --data \(data) --read-only --screen projects")
        tmux.waitFor("Read-only: started with --read-only")
        tmux.press("c")
        tmux.waitFor("Read-only: started with --read-only", timeout: 2)
        let screen = tmux.screen()
        #expect(!screen.contains("Change status"))
        tmux.press("a")
        #expect(!tmux.screen().contains("Add a note"))
        tmux.press("q")
        #expect(!FileManager.default.fileExists(atPath: data + "/journal.jsonl"))
    }

    @Test func aNoteTypedInTheBrowserLandsOnDisk() throws {
        let data = try sampleCopy()
        let tmux = try open(data, as: "carol")
        tmux.press("Enter", "a")
        tmux.waitFor("Add a note")
        tmux.literal("Zoë called: funding decision on Friday")
        tmux.press("Enter")
        tmux.waitFor("note added to Multi-systemic therapy for 10–14s (Kirklees), saved")
        tmux.waitFor("Zoë called: funding decision on Friday")
        tmux.press("q", "q")
        let history = Spawn.run([Spawn.caseboard, "history", "kirklees-mst", "--data", data, "--format", "json"])
        let records = try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(records.count == 1)
        #expect(records.first?["note"] as? String == "Zoë called: funding decision on Friday")
        #expect(records.first?["author"] as? String == "carol")
    }
}
