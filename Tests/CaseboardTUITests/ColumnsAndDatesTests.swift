import CaseboardKit
import Testing

@testable import CaseboardTUI
@testable import TerminalKit

/// The keys added for dates, columns, funding totals and the Activity period: state in, keys, state out.
@Suite struct ColumnsAndDatesTests {
    let narrow = Size(width: 80, height: 24)

    func after(_ keys: Key..., from start: AppState) -> AppState {
        var state = start
        Sample.press(keys, on: &state)
        return state
    }

    /// The filter panel's first date choice ("ends this financial year") is after the statuses and districts.
    var firstDateChoice: Int { ProjectStatus.allCases.count + District.allCases.count }

    @Test func sCyclesThroughTheColumnsOnScreen() {
        // At 80 columns: title, status, district, end, funding.
        var state = Sample.state(narrow, screen: .projects)
        #expect(ProjectsView.visibleSortKeys(state) == [.title, .status, .district, .end, .funding])
        var seen: [ProjectSortKey] = []
        for _ in 0..<5 {
            Sample.press(.character("s"), on: &state)
            seen.append(state.sort.key)
        }
        #expect(seen == [.status, .district, .end, .funding, .title])
        Sample.press(.character("s"), .character("s"), .character("s"), on: &state)
        #expect(state.sort == ProjectSort(.end))
        #expect(state.message == Notice("Sorted by end (ascending)"))
        #expect(render(state).buffer.text()[2].contains("END ▲"))
        Sample.press(.character("S"), on: &state)
        #expect(render(state).buffer.text()[2].contains("END ▼"))
        state.unicode = false
        #expect(render(state).buffer.text()[2].contains("END v"))
        // Latest end first, the open-ended last.
        #expect(Sample.ids(Array(state.visibleProjects.prefix(1))) == ["violence-problem-profile"])
        #expect(state.visibleProjects.suffix(21).allSatisfy { Sample.dataset.projects.ends[$0] == 0 })
    }

    @Test func theDateFilterInThePanel() {
        let start = Sample.state(narrow, screen: .projects)
        var state = after(.character("f"), from: start)
        // Down through the statuses and districts to the Dates section.
        Sample.press(Array(repeating: Key.down, count: firstDateChoice), on: &state)
        #expect(state.overlay == .filterPanel(selected: firstDateChoice))
        Sample.press(.character(" "), on: &state)
        #expect(state.filter.dates == .endsInFinancialYear(of: Sample.today))
        #expect(state.visibleProjects.count == 10)
        #expect(Header.chips(state) == ["Dates: ends this financial year (2019/20)"])
        // One date choice at a time: "ends within 90 days" replaces it; ticking it again clears it.
        Sample.press(.down, .character(" "), on: &state)
        #expect(state.filter.dates == .endsWithin(days: 90, of: Sample.today))
        #expect(state.visibleProjects.count == 5)
        Sample.press(.character(" "), on: &state)
        #expect(state.filter.dates.isEmpty)
        #expect(state.visibleProjects.count == 36)
        // → goes across to the years; the first is 2018/19.
        Sample.press(.up, .right, on: &state)
        #expect(state.overlay == .filterPanel(selected: firstDateChoice + 3))
        Sample.press(.down, .down, .down, .character(" "), on: &state)
        #expect(state.filter.dates == .startedIn(FinancialYearSpan("2021/22")!))
        #expect(state.visibleProjects.count == 9)
        Sample.press(.left, on: &state)
        #expect(state.overlay == .filterPanel(selected: firstDateChoice + 2))
        // x clears the panel's choices, dates included.
        Sample.press(.character("x"), on: &state)
        #expect(state.filter == ProjectFilter())
    }

    @Test func theColumnChooserShowsOrdersAndWidens() {
        let start = Sample.state(narrow, screen: .projects)
        var state = after(.character("C"), from: start)
        #expect(state.overlay == .columnChooser(ColumnChooser(screen: .projects)))
        // Nothing changes until something is chosen.
        #expect(state.columnLayouts.isEmpty)
        // Hide the theme (second row), move the end column up to second place, widen it.
        Sample.press(.down, .character(" "), on: &state)
        Sample.press(Array(repeating: Key.down, count: 5), on: &state)
        Sample.press(.character("K"), .character("K"), .character("K"), .character("K"), .character("K"), on: &state)
        Sample.press(.character("+"), on: &state)
        let layout = state.columnLayouts[.projects]!
        #expect(layout.entries.map(\.id) == ["title", "end", "theme", "status", "lead", "district", "start", "funding"])
        #expect(layout.entries.filter { !$0.shown }.map(\.id) == ["theme"])
        #expect(layout.entries[1].width == 13)
        #expect(!layout.fitToWidth)
        #expect(state.overlay == .columnChooser(ColumnChooser(screen: .projects, selected: 1)))
        Sample.press(.escape, on: &state)
        #expect(state.overlay == nil)
        // The header follows the layout: end after the title, 13 wide.
        let header = render(state).buffer.text()[2]
        #expect(header.hasPrefix(" TITLE ▲"))
        #expect(header.contains("END           STATUS"))
        // r in the chooser goes back to the screen's own layout.
        Sample.press(.character("C"), .character("r"), on: &state)
        #expect(state.columnLayouts[.projects] == nil)
    }

    @Test func arrowsScrollSidewaysOnlyWhenColumnsOverflow() {
        var state = Sample.state(narrow, screen: .projects)
        // Everything fits (the layout leaves columns out): → opens, ← goes back.
        #expect(!Columns.scrollsSideways(state))
        Sample.press(.right, on: &state)
        #expect(state.details.count == 1)
        Sample.press(.left, on: &state)
        #expect(state.details.isEmpty)
        // A chosen layout keeps every column, so at 80 they overflow and ← → scroll.
        Sample.press(.character("C"), .character("J"), .character("K"), .escape, on: &state)
        #expect(Columns.scrollsSideways(state))
        let before = render(state).buffer.text()[2]
        #expect(before.contains("THEME") && before.hasSuffix("›"))
        Sample.press(.right, on: &state)
        #expect(state.details.isEmpty)
        #expect(state.columnScroll[.projects] == 1)
        let after = render(state).buffer.text()[2]
        // The title stays; the theme has scrolled off.
        #expect(after.hasPrefix(" TITLE ▲") && !after.contains("THEME") && after.contains("‹"))
        Sample.press(Array(repeating: Key.right, count: 10), on: &state)
        let last = render(state).buffer.text()[2]
        #expect(last.contains("FUNDING") && !last.hasSuffix("›"))
        Sample.press(Array(repeating: Key.left, count: 10), on: &state)
        #expect(state.columnScroll[.projects] == 0)
        #expect(state.details.isEmpty)
        // h and l keep their meaning.
        Sample.press(.character("l"), on: &state)
        #expect(state.details.count == 1)
    }

    @Test func datesAreWrittenInTheChosenStyle() {
        var state = Sample.state(narrow, screen: .projects)
        let row = state.visibleProjects.firstIndex(of: Sample.row("micro-charities-fund"))!
        #expect(render(state).buffer.text()[3 + row].contains("31 Oct 2022"))
        state.dateStyle = .iso
        #expect(render(state).buffer.text()[3 + row].contains("2022-10-31"))
        #expect(DateStyle.uk.format(time: "2026-11-04T08:05:00Z", year: false) == "04 Nov 08:05")
        #expect(DateStyle.iso.format(time: "2026-11-04T08:05:00Z", year: false) == "2026-11-04 08:05")
        #expect(DateStyle.uk.format(CalendarDate(year: 2022, month: 3, day: 31)!) == "31 Mar 2022")
    }

    @Test func dCyclesTheActivityPeriod() throws {
        // Changes on 2 and 3 November at 08:05 and later, and 4 November; today is 5 November 2026.
        var state = try ScreenSnapshotTests.stateWithHistory(narrow, screen: .activity)
        #expect(state.activity.count == 3)
        Sample.press(.character("d"), on: &state)
        #expect(state.activityWindow == .week)
        #expect(state.activity.count == 3)
        #expect(state.message == Notice("Activity: last 7 days"))
        state.today = CalendarDate(year: 2026, month: 11, day: 9)!
        // Today is part of the memo's key for the figures, so a new day recomputes them.
        state.refreshDerived(Memo())
        // 3 to 9 November: the change of the 2nd has dropped out.
        #expect(state.activity.count == 2)
        Sample.press(.character("d"), on: &state)
        #expect(state.activityWindow == .month)
        #expect(state.activity.count == 3)
        Sample.press(.character("d"), on: &state)
        #expect(state.activityWindow == .all)
        // Only on the Activity screen.
        let elsewhere = after(.character("d"), from: Sample.state(narrow, screen: .projects))
        #expect(elsewhere.message?.tone == .warning)
        #expect(elsewhere.activityWindow == .all)
    }

    /// "How much goes to early intervention across all streams?" The Themes screen and the Funding screen
    /// give the same answer. Hand-added from funding.json (allocations to projects whose primary theme is
    /// early intervention): EIYF £787,500; PEG fund £125,000; VRU 2021/22 £1,780,000; VRU 2022/23 £1,915,000;
    /// VRU 2023/24 £1,935,000; the Grip streams nothing: £6,542,500.
    @Test func themesAndFundingAgreeOnEarlyIntervention() {
        let pounds: Pence = 100
        let themes = Sample.state(narrow)
        let early = Sample.dataset.themeIndex["early-intervention"]!
        #expect(themes.themeStats[early].allocated == 6_542_500 * pounds)
        var funding = Sample.state(narrow, screen: .funding)
        #expect(funding.themeFunding[early].primary == 6_542_500 * pounds)
        let perStream = Sample.dataset.funding.map { Sample.dataset.themeFunding(in: .all, stream: $0.id)[early].primary }
        #expect(perStream == [787_500, 125_000, 1_780_000, 1_915_000, 0, 1_935_000, 0].map { $0 * pounds })
        // The Early Intervention Youth Fund: £1,121,395 in all = £85,000 county lines + £787,500 early
        // intervention + £248,895 unallocated.
        let eiyf = Sample.dataset.funding[0]
        #expect(eiyf.total == 1_121_395 * pounds)
        let byTheme = Sample.dataset.themeFunding(in: .all, stream: eiyf.id).map(\.primary)
        #expect(byTheme.reduce(0, +) + eiyf.unallocated == eiyf.total)
        // On screen: the totals row, then the same £6,542,500 in the all-streams breakdown.
        Sample.press(.character("G"), on: &funding)
        let screen = render(funding).buffer.text()
        #expect(screen.contains { $0.contains("Total, all streams") && $0.contains("£18,387,261") && $0.contains("£11,127,500") })
        #expect(screen.contains { $0.contains("All streams by primary theme") })
        #expect(screen.contains { $0.contains("Early intervention") && $0.contains("£6,542,500") })
        #expect(render(themes).buffer.text().contains { $0.contains("19 projects") && $0.contains("£6,542,500") })
    }
}
