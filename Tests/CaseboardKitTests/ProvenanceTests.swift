import Foundation
import Testing

@testable import CaseboardKit

/// The sample marks where each record comes from, docs/sample-data.md lists what the report states, and the
/// loader's fast path reads the marks as the full loader does.
@Suite struct ProvenanceTests {
    let sample: Dataset

    init() throws { sample = try DatasetLoader.load(directory: MiniData.fixturesPath) }

    @Test func everySampleRecordAndAllocationIsMarked() {
        #expect(sample.organisations.allSatisfy { $0.provenance != nil })
        #expect(sample.projects.allSatisfy { $0.provenance != nil })
        #expect(sample.funding.allSatisfy { $0.provenance != nil })
        // No split of any stream is in the report.
        #expect(sample.funding.flatMap(\.allocations).allSatisfy { $0.provenance == .illustrative })
        #expect(sample.hasIllustrativeRecords)
    }

    /// The ids in the doc's "From the report" section are exactly the records the data marks `report`.
    @Test func theDocListsExactlyTheReportRecords() throws {
        let doc = try String(
            contentsOfFile: URL(fileURLWithPath: MiniData.fixturesPath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("docs/sample-data.md").path, encoding: .utf8)
        let start = try #require(doc.range(of: "### From the report"))
        let section = doc[start.upperBound...].components(separatedBy: "\n### ")[0]
        let named = Set(section.matches(of: /`([a-z0-9-]+)`/).map { String($0.output.1) })
        let records =
            sample.organisations.map { ($0.id, $0.provenance) } + sample.projects.map { ($0.id, $0.provenance) }
            + sample.funding.map { ($0.id, $0.provenance) }
        let marked = Set(records.filter { $0.1 == .report }.map(\.0))
        #expect(marked == named.intersection(records.map(\.0)))
        #expect(marked.contains("eiyf-2018-20") && marked.contains("vru-grant-2021-22") && !marked.contains("peg-fund"))
    }

    @Test func dataWithoutMarksIsNotIllustrative() throws {
        #expect(!(try DatasetLoader.load(directory: try MiniData.directory())).hasIllustrativeRecords)
        // One illustrative allocation is enough; a report mark is not.
        let marked = MiniData.funding.replacingOccurrences(
            of: #""amount_pence": 2500000, "year": "2019/20"}"#,
            with: #""amount_pence": 2500000, "year": "2019/20", "provenance": "illustrative"}"#)
        #expect(try DatasetLoader.load(directory: try MiniData.directory([DataFiles.funding: marked])).hasIllustrativeRecords)
        let report = MiniData.projects.replacingOccurrences(of: #""summary": "Weapons amnesty.""#, with: #""provenance": "report""#)
        #expect(!(try DatasetLoader.load(directory: try MiniData.directory([DataFiles.projects: report]))).hasIllustrativeRecords)
    }

    @Test func theFastPathReadsProvenanceAsTheFullLoaderDoes() throws {
        let projects = MiniData.projects.replacingOccurrences(
            of: #""summary": "Weapons amnesty.""#, with: #""summary": "Weapons amnesty.", "provenance": "illustrative""#)
        let funding = MiniData.funding
            .replacingOccurrences(of: #""total_pence": 112139500,"#, with: #""total_pence": 112139500, "provenance": "report","#)
            .replacingOccurrences(of: #""year": "2018/19"}"#, with: #""year": "2018/19", "provenance": "illustrative"}"#)
        let directory = try MiniData.directory([DataFiles.projects: projects, DataFiles.funding: funding])
        let (sources, _) = DatasetLoader.open(directory)
        let fast = try #require(DatasetLoader.fastLoad(sources, progress: nil))
        let full = try DatasetLoader.load(directory: directory)
        #expect(fast.project("sceptre")?.provenance == .illustrative && fast.project("gangs")?.provenance == nil)
        #expect(fast.stream("eiyf")?.provenance == .report)
        #expect(fast.stream("eiyf")?.allocations.map(\.provenance) == [.illustrative, nil])
        #expect(Array(fast.projects) == Array(full.projects) && fast.funding == full.funding)

        // A value the loader does not know is reported, by the full loader, where it stands.
        let wrong = projects.replacingOccurrences(of: #""provenance": "illustrative""#, with: #""provenance": "invented""#)
        let problems = MiniData.problems(try MiniData.directory([DataFiles.projects: wrong]))
        #expect(problems.count == 1 && problems[0].contains("unknown provenance \"invented\"; expected report or illustrative"))
    }
}
