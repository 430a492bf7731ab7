import Foundation
import Testing

@testable import CaseboardKit

@Suite struct QueryTests {
    let dataset: Dataset

    init() throws { dataset = try DatasetLoader.load(directory: try MiniData.directory()) }

    func ids(_ rows: [Int]) -> [String] { rows.map { dataset.projects[$0].id } }

    @Test func filtersByThemeStatusAndDistrict() {
        #expect(ids(dataset.matchingRows(ProjectFilter(themes: ["law-enforcement"]))) == ["sceptre"])
        #expect(ids(dataset.matchingRows(ProjectFilter(statuses: [.active]))) == ["gangs"])
        #expect(ids(dataset.matchingRows(ProjectFilter(districts: [.leeds]))) == ["gangs", "sceptre"])
        #expect(ids(dataset.matchingRows(ProjectFilter(statuses: [.atRisk], districts: [.kirklees]))) == ["sceptre"])
        #expect(ids(dataset.matchingRows(ProjectFilter(themes: ["communities"]))) == [])
    }

    @Test func textSearchIgnoresCaseAndAccentsAndReachesContactsAndPartners() {
        #expect(ids(dataset.matchingRows(ProjectFilter(text: "zoe"))) == ["gangs"])
        #expect(ids(dataset.matchingRows(ProjectFilter(text: "ZOË"))) == ["gangs"])
        #expect(ids(dataset.matchingRows(ProjectFilter(text: "kirklees yot"))) == ["sceptre"])
        #expect(ids(dataset.matchingRows(ProjectFilter(text: "amnesty"))) == ["sceptre"])
        #expect(ids(dataset.matchingRows(ProjectFilter(text: "nothing like this"))) == [])
    }

    @Test func sortIsStableInBothDirections() {
        let all = Array(dataset.projects.indices)
        #expect(ids(dataset.sorted(all, by: ProjectSort(.title))) == ["gangs", "sceptre"])
        #expect(ids(dataset.sorted(all, by: ProjectSort(.funding, descending: true))) == ["gangs", "sceptre"])
        #expect(ids(dataset.sorted(all, by: ProjectSort(.lead))) == ["gangs", "sceptre"])
        #expect(ids(dataset.sorted(all, by: ProjectSort(.lead, descending: true))) == ["gangs", "sceptre"])
        #expect(ids(dataset.sorted(all, by: ProjectSort(.status))) == ["gangs", "sceptre"])
    }

    @Test func fundingTotals() {
        #expect(dataset.fundingByTheme().map(\.amount) == [0, 5_000_000, 0, 2_500_000])
        let byDistrict = dataset.fundingByDistrict()
        #expect(byDistrict.first { $0.key == "leeds" }?.amount == 5_000_000)
        // Sceptre works in two districts, so its money counts as West Yorkshire-wide.
        #expect(byDistrict.first { $0.key == "west-yorkshire" }?.amount == 2_500_000)
        #expect(dataset.fundingByYear().map(\.label) == ["2018/19", "2019/20"])
        #expect(dataset.fundingByFunder() == [FundingLine(key: "home-office", label: "Home Office", amount: 112_139_500)])
        let scoped = dataset.streamTotals(forRows: [dataset.projectIndex["gangs"]!])
        #expect(scoped[0].allocated == 5_000_000)
        #expect(scoped[0].unallocated == 112_139_500 - 7_500_000)
    }

    @Test func relatedRecords() {
        let sceptre = [dataset.projectIndex["sceptre"]!]
        #expect(dataset.organisationRows(involvedIn: sceptre).map { dataset.organisations[$0].id } == ["wyp", "kirklees-yot"])
        #expect(dataset.contactRows(involvedIn: sceptre).isEmpty)
        #expect(ids(dataset.projectRows(involving: "kirklees-yot")) == ["sceptre"])
        #expect(ids(dataset.projectRows(naming: "c-one")) == ["gangs"])
    }
}

@Suite struct SearchScanTests {
    /// The whole-buffer scan (used for long candidate lists) and the key-by-key search agree on every needle.
    @Test func bothWaysOfSearchingAgree() throws {
        let directory = NSTemporaryDirectory() + "caseboard-scan-\(UUID().uuidString)"
        try SyntheticData(projects: 3_000, seed: 11).write(to: directory)
        let dataset = try DatasetLoader.load(directory: directory)
        let keys = dataset.searchKeys
        let all = Array(dataset.projects.indices)
        var random = SplitMix(seed: 5)
        var needles = ["m", "men", "mentoring", "leeds", "p-1", "zzz", " ", "ing (", "e", "1) ", "summer"]
        for _ in 0..<40 {
            // Pieces cut from real keys, so most of them are found somewhere.
            let title = SearchKeys.fold(dataset.projects.title(random.below(dataset.projects.count)))
            let start = random.below(max(1, title.count - 3))
            needles.append(String(Array(title)[start..<min(title.count, start + 1 + random.below(6))]))
        }
        for needle in needles {
            let bytes = Array(needle.utf8)
            let scanned = keys.rowsContaining(bytes)
            let byKey = all.filter { keys.contains(bytes, row: $0) }
            #expect(all.filter { scanned[$0] } == byKey, "\(needle.debugDescription)")
        }
    }
}
