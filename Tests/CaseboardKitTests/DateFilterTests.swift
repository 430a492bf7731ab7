import Foundation
import Testing

@testable import CaseboardKit

/// Date filters and date sorting on the West Yorkshire sample, answers worked out by hand from projects.json.
@Suite struct DateFilterTests {
    let dataset: Dataset

    init() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/west-yorkshire").path
        dataset = try DatasetLoader.load(directory: directory)
    }

    func ids(_ dates: DateFilter) -> Set<String> {
        Set(dataset.matchingRows(ProjectFilter(dates: dates)).map { dataset.projects[$0].id })
    }

    func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test func dayArithmeticRoundTripsAndCrossesMonthsAndLeapDays() {
        #expect(date("1970-01-01").dayNumber == 0)
        #expect(date("2020-02-28").adding(days: 1) == date("2020-02-29"))
        #expect(date("2020-02-29").adding(days: 1) == date("2020-03-01"))
        #expect(date("2021-12-31").adding(days: 1) == date("2022-01-01"))
        #expect(date("2020-01-15").adding(days: 90) == date("2020-04-14"))
        for text in ["0001-01-01", "1899-12-31", "2000-02-29", "9999-12-31"] {
            #expect(CalendarDate(dayNumber: date(text).dayNumber) == date(text))
        }
    }

    @Test func financialYearsRunAprilToMarch() {
        #expect(date("2022-03-31").financialYear.description == "2021/22")
        #expect(date("2022-04-01").financialYear.description == "2022/23")
        #expect(FinancialYearSpan("2099/00")?.last == date("2100-03-31"))
        #expect(FinancialYearSpan("2021/23") == nil)
        #expect(
            dataset.startFinancialYears.map(\.description) == ["2018/19", "2019/20", "2020/21", "2021/22", "2022/23", "2023/24", "2024/25"])
    }

    @Test func endsThisFinancialYear() {
        // 15 January 2020 is in 2019/20: every project ending 1 April 2019 – 31 March 2020, already ended or not.
        #expect(
            ids(.endsInFinancialYear(of: date("2020-01-15")))
                == [
                    "knife-crime-awareness", "police-knife-crime-review", "wy-partnership-event", "serious-violence-youth-summit",
                    "serious-violence-task-force", "public-health-approach-event", "calderdale-early-intervention-team",
                    "bradford-detached-youth-work", "wakefield-fire-cadets", "wakefield-exploitation-awareness",
                ])
    }

    @Test func endsWithinNinetyDaysCountsFromToday() {
        #expect(
            ids(.endsWithin(days: 90, of: date("2020-01-15")))
                == [
                    "public-health-approach-event", "calderdale-early-intervention-team", "bradford-detached-youth-work",
                    "wakefield-fire-cadets", "wakefield-exploitation-awareness",
                ])
        // The day itself and the 90th day count; the 91st does not.
        #expect(ids(.endsWithin(days: 90, of: date("2020-02-26"))).contains("public-health-approach-event"))
        #expect(!ids(.endsWithin(days: 90, of: date("2020-02-27"))).contains("public-health-approach-event"))
        #expect(ids(.endsWithin(days: 90, of: date("2019-11-28"))).contains("public-health-approach-event"))
        #expect(!ids(.endsWithin(days: 90, of: date("2019-11-27"))).contains("public-health-approach-event"))
    }

    @Test func startedInAFinancialYearAndNoEndDate() {
        #expect(
            ids(.startedIn(FinancialYearSpan("2021/22")!))
                == [
                    "knifefree-summer-campaign", "ae-navigators-bradford", "custody-diversion", "youth-work-point-of-arrest",
                    "safer-communities-fund", "micro-charities-fund", "halifax-cafe-conversations", "grip-hotspot-patrols",
                    "dewsbury-mentoring",
                ])
        let open = ids(.openEnded)
        #expect(open.count == 21)
        #expect(open.contains("gangs-schools-programme") && !open.contains("micro-charities-fund"))
        // Dates combine with the other filters.
        let activeOpen = dataset.matchingRows(ProjectFilter(statuses: [.atRisk], dates: .openEnded)).map { dataset.projects[$0].id }
        #expect(Set(activeOpen) == ["wetherby-searching", "kirklees-mst", "youth-work-point-of-arrest", "dewsbury-mentoring"])
    }

    @Test func projectsWithoutADateSortLastInBothDirections() {
        let all = Array(dataset.projects.indices)
        for descending in [false, true] {
            let ends = dataset.sorted(all, by: ProjectSort(.end, descending: descending)).map { dataset.projects.ends[$0] }
            let dated = ends.prefix { $0 != 0 }
            #expect(dated.count == 15)
            #expect(ends.dropFirst(dated.count).allSatisfy { $0 == 0 })
            #expect(Array(dated) == dated.sorted(by: descending ? (>) : (<)))
        }
        let first = dataset.sorted(all, by: ProjectSort(.end)).first.map { dataset.projects[$0].id }
        #expect(first == "police-knife-crime-review")
    }
}
