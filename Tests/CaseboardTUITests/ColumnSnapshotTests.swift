import CaseboardKit
import Testing

@testable import CaseboardTUI
@testable import TerminalKit

/// Snapshots of the date filter, the funding totals, the column chooser and a sideways-scrolled list.
extension ScreenSnapshotTests {
    @Test(arguments: sizes) func dateFilterInThePanel(size: Size) {
        var state = Sample.state(size, screen: .projects)
        let firstDate = ProjectStatus.allCases.count + District.allCases.count
        Sample.press([.character("f")] + Array(repeating: Key.down, count: firstDate) + [.character(" ")], on: &state)
        check(state, "date-filter-panel")
        // s until the sort is on the end column (fewer columns before it at 80).
        Sample.press([.escape] + Array(repeating: Key.character("s"), count: size.width == 80 ? 3 : 5), on: &state)
        check(state, "ends-this-year-by-end")
    }

    @Test(arguments: sizes) func fundingTotalsAndAllStreamsByTheme(size: Size) {
        var state = Sample.state(size, screen: .funding)
        Sample.press(.character("G"), on: &state)
        check(state, "funding-totals")
    }

    @Test(arguments: sizes) func columnChooserAndSidewaysScroll(size: Size) {
        var state = Sample.state(size, screen: .projects)
        Sample.press(.character("C"), .down, .down, .down, .character(" "), .down, .down, .character("K"), on: &state)
        check(state, "column-chooser")
        // The lead made 20 wider: too wide for 140 columns too, so → scrolls rather than opens.
        Sample.press([.escape, .character("C"), .character("r"), .down, .down, .down], on: &state)
        Sample.press(Array(repeating: Key.character("+"), count: 10) + [.escape], on: &state)
        Sample.press(.right, on: &state)
        check(state, "columns-scrolled")
    }
}
