import CaseboardKit
import Testing

@testable import CaseboardTUI
@testable import TerminalKit

/// The Reports screen (6): `b` switches the breakdown, `Y` the year, the selection moves over the rows and
/// the Total row, and Enter opens what a row stands for. Figures are the sample's, added up by hand from
/// funding.json: £18,387,261 in all, £11,127,500 of it allocated.
@Suite struct ReportsScreenTests {
    let size = Size(width: 80, height: 24)
    static let allMoney: Pence = 1_838_726_100
    static let allocated: Pence = 1_112_750_000

    func reports() -> TestStore {
        let store = TestStore(Sample.state(size))
        store.press(.character("6")) {
            $0.screen = .reports
            $0.trail = [ViewStop(screen: .themes, details: [], backScreen: nil, filter: ProjectFilter())]
        }
        return store
    }

    @Test func bCyclesTheBreakdownsAndStartsEachAtTheTop() {
        let store = reports()
        #expect(store.state.fundingReport?.dimension == .theme)
        store.press(.character("j")) { $0.cursors[.reports] = ListCursor(selected: 1) }
        for by in [FundingDimension.district, .funder, .year, .stream, .theme] {
            store.press(.character("b")) {
                $0.reportChoice.by = by
                $0.cursors[.reports] = ListCursor()
                $0.message = Notice("Funding by \(by.rawValue)", .info)
            }
            let report = store.state.fundingReport
            #expect(report?.dimension == by)
            // Every breakdown adds up to the same money, to the penny.
            #expect(report?.total.total == Self.allMoney, "\(by)")
            #expect(report?.total.allocated == Self.allocated, "\(by)")
        }
    }

    @Test func theDistrictBreakdownCountsWestYorkshireWideOnItsOwnRow() throws {
        let store = reports()
        store.press(.character("b")) {
            $0.reportChoice.by = .district
            $0.message = Notice("Funding by district", .info)
        }
        let rows = try #require(store.state.fundingReport?.rows)
        let keys = rows.map(\.key)
        #expect(keys.contains("west-yorkshire") && keys.contains(FundingReport.severalDistrictsKey))
        #expect(rows.first { $0.key == "west-yorkshire" }?.label == "West Yorkshire-wide")
        #expect(keys.last == FundingReport.unallocatedKey)
        #expect(rows.reduce(0) { $0 + $1.total } == Self.allMoney)
    }

    @Test func theSelectionReachesTheTotalRowAndNoFurther() throws {
        let store = reports()
        let rows = try #require(store.state.fundingReport?.rows)
        // Four themes and Unallocated, then Total.
        #expect(rows.count == 5)
        #expect(store.state.rowCount(.reports) == 6)
        store.press(.character("G")) { $0.cursors[.reports] = ListCursor(selected: 5) }
        store.press(.down)
        #expect(ReportsScreen.selectedRow(store.state) == nil)
        store.press(.character("g")) { $0.cursors[.reports] = ListCursor() }
        #expect(ReportsScreen.selectedRow(store.state)?.key == "county-lines")
    }

    @Test func yStepsThroughTheYearsKeepingTheSelectedRow() {
        let store = reports()
        store.press(.character("j")) { $0.cursors[.reports] = ListCursor(selected: 1) }
        #expect(ReportsScreen.selectedRow(store.state)?.key == "early-intervention")
        let years = Sample.dataset.financialYears
        #expect(years.first == "2018/19" && years.count == 6)
        for year in years {
            store.press(.character("Y")) {
                $0.reportChoice.year = year
                $0.message = Notice("Funding in \(year)", .info)
            }
            #expect(store.state.fundingReport?.selection.year == year)
            #expect(ReportsScreen.selectedRow(store.state)?.key == "early-intervention", "\(year)")
        }
        store.press(.character("Y")) {
            $0.reportChoice.year = nil
            $0.message = Notice("Funding in every year", .info)
        }
    }

    @Test func aYearCountsOnlyThatYearsAllocations() throws {
        var state = Sample.state(size, screen: .reports)
        // 2021/22 is the VRU grant's one year: £2,275,000 allocated of £3,370,000.
        Sample.press(.character("Y"), .character("Y"), .character("Y"), .character("Y"), on: &state)
        #expect(state.reportChoice.year == "2021/22")
        let total = try #require(state.fundingReport?.total)
        #expect(total.allocated == 227_500_000)
        #expect(total.total == 337_000_000)
    }

    @Test func theThemeFilterNarrowsTheReportToPrimaryThemeMoney() throws {
        var state = Sample.state(size, screen: .reports)
        Sample.press(.character("t"), .character("2"), on: &state)
        #expect(state.filter.themes == ["early-intervention"])
        let report = try #require(state.fundingReport)
        #expect(report.selection.theme == "early-intervention")
        #expect(report.rows.map(\.key) == ["early-intervention"])
        // The Themes screen's figure for early intervention; unallocated money has no theme.
        #expect(report.total.total == 654_250_000)
        #expect(report.total.unallocated == 0)
    }

    @Test func enterOpensAStreamAFunderOrATheme() {
        var streams = Sample.state(size, screen: .reports)
        Sample.press(.character("b"), .character("b"), .character("b"), .character("b"), .enter, on: &streams)
        #expect(streams.details == [DetailState(target: .stream("eiyf-2018-20"))])

        var funders = Sample.state(size, screen: .reports)
        Sample.press(.character("b"), .character("b"), .enter, on: &funders)
        #expect(funders.details == [DetailState(target: .organisation("home-office"))])

        var themes = Sample.state(size, screen: .reports)
        Sample.press(.down, .enter, on: &themes)
        #expect(themes.screen == .projects)
        #expect(themes.filter.themes == ["early-intervention"])
        Sample.press(.escape, on: &themes)
        #expect(themes.screen == .reports)

        // Unallocated money and the Total row stand for nothing to open.
        var total = Sample.state(size, screen: .reports)
        Sample.press(.character("G"), .enter, on: &total)
        #expect(total.screen == .reports && total.details.isEmpty)
    }

    @Test func reportKeysSayWhereTheyWork() {
        var state = Sample.state(size, screen: .funding)
        Sample.press(.character("b"), on: &state)
        #expect(state.message == Notice("The breakdown applies to the Reports screen (6)", .warning))
        Sample.press(.character("Y"), on: &state)
        #expect(state.message == Notice("The year applies to the Reports screen (6)", .warning))
        #expect(state.reportChoice == ReportChoice())
    }

    @Test func otherFiltersAreSaidToBeLeftOut() {
        var state = Sample.state(size, screen: .reports)
        #expect(!state.reportIgnoresFilters)
        Sample.press(.character("f"), .character("r"), .escape, on: &state)
        #expect(state.reportIgnoresFilters)
        #expect(state.fundingReport?.total.total == Self.allMoney)
        let screen = render(state).buffer.text().joined(separator: "\n")
        #expect(screen.contains("Status, district, dates and search do not apply here; x clears them."), "\(screen)")
    }
}
