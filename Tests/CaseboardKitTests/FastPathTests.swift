import Foundation
import Testing

@testable import CaseboardKit

/// The loader's fast path must accept exactly what the full loader accepts without problems, and build the
/// same data; anything else it must hand to the full loader (return nil).
@Suite struct FastPathTests {
    func both(_ directory: String) -> (fast: Dataset?, full: Result<Dataset, LoadFailure>) {
        let (sources, problems) = DatasetLoader.open(directory)
        let fast = problems.isEmpty ? DatasetLoader.fastLoad(sources, progress: nil) : nil
        let (again, _) = DatasetLoader.open(directory)
        return (fast, Result { () throws(LoadFailure) in try DatasetLoader.fullLoad(again, problems: problems) })
    }

    func expectSame(_ fast: Dataset, _ full: Dataset, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(fast.themes == full.themes, sourceLocation: sourceLocation)
        #expect(fast.organisations == full.organisations, sourceLocation: sourceLocation)
        #expect(fast.contacts == full.contacts, sourceLocation: sourceLocation)
        #expect(Array(fast.projects) == Array(full.projects), sourceLocation: sourceLocation)
        #expect(fast.funding == full.funding, sourceLocation: sourceLocation)
        #expect(fast.titleRanks == full.titleRanks, sourceLocation: sourceLocation)
        #expect(fast.projectFunding == full.projectFunding, sourceLocation: sourceLocation)
    }

    @Test func theSampleTakesTheFastPathAndMatches() throws {
        let (fast, full) = both(MiniData.fixturesPath)
        let fastData = try #require(fast, "the fast path gave up on the sample")
        expectSame(fastData, try full.get())
    }

    @Test(arguments: [300, 12_000]) func generatedDataMatches(projects: Int) throws {
        // 12,000 projects make a file large enough to be read in two halves at once.
        let directory = NSTemporaryDirectory() + "caseboard-fast-\(UUID().uuidString)"
        try SyntheticData(projects: projects, seed: 7).write(to: directory)
        let (fast, full) = both(directory)
        let fastData = try #require(fast, "the fast path gave up on generated data")
        expectSame(fastData, try full.get())
    }

    @Test func escapesAndAccentsAreReadTheSame() throws {
        let projects = """
            [
              {"id": "gangs", "title": "Zoë's \\"GANGS\\" sessions\\tin schools", "theme": "early-intervention", "status": "active", "lead": "wyp", "districts": ["leeds"], "summary": "Ends with an escape \\u00e9", "tags": ["a\\\\b"]},
              {"id": "sceptre", "title": "Operation Sceptre", "theme": "law-enforcement", "status": "at-risk", "lead": "wyp", "districts": ["kirklees"]}
            ]

            """
        let (fast, full) = both(try MiniData.directory([DataFiles.projects: projects]))
        let fastData = try #require(fast)
        expectSame(fastData, try full.get())
        #expect(fastData.project("gangs")?.title == "Zoë's \"GANGS\" sessions\tin schools")
    }

    @Test func aProjectIdUsedTwiceFallsBackToTheFullLoader() throws {
        let projects = """
            [
              {"id": "gangs", "title": "GANGS", "theme": "early-intervention", "status": "active", "lead": "wyp", "districts": ["leeds"]},
              {"id": "gangs", "title": "Again", "theme": "law-enforcement", "status": "active", "lead": "wyp", "districts": ["leeds"]}
            ]

            """
        let (fast, full) = both(try MiniData.directory([DataFiles.projects: projects, DataFiles.funding: "[]\n"]))
        #expect(fast == nil)
        #expect(throws: LoadFailure.self) { try full.get() }
    }

    @Test(arguments: ["projects.fields.json", "projects.syntax.json", "funding.amounts.json", "contacts.refs.json"])
    func brokenDataIsNeverAcceptedByTheFastPath(file: String) throws {
        let url = try #require(Bundle.module.url(forResource: "Broken/" + file, withExtension: nil))
        let name = String(file.prefix { $0 != "." }) + ".json"
        let (fast, full) = both(try MiniData.directory([name: try String(contentsOf: url, encoding: .utf8)]))
        #expect(fast == nil)
        #expect(throws: LoadFailure.self) { try full.get() }
    }

    /// Single-byte changes to a valid projects file: whenever the fast path accepts the result, the full
    /// loader must accept it too and agree on every value; whenever the full loader refuses, so must the fast path.
    @Test func randomEditsNeverMakeThePathsDisagree() throws {
        let directory = NSTemporaryDirectory() + "caseboard-fuzz-\(UUID().uuidString)"
        try SyntheticData(projects: 40, seed: 3).write(to: directory)
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + DataFiles.projects)))
        var random = SplitMix(seed: 99)
        let replacements: [UInt8] = Array(" \"\\,:[]{}0-aZé\n\t".utf8) + [0x00, 0x1F, 0x7F, 0xC3, 0xFF]
        var accepted = 0
        for _ in 0..<400 {
            var bytes = original
            let position = random.below(bytes.count)
            switch random.below(3) {
            case 0: bytes[position] = random.pick(replacements)
            case 1: bytes.remove(at: position)
            default: bytes.insert(random.pick(replacements), at: position)
            }
            try Data(bytes).write(to: URL(fileURLWithPath: directory + "/" + DataFiles.projects))
            let (fast, full) = both(directory)
            switch (fast, full) {
            case (let fast?, .success(let full)):
                accepted += 1
                expectSame(fast, full)
            case (.some, .failure(let failure)):
                Issue.record("the fast path accepted what the full loader refuses: \(failure.problems.first?.description ?? "")")
            case (nil, _):
                break
            }
        }
        // Some edits (inside a summary, say) leave the file valid; the test must see a few of those.
        #expect(accepted > 10)
    }

    /// A compacted journal writes risk notes into projects.json: they must not cost the fast path.
    @Test func riskNotesTakeTheFastPath() throws {
        let projects = MiniData.projects.replacingOccurrences(
            of: #""summary": "Weapons amnesty.""#,
            with: #""summary": "Weapons amnesty.", "risk_reason": "Venue \"lost\"", "risk_owner": "c-one", "review_date": "2024-02-29""#)
        let (fast, full) = both(try MiniData.directory([DataFiles.projects: projects]))
        let fastData = try #require(fast, "the fast path gave up on risk notes")
        expectSame(fastData, try full.get())
        let sceptre = try #require(fastData.project("sceptre"))
        #expect(sceptre.riskReason == "Venue \"lost\"" && sceptre.riskOwner == "c-one" && sceptre.reviewDate == "2024-02-29")

        // What the full loader would report, the fast path leaves to it.
        let mistakes = [
            (#""risk_owner": "c-one""#, #""risk_owner": "nobody""#), ("2024-02-29", "2023-02-29"),
            (#""risk_reason": "Venue \"lost\"""#, #""risk_reason": " ""#),
        ]
        for (value, mistake) in mistakes {
            let broken = projects.replacingOccurrences(of: value, with: mistake)
            #expect(broken != projects)
            #expect(both(try MiniData.directory([DataFiles.projects: broken])).fast == nil, "\(mistake)")
            #expect(!MiniData.problems(try MiniData.directory([DataFiles.projects: broken])).isEmpty, "\(mistake)")
        }
    }
}
