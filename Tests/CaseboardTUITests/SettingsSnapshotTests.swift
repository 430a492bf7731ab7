import CaseboardKit
import SnapshotTesting
import Testing

@testable import CaseboardTUI
@testable import TerminalKit

/// What a broken settings file looks like at start-up: a banner that stays, and the first problem in the
/// footer until the next key. Snapshots as in ScreenSnapshotTests (delete the file to re-record on purpose).
@Suite struct SettingsSnapshotTests {
    @Test func aBrokenSettingsFileIsSaidAtStartUp() {
        var state = Sample.state(Size(width: 80, height: 24), screen: .projects)
        state.settingsWarning = "Settings file has problems: caseboard config --check"
        state.announce(
            Notice(
                "/home/amira/.config/caseboard/config.toml:3:1: unknown command \"fly\"; docs/keys.md lists every command's name (+1 more)",
                .warning))
        let frame = render(state).buffer
        assertSnapshot(of: frame.text().joined(separator: "\n") + "\n", as: .lines, named: "settings-warning-80x24")
        assertSnapshot(of: frame.styleRuns().joined(separator: "\n") + "\n", as: .lines, named: "settings-warning-80x24-styles")
    }

    @Test func theSavedViewsPanel() {
        var state = Sample.state(Size(width: 80, height: 24))
        state.views = [
            SavedView(name: "at-risk-kirklees", screen: .projects, filter: ProjectFilter(statuses: [.atRisk], districts: [.kirklees])),
            SavedView(name: "money", screen: .funding, sort: ProjectSort(.funding, descending: true)),
        ]
        Sample.press(.character("V"), .down, .character("d"), on: &state)
        assertSnapshot(of: render(state).buffer.text().joined(separator: "\n") + "\n", as: .lines, named: "view-list-80x24")
    }
}
