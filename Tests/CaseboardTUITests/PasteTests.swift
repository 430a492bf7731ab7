import CaseboardKit
import Testing

@testable import CaseboardTUI
@testable import TerminalKit

/// Pastes are text for a text field and nothing anywhere else; text fields stay cheap however much arrives.
@Suite struct PasteTests {
    let size = Size(width: 80, height: 24)

    func projectsState() -> AppState {
        AppState(dataset: Sample.dataset, size: size, screen: .projects, author: "alice")
    }

    @Test func aPasteInTheNoteEditorIsTextNeverEnterOrQ() {
        var state = projectsState()
        Sample.press(.character("a"), on: &state)
        #expect(reduce(&state, .keyPressed(.paste("met the head\nq"))) == [])
        #expect(!state.shouldQuit)
        guard case .noteEditor(_, let field) = state.overlay else {
            Issue.record("the note editor closed: \(state)")
            return
        }
        #expect(field.text == "met the head q")
        // CR LF, CR, tabs: one space each; other control characters never reach the field (or the screen).
        Sample.press(.paste("\r\n1\r2\t3\u{1B}[2J\u{07}\u{9B}4"), on: &state)
        guard case .noteEditor(let project, let cleaned) = state.overlay else { return }
        #expect(cleaned.text == "met the head q 1 2 3[2J4")
        #expect(
            reduce(&state, .keyPressed(.enter)) == [.saveNote(project: project, text: "met the head q 1 2 3[2J4")])
    }

    @Test func aPasteInTheStatusPickerGoesIntoTheNote() {
        var state = projectsState()
        let row = state.visibleProjects.firstIndex(of: Sample.row("kirklees-mst"))!
        Sample.press(Array(repeating: Key.down, count: row) + [.character("c")], on: &state)
        Sample.press(.paste("line one\nline two\r"), on: &state)
        guard case .statusPicker(let picker) = state.overlay else {
            Issue.record("the picker closed: \(state)")
            return
        }
        #expect(picker.note.text == "line one line two ")
        #expect(!picker.confirming)
    }

    @Test func aPasteOnTheSearchLineSearches() {
        var state = projectsState()
        Sample.press(.character("/"), .paste("multi-systemic\n"), on: &state)
        #expect(state.searchDraft == "multi-systemic ")
        #expect(state.filter.text == "multi-systemic ")
        #expect(!state.shouldQuit)
    }

    @Test func aPasteOutsideATextFieldIsIgnoredAndSaysSo() {
        let start = projectsState()
        var state = start
        // Would be "change status, choose, save" and then "quit" if it ran as keys.
        #expect(reduce(&state, .keyPressed(.paste("c\r\rq"))) == [])
        #expect(state.message == Notice("Paste ignored: paste into a text field such as / search or a note", .warning))
        #expect(state.overlay == nil && !state.shouldQuit && state.screen == start.screen && state.cursors == start.cursors)
        // The same inside panels that have no text field.
        Sample.press(.character("f"), on: &state)
        Sample.press(.paste(" x"), on: &state)
        #expect(state.filter == start.filter)
        #expect(state.message?.text.hasPrefix("Paste ignored") == true)
    }

    @Test func aHugePasteThenTypingStaysWithinTheCap() {
        var field = TextField(limit: TextField.noteLimit)
        #expect(field.handle(.paste(String(repeating: "ab\n", count: 33_334))) == .cut)
        #expect(field.characters.count == TextField.noteLimit)
        #expect(field.text.hasPrefix("ab ab "))
        for index in 0..<1_000 {
            #expect(field.handle(.character("x")) == .cut, "typed character \(index)")
            #expect(field.characters.count == TextField.noteLimit)
        }
        // Editing in the middle still works at the cap: delete one, type one.
        _ = field.handle(.home)
        _ = field.handle(.delete)
        #expect(field.handle(.character("Z")) == .edited)
        #expect(field.text.hasPrefix("Zb ab"))
        #expect(field.characters.count == TextField.noteLimit)
        let shown = field.visible(width: 40)
        #expect(shown.text == "Zb ab ab ab ab ab ab ab ab ab ab ab ab a")
        #expect(shown.cursorColumn == 1)
    }

    @Test func theReducerSaysWhenAPasteWasCut() {
        var state = projectsState()
        Sample.press(.character("a"), .paste(String(repeating: "é", count: 100_000)), on: &state)
        #expect(state.message == Notice("A note can be at most 2,000 characters; the rest was left out", .warning))
        Sample.press(Key.typing(String(repeating: "y", count: 1_000)), on: &state)
        guard case .noteEditor(_, let note) = state.overlay else {
            Issue.record("the note editor closed: \(state)")
            return
        }
        #expect(note.characters.count == TextField.noteLimit)
        #expect(note.text == String(repeating: "é", count: 2_000))
        // The search line has its own, shorter cap, and the footer shows the message above the search.
        var search = projectsState()
        Sample.press(.character("/"), .paste(String(repeating: "knife ", count: 1_000)), on: &search)
        #expect(search.searchDraft?.count == TextField.searchLimit)
        #expect(search.message == Notice("A search can be at most 200 characters; the rest was left out", .warning))
        let rows = render(search).buffer.text()
        #expect(rows[rows.count - 2].contains("A search can be at most 200 characters; the rest was left out"))
        #expect(rows[rows.count - 1].contains("Search: "))
    }

    @Test func theVisibleWindowFollowsTheCursor() {
        var field = TextField("0123456789abcdefghij", limit: 100)
        #expect(field.visible(width: 10) == ("bcdefghij", 9))
        for _ in 0..<15 { _ = field.handle(.left) }
        #expect(field.visible(width: 10) == ("0123456789", 5))
        _ = field.handle(.home)
        #expect(field.visible(width: 10) == ("0123456789", 0))
        // Wide characters are measured as two columns.
        let wide = TextField("漢字漢字漢字", limit: 100)
        #expect(wide.visible(width: 6) == ("漢字", 4))
    }
}
