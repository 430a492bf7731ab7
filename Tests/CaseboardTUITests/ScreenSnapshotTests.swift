import CaseboardKit
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

    @Test(arguments: sizes) func projectDetail(size: Size) {
        var state = Sample.state(size, screen: .projects)
        Sample.press(.character("/"), on: &state)
        Sample.press(Key.typing("gangs") + [.enter, .enter], on: &state)
        check(state, "project-detail")
    }

    @Test(arguments: sizes) func partnerAndContactCards(size: Size) {
        var state = Sample.state(size, screen: .partners)
        Sample.press(Key.typing("/kirklees yo") + [.enter, .enter], on: &state)
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
        Sample.press(.character("f"), .down, .down, .down, .character(" "), on: &state)
        check(state, "filter-panel")
        Sample.press(.escape, .character("?"), on: &state)
        check(state, "help")
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

    @Test func tooSmall() {
        check(Sample.state(Size(width: 50, height: 12)), "too-small")
    }
}
