import CaseboardKit
import Foundation
import Testing

@testable import CaseboardTUI
@testable import TerminalKit

/// Changing statuses and adding notes: the reducer's side (effects out, results in) and, with real stores
/// on one directory, two sessions side by side.
@Suite struct EditingTests {
    let size = Size(width: 80, height: 24)

    func projectsState(selecting id: String, author: String = "alice") -> AppState {
        var state = AppState(dataset: Sample.dataset, size: size, screen: .projects, author: author)
        let index = state.visibleProjects.firstIndex(of: Sample.row(id))!
        Sample.press(Array(repeating: Key.down, count: index), on: &state)
        return state
    }

    @Test func cOffersOnlyTheAllowedMovesAndEnterSavesWithTheExpectedStatus() {
        var state = projectsState(selecting: "kirklees-mst")
        Sample.press(.character("c"), on: &state)
        guard case .statusPicker(let picker) = state.overlay else {
            Issue.record("no status picker: \(state)")
            return
        }
        #expect(picker.from == .atRisk)
        #expect(picker.options == [.active, .paused, .completed, .closed])
        Sample.press(.down, on: &state)
        Sample.press(Key.typing("Provider pulled out"), on: &state)
        // The first Enter only shows what would change.
        #expect(reduce(&state, .keyPressed(.enter)) == [])
        guard case .statusPicker(let checking) = state.overlay else {
            Issue.record("the picker closed on the first Enter: \(state)")
            return
        }
        #expect(checking.confirmation == "at risk → paused — Enter to save, Esc to go back")
        #expect(render(state).buffer.text().contains { $0.contains("at risk → paused — Enter to save, Esc to go back") })
        // Esc goes back to choosing, not out of the panel.
        Sample.press(.escape, on: &state)
        guard case .statusPicker(let back) = state.overlay, back.confirmation == nil, back.choice == .paused else {
            Issue.record("Esc did not go back to choosing: \(state)")
            return
        }
        Sample.press(.enter, on: &state)
        #expect(
            reduce(&state, .keyPressed(.enter)) == [
                .saveStatus(project: "kirklees-mst", from: .atRisk, to: .paused, note: "Provider pulled out")
            ])
        #expect(state.overlay == nil)
    }

    @Test func aRefusalLeavesNothingChosenSoARetryCannotUndoTheOtherChange() {
        var state = projectsState(selecting: "kirklees-mst")
        Sample.press(.character("c"), on: &state)
        Sample.press(Key.typing("Waiting on the provider"), on: &state)
        Sample.press(.enter, on: &state)
        #expect(reduce(&state, .keyPressed(.enter)).count == 1)
        let reason =
            "Refused: alice changed Multi-systemic therapy for 10–14s (Kirklees) to at risk at 14:02; your change was based on active"
        _ = reduce(&state, .changeRefused(reason, Sample.dataset, History()))
        guard case .statusPicker(let reopened) = state.overlay else {
            Issue.record("no picker after the refusal: \(state)")
            return
        }
        #expect(reopened.selected == nil)
        #expect(reopened.choice == nil)
        #expect(reopened.refusal == reason)
        #expect(reopened.note.text == "Waiting on the provider")
        // What changed, and who changed it, stays in the panel after the footer message is gone.
        Sample.press(.character(" "), .backspace, on: &state)
        #expect(state.message == nil)
        #expect(render(state).buffer.text().contains { $0.contains("Refused: alice changed") })
        // Enter with nothing chosen, however often, saves nothing and says what to do.
        for _ in 0..<3 {
            #expect(reduce(&state, .keyPressed(.enter)) == [])
            #expect(state.message?.text.hasPrefix("Choose a status") == true)
        }
        guard case .statusPicker(let waiting) = state.overlay else {
            Issue.record("the picker closed: \(state)")
            return
        }
        #expect(waiting.selected == nil && !waiting.confirming)
        // An explicit choice, checked, then saved.
        Sample.press(.up, .enter, on: &state)
        #expect(
            reduce(&state, .keyPressed(.enter)) == [
                .saveStatus(project: "kirklees-mst", from: .atRisk, to: .closed, note: "Waiting on the provider")
            ])
    }

    @Test func escapeCancelsAndSaysNothingWasSaved() {
        var state = projectsState(selecting: "kirklees-mst")
        Sample.press(.character("c"), .escape, on: &state)
        #expect(state.overlay == nil)
        #expect(state.message == Notice("Status change cancelled; nothing was saved"))
        Sample.press(.character("a"), .character("x"), .escape, on: &state)
        #expect(state.message == Notice("Note discarded; nothing was saved"))
    }

    @Test func aNoteNeedsText() {
        var state = projectsState(selecting: "gangs-schools-programme")
        Sample.press(.character("a"), on: &state)
        #expect(reduce(&state, .keyPressed(.enter)) == [])
        #expect(state.message == Notice("Type a note first, or Esc to cancel", .warning))
        Sample.press(Key.typing("Met the head teachers") + [.left, .left, .backspace], on: &state)
        #expect(reduce(&state, .keyPressed(.enter)) == [.saveNote(project: "gangs-schools-programme", text: "Met the head teachrs")])
    }

    @Test func closedProjectsAndReadOnlySessionsSayWhy() {
        var state = projectsState(selecting: "serious-violence-task-force")
        Sample.press(.character("c"), on: &state)
        #expect(state.overlay == nil)
        #expect(state.message?.text == "Serious Violence Task Force input is closed; a closed project cannot change status")
        var readOnly = AppState(dataset: Sample.dataset, size: size, screen: .projects, readOnlyReason: "started with --read-only")
        Sample.press(.character("c"), on: &readOnly)
        #expect(readOnly.overlay == nil)
        #expect(readOnly.message == Notice("Changes are off in this session (read-only: started with --read-only)", .warning))
        var themes = Sample.state(size)
        Sample.press(.character("a"), on: &themes)
        #expect(themes.message == Notice("Select a project first (2 for Projects)", .warning))
    }

    @Test func twoSessionsOnOneDirectory() throws {
        let directory = NSTemporaryDirectory() + "caseboard-tui-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: Sample.directory, toPath: directory)
        let storeA = try DataStore(directory: directory)
        let storeB = try DataStore(directory: directory)
        let backendA = MemoryBackend(size: size)
        let backendB = MemoryBackend(size: size)
        let a = AppRunner(
            state: AppState(dataset: storeA.dataset, history: storeA.history, size: size, author: "alice"), backend: backendA, store: storeA
        )
        let b = AppRunner(
            state: AppState(dataset: storeB.dataset, history: storeB.history, size: size, author: "bob"), backend: backendB, store: storeB)
        for runner in [a, b] {
            runner.dispatch(.keyPressed(.character("2")))
            for key in [Key.character("/")] + Key.typing("multi-systemic") + [.enter] { runner.dispatch(.keyPressed(key)) }
        }
        #expect(a.state.visibleProjects == [Sample.row("kirklees-mst")])
        // Both open the picker on at-risk; alice saves first.
        a.dispatch(.keyPressed(.character("c")))
        b.dispatch(.keyPressed(.character("c")))
        a.dispatch(.keyPressed(.enter))
        a.dispatch(.keyPressed(.enter))
        #expect(a.state.message == Notice("Multi-systemic therapy for 10–14s (Kirklees) → active, saved", .success))
        #expect(a.state.dataset.project("kirklees-mst")?.status == .active)
        // Bob's screen catches up on its idle tick, keeping the cursor on the project.
        b.tick()
        #expect(b.state.dataset.project("kirklees-mst")?.status == .active)
        #expect(b.state.message == Notice("alice: Multi-systemic therapy for 10–14s (Kirklees) → active"))
        #expect(backendB.screenText.contains { $0.contains("Multi-systemic therapy") && $0.contains("active") })
        // Bob's picker was opened on the old status: it says so at once, and his change is refused, naming alice.
        guard case .statusPicker(let stale) = b.state.overlay else {
            Issue.record("bob's picker closed: \(b.state)")
            return
        }
        #expect(stale.changedMeanwhile?.hasPrefix("alice changed it to active at ") == true)
        b.dispatch(.keyPressed(.down))
        for key in Key.typing("Waiting on the provider") { b.dispatch(.keyPressed(key)) }
        b.dispatch(.keyPressed(.enter))
        b.dispatch(.keyPressed(.enter))
        #expect(b.state.message?.tone == .warning)
        #expect(
            b.state.message?.text.hasPrefix("Refused: alice changed Multi-systemic therapy for 10–14s (Kirklees) to active at ") == true)
        #expect(b.state.dataset.project("kirklees-mst")?.status == .active)
        // What bob typed is not lost: the picker is open again on the new status, with his note.
        guard case .statusPicker(let reopened) = b.state.overlay else {
            Issue.record("no picker after the refusal: \(b.state)")
            return
        }
        #expect(reopened.from == .active)
        #expect(reopened.note.text == "Waiting on the provider")
        #expect(reopened.changedMeanwhile == nil)
        // Nothing is chosen, so Enter cannot send alice's project back where she moved it from.
        #expect(reopened.selected == nil)
        b.dispatch(.keyPressed(.enter))
        b.dispatch(.keyPressed(.enter))
        #expect(b.state.dataset.project("kirklees-mst")?.status == .active)
        #expect(b.state.message?.text.hasPrefix("Choose a status") == true)
        b.dispatch(.keyPressed(.escape))
        // Alice undoes her change; bob sees it go back.
        a.dispatch(.keyPressed(.character("u")))
        #expect(a.state.message == Notice("Undone: Multi-systemic therapy for 10–14s (Kirklees) back to at risk, saved", .success))
        #expect(a.state.sessionEvents.isEmpty)
        b.tick()
        #expect(b.state.dataset.project("kirklees-mst")?.status == .atRisk)
        // What landed on disk: two lines, alice's change and her undo.
        let lines = try String(contentsOfFile: directory + "/journal.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains(#""author":"alice""#) })
    }
}
