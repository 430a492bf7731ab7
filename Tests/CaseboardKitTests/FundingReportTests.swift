import Foundation
import Testing

@testable import CaseboardKit

/// Expected figures are added up by hand from Fixtures/west-yorkshire/funding.json and projects.json.
@Suite struct FundingReportTests {
    let dataset: Dataset
    let eiyf = "eiyf-2018-20"

    init() throws { dataset = try DatasetLoader.load(directory: MiniData.fixturesPath) }

    func report(_ by: FundingDimension, _ selection: FundingSelection = FundingSelection()) throws -> FundingReport {
        try dataset.fundingReport(by: by, selection)
    }

    func row(_ report: FundingReport, _ key: String) -> FundingReportRow? { report.rows.first { $0.key == key } }

    /// £ to pence, so the expectations read like the report.
    func pounds(_ value: Int64) -> Pence { value * 100 }

    @Test func youthFundByTheme() throws {
        let report = try report(.theme, FundingSelection(stream: eiyf))
        #expect(report.total.total == pounds(1_121_395))
        #expect(report.total.allocated == pounds(872_500))
        #expect(report.total.unallocated == pounds(248_895))
        #expect(row(report, "early-intervention")?.allocated == pounds(787_500))
        #expect(row(report, "county-lines")?.allocated == pounds(85_000))
        #expect(row(report, "communities")?.allocated == 0)
        #expect(row(report, "law-enforcement")?.allocated == 0)
        #expect(row(report, FundingReport.unallocatedKey)?.unallocated == pounds(248_895))
        // Tagged communities: Premier League Kicks 45,000 + 90,000, Bradford detached youth work 55,000 + 110,000,
        // Wakefield exploitation awareness 85,000; shown beside communities, not added to it.
        #expect(row(report, "communities")?.alsoTagged == pounds(385_000))
        #expect(row(report, "early-intervention")?.alsoTagged == 0)
    }

    @Test func allStreamsTotalsAndThemes() throws {
        let byTheme = try report(.theme)
        #expect(byTheme.total.total == pounds(18_387_261))
        #expect(byTheme.total.allocated == pounds(11_127_500))
        #expect(byTheme.total.unallocated == pounds(7_259_761))
        #expect(row(byTheme, "early-intervention")?.allocated == pounds(6_542_500))
        #expect(row(byTheme, "county-lines")?.allocated == pounds(85_000))
        #expect(row(byTheme, "communities")?.allocated == pounds(1_195_000))
        #expect(row(byTheme, "law-enforcement")?.allocated == pounds(3_305_000))
        // Secondary tags are shown, never added: the total is the allocated money, not more.
        let tagged = byTheme.rows.compactMap(\.alsoTagged).reduce(0, +)
        #expect(tagged == pounds(140_000 + 140_000 + 2_950_000 + 2_950_000))
        #expect(byTheme.total.alsoTagged == nil)
    }

    @Test func vruGrant2021ByStreamAndByYear() throws {
        let byStream = try report(.stream, FundingSelection(stream: "vru-grant-2021-22"))
        #expect(byStream.rows.count == 1)
        #expect(byStream.total.total == pounds(3_370_000))
        #expect(byStream.total.allocated == pounds(2_275_000))
        #expect(byStream.total.unallocated == pounds(1_095_000))
        let byYear = try report(.stream, FundingSelection(year: "2021/22"))
        #expect(byYear.rows.map(\.key) == ["vru-grant-2021-22"])
        #expect(byYear.total.total == pounds(3_370_000))
    }

    @Test func eachBreakdownAgreesWithTheWholeToThePenny() throws {
        for by in FundingDimension.allCases {
            for selection in [
                FundingSelection(), FundingSelection(stream: eiyf), FundingSelection(year: "2022/23"),
                FundingSelection(theme: "early-intervention"), FundingSelection(stream: "peg-fund", year: "2020/21"),
            ] {
                let report = try report(by, selection)
                let allocated = report.rows.reduce(Pence(0)) { $0 + $1.allocated }
                let unallocated = report.rows.reduce(Pence(0)) { $0 + $1.unallocated }
                #expect(report.total.allocated == allocated, "\(by) \(selection)")
                #expect(report.total.unallocated == unallocated, "\(by) \(selection)")
                #expect(report.total.total == allocated + unallocated, "\(by) \(selection)")
                for row in report.rows { #expect(row.total == row.allocated + row.unallocated) }
                // Every dimension splits the same money.
                let byStream = try self.report(.stream, selection)
                #expect(report.total == byStream.total, "\(by) \(selection)")
            }
        }
        #expect(try report(.district).total.total == pounds(18_387_261))
    }

    @Test func districtsKeepSeveralAndCountyWideApart() throws {
        let report = try report(.district)
        // social-media-youth-violence-study (Leeds, Kirklees) and youth-work-point-of-arrest (Bradford, Kirklees).
        #expect(row(report, FundingReport.severalDistrictsKey)?.allocated == pounds(880_000))
        #expect(row(report, "west-yorkshire")?.allocated == pounds(6_575_000))
        #expect(row(report, "kirklees")?.allocated == pounds(620_000))
        #expect(row(report, "leeds")?.allocated == pounds(1_465_000))
        #expect(report.notes.contains(FundingReport.districtRule))
    }

    @Test func byFunderAndByYear() throws {
        let byFunder = try report(.funder)
        #expect(byFunder.rows.map(\.key) == ["home-office", "wyca-policing-crime"])
        #expect(byFunder.rows.map(\.total) == [pounds(18_237_261), pounds(150_000)])
        #expect(byFunder.rows[1].unallocated == pounds(25_000))
        let byYear = try report(.year)
        #expect(byYear.rows.map(\.key) == ["2018/19", "2019/20", "2020/21", "2021/22", "2022/23", "2023/24", "unallocated"])
        #expect(row(byYear, "2018/19")?.allocated == pounds(262_500))
        #expect(row(byYear, "2022/23")?.allocated == pounds(3_892_000))
    }

    @Test func aThemeFilterCountsPrimaryThemeOnlyAndLeavesUnallocatedOut() throws {
        let report = try report(.stream, FundingSelection(theme: "early-intervention"))
        #expect(report.total.allocated == pounds(6_542_500))
        #expect(report.total.unallocated == 0)
        #expect(!report.notes.isEmpty)
        let youth = try self.report(.theme, FundingSelection(stream: eiyf, theme: "county-lines"))
        #expect(youth.rows.map(\.key) == ["county-lines"])
        #expect(youth.total.total == pounds(85_000))
    }

    @Test func unknownValuesNameTheValidOnes() {
        #expect(throws: FundingReportError.self) { try report(.theme, FundingSelection(stream: "nope")) }
        do {
            _ = try report(.theme, FundingSelection(year: "2030/31"))
            Issue.record("an unknown year was accepted")
        } catch {
            #expect("\(error)".contains("2018/19, 2019/20, 2020/21, 2021/22, 2022/23, 2023/24"))
        }
        do {
            _ = try report(.theme, FundingSelection(stream: "nope"))
        } catch {
            #expect("\(error)".contains("eiyf-2018-20"))
        }
    }
}
