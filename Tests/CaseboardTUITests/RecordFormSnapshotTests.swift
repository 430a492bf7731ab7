import CaseboardKit
import Testing

@testable import CaseboardTUI
@testable import TerminalKit

/// Snapshots of the record form: a new project part filled in (a date read, a date refused), a multi-picker
/// open over it, an edit refused because someone else changed the field, and the retire question.
extension ScreenSnapshotTests {
    @Test(arguments: sizes) func newProjectForm(size: Size) {
        var state = Sample.state(size, screen: .projects)
        Sample.press([.character("A")] + Key.typing("Street Doctors Wakefield") + [.enter] + Key.typing("early") + [.enter], on: &state)
        Sample.press([.tab, .tab] + Key.typing("wakefield csp") + [.enter, .tab, .tab] + Key.typing("1 April 2024"), on: &state)
        Sample.press([.tab] + Key.typing("31/02/2025"), on: &state)
        check(state, "form-new-project", styles: true)
        Sample.press([.backTab, .backTab, .character(" ")] + Key.typing("w") + [.character(" ")], on: &state)
        check(state, "form-districts-picker")
    }

    @Test(arguments: sizes) func refusedEditForm(size: Size) {
        var state = Sample.state(size, screen: .projects)
        let index = state.visibleProjects.firstIndex(of: Sample.row("kirklees-mst"))!
        Sample.press(Array(repeating: Key.down, count: index) + [.character("e")], on: &state)
        Sample.press(Array(repeating: Key.tab, count: 7) + Key.typing("31/03/2025") + [.control("s")], on: &state)
        let now = Sample.dataset.applying([.set(.project, "kirklees-mst", "end", from: .none, to: .text("2024-03-31"))])
        let reason =
            "Refused: your change to the end date of project kirklees-mst was based on (none), but it is now 2024-03-31 (bob changed it at 14:02). Nothing was saved"
        _ = reduce(&state, .changeRefused(reason, now, History()))
        check(state, "form-refused-edit")
    }

    @Test(arguments: sizes) func retireQuestion(size: Size) {
        var state = Sample.state(size, screen: .partners)
        Sample.press(.character("R"), on: &state)
        check(state, "retire-question")
    }
}
