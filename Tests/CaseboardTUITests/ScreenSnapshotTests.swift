import CaseboardKit
import Foundation
import SnapshotTesting
import Testing

@testable import CaseboardTUI
@testable import TerminalKit

/// Every screen of the sample, rendered by the real `render` at 80×24 and 140×40, compared with text
/// snapshots in __Snapshots__/ (text and styles kept apart). A missing snapshot is recorded and the test
/// fails, so they change only on purpose: delete the file, run the tests, review the diff.
@Suite struct ScreenSnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 140, height: 40)]

    func check(
        _ state: AppState, _ name: String, styles: Bool = false, fileID: StaticString = #fileID, file: StaticString = #filePath,
        testName: String = #function, line: UInt = #line, column: UInt = #column
    ) {
        let frame = render(state).buffer
        let label = "\(name)-\(state.size.width)x\(state.size.height)"
        assertSnapshot(
            of: frame.text().joined(separator: "\n") + "\n", as: .lines, named: label, fileID: fileID, file: file, testName: testName,
            line: line, column: column)
        if styles {
            assertSnapshot(
                of: frame.styleRuns().joined(separator: "\n") + "\n", as: .lines, named: label + "-styles", fileID: fileID, file: file,
                testName: testName, line: line, column: column)
        }
    }

    @Test(arguments: sizes) func themes(size: Size) {
        check(Sample.state(size), "themes", styles: true)
    }

    @Test(arguments: sizes) func projects(size: Size) {
        check(Sample.state(size, screen: .projects), "projects", styles: true)
    }

    @Test(arguments: sizes) func funding(size: Size) {
        check(Sample.state(size, screen: .funding), "funding")
    }

    @Test(arguments: sizes) func partners(size: Size) {
        check(Sample.state(size, screen: .partners), "partners")
    }

    /// Each breakdown's table with its bars, one year of streams, and the theme filter's primary-theme money.
    @Test(arguments: sizes) func reports(size: Size) {
        var state = Sample.state(size, screen: .reports)
        check(state, "reports", styles: size.width == 80)
        Sample.press(.character("b"), on: &state)
        check(state, "reports-district")
        Sample.press(.character("b"), .character("b"), .character("b"), on: &state)
        check(state, "reports-stream")
        Sample.press(.character("Y"), .character("Y"), .character("Y"), .character("Y"), on: &state)
        check(state, "reports-stream-2021-22")
        Sample.press(.character("b"), .character("t"), .character("2"), on: &state)
        check(state, "reports-filtered")
    }

    @Test(arguments: sizes) func projectDetail(size: Size) {
        var state = Sample.state(size, screen: .projects)
        Sample.press(.character("/"), on: &state)
        // A search with one match opens it on Enter.
        Sample.press(Key.typing("gangs") + [.enter], on: &state)
        check(state, "project-detail")
    }

    /// Words in any order, a field word, and where the words occur highlighted (the styles show it).
    @Test(arguments: sizes) func searchHighlight(size: Size) {
        var state = Sample.state(size, screen: .projects)
        Sample.press([.character("/")] + Key.typing("status:active youth work") + [.enter], on: &state)
        check(state, "search-highlight", styles: true)
    }

    @Test(arguments: sizes) func partnerAndContactCards(size: Size) {
        var state = Sample.state(size, screen: .partners)
        Sample.press(Key.typing("/kirklees yo") + [.enter], on: &state)
        check(state, "partner-detail")
        Sample.press(.enter, on: &state)
        check(state, "contact-card")
    }

    @Test(arguments: sizes) func fundedProjects(size: Size) {
        var state = Sample.state(size, screen: .funding)
        Sample.press(.enter, on: &state)
        check(state, "stream-detail")
    }

    @Test(arguments: sizes) func themeFilterAppliesEverywhere(size: Size) {
        var state = Sample.state(size)
        Sample.press(.character("t"), on: &state)
        check(state, "theme-picker")
        Sample.press(.character("2"), on: &state)
        check(state, "themes-filtered")
        Sample.press(.character("2"), on: &state)
        check(state, "projects-filtered")
        Sample.press(.character("3"), on: &state)
        check(state, "funding-filtered")
        Sample.press(.character("4"), on: &state)
        check(state, "partners-filtered")
    }

    @Test(arguments: sizes) func filterPanelAndHelp(size: Size) {
        var state = Sample.state(size, screen: .projects)
        // "At risk in Kirklees": the panel's letters tick at once; it sits below the list at 80 columns and
        // beside it at 140, with the results in view.
        Sample.press(.character("f"), .character("r"), .character("K"), on: &state)
        check(state, "filter-panel", styles: size.width == 80)
        Sample.press(.escape, .character("?"), on: &state)
        check(state, "help")
    }

    /// A history of three changes, so the Activity screen and the project timeline have something to show.
    static func stateWithHistory(_ size: Size, screen: Screen) throws -> AppState {
        let directory = NSTemporaryDirectory() + "caseboard-snap-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: Sample.directory, toPath: directory)
        let store = try DataStore(directory: directory)
        let times = ["2026-11-02T09:15:00Z", "2026-11-03T14:40:00Z", "2026-11-04T08:05:00Z"].compactMap(JournalTime.parse)
        try store.setStatus(
            project: "kirklees-mst", to: .paused, note: "Provider contract under review", author: "aisha.khan", at: times[0])
        try store.addNote(
            project: "kirklees-mst", text: "Review meeting booked with the CSP for 10 November", author: "nadia.rahman", at: times[1])
        try store.setStatus(project: "grip-hotspot-patrols", to: .atRisk, note: "Venue under review", author: "grace.holroyd", at: times[2])
        return AppState(
            dataset: store.dataset, history: store.history, size: size, screen: screen, author: "aisha.khan",
            today: CalendarDate(year: 2026, month: 11, day: 5)!)
    }

    @Test(arguments: sizes) func activityAndTimeline(size: Size) throws {
        var state = try Self.stateWithHistory(size, screen: .activity)
        check(state, "activity", styles: size.width == 80)
        Sample.press(.down, .enter, on: &state)
        Sample.press(Array(repeating: Key.pageDown, count: 1), on: &state)
        check(state, "timeline")
    }

    /// On the list: Enter opens the lone match, Esc comes back to the list with the search kept.
    @Test(arguments: sizes) func statusPickerAndNoteEditor(size: Size) throws {
        var state = try Self.stateWithHistory(size, screen: .projects)
        Sample.press(
            [.character("/")] + Key.typing("multi-systemic") + [.enter, .escape, .character("c"), .down] + Key.typing("Back on"), on: &state
        )
        check(state, "status-picker")
        Sample.press(.escape, .character("a"), on: &state)
        Sample.press(Key.typing("Zoë rang about the venue"), on: &state)
        check(state, "note-editor")
    }

    /// The first Enter shows the move to check; after a refusal nothing is chosen and the reason stays in the panel.
    @Test func statusPickerChecksAndAfterARefusal() throws {
        var state = try Self.stateWithHistory(Size(width: 80, height: 24), screen: .projects)
        Sample.press(
            [.character("/")] + Key.typing("multi-systemic") + [.enter, .escape, .character("c"), .down] + Key.typing("Back on") + [.enter],
            on: &state)
        check(state, "status-picker-check")
        #expect(reduce(&state, .keyPressed(.enter)).count == 1)
        _ = reduce(
            &state,
            .changeRefused(
                "Refused: alice changed Multi-systemic therapy for 10–14s (Kirklees) to active at 2026-11-29 14:02 UTC; your change was based on paused. Nothing was saved",
                state.dataset, state.history))
        Sample.press(.character("!"), on: &state)
        check(state, "status-picker-after-refusal", styles: true)
    }

    @Test func aLongRefusalIsShownWhole() throws {
        var state = Sample.state(Size(width: 80, height: 24), screen: .projects)
        _ = reduce(
            &state,
            .changeRefused(
                "Refused: alice changed Multi-systemic therapy for 10–14s (Kirklees) to active at 2026-11-29 14:02 UTC; your change was based on at-risk. Nothing was saved",
                Sample.dataset, History()))
        check(state, "refusal", styles: true)
    }

    @Test func readOnlyBanner() {
        let state = AppState(
            dataset: Sample.dataset, size: Size(width: 80, height: 24), screen: .projects,
            readOnlyReason: "the data directory is not writable")
        check(state, "read-only", styles: true)
    }

    @Test func monochromeKeepsMeaningWithAttributes() {
        var state = Sample.state(Size(width: 80, height: 24), screen: .projects)
        state.colors = false
        check(state, "projects-mono", styles: true)
    }

    @Test func asciiFallbackForBars() {
        var state = Sample.state(Size(width: 80, height: 24), screen: .funding)
        state.unicode = false
        check(state, "funding-ascii")
    }

    @Test func loadingScreenShowsProgress() {
        let frame = renderLoading(
            size: Size(width: 80, height: 24), directory: "/srv/vru/caseboard", phase: LoadPhase.projects.label, fraction: 0.42,
            colors: true, unicode: true)
        assertSnapshot(of: frame.text().joined(separator: "\n") + "\n", as: .lines, named: "loading-80x24")
    }

    @Test func tooSmall() {
        check(Sample.state(Size(width: 50, height: 12)), "too-small")
    }
}
