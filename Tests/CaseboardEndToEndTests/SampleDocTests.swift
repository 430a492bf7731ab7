import CaseboardKit
import Foundation
import Testing

/// docs/sample-data.md, checked against what the real binary prints on a fresh copy of the sample, so the doc
/// cannot drift from the data.
@Suite struct SampleDocTests {
    static let doc: String = (try? String(contentsOfFile: Spawn.repositoryRoot + "/docs/sample-data.md", encoding: .utf8)) ?? ""

    /// Each example command (an indented `caseboard …` line) and the paragraph under it.
    static var examples: [(command: [String], answer: String)] {
        let section = doc.components(separatedBy: "## Questions the sample answers").last ?? ""
        let blocks = section.components(separatedBy: "\n\n")
        return blocks.indices.compactMap { index in
            let block = blocks[index]
            guard block.hasPrefix("    caseboard "), index + 1 < blocks.count else { return nil }
            let answer = blocks[index + 1].replacingOccurrences(of: "\n", with: " ")
            return (block.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").dropFirst().map(String.init), answer)
        }
    }

    static let counts = ["One": 1, "Two": 2, "Three": 3, "Four": 4, "Five": 5]

    @Test func everyExampleCommandPrintsWhatTheDocSays() throws {
        let data = try Spawn.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let examples = Self.examples
        #expect(examples.count >= 5, "the doc's examples were not found")
        for (command, answer) in examples {
            let result = Spawn.run([Spawn.caseboard] + command + ["--data", data])
            let label = command.joined(separator: " ")
            #expect(result.status == 0, "\(label): \(result.stderr)")
            // Every amount and every quoted name or phrase in the answer is printed.
            let amounts = answer.matches(of: /£[0-9][0-9,]*(\.[0-9]+)?m?/).map { String($0.output.0) }
            let quoted = answer.matches(of: /"([^"]+)"/).map { String($0.output.1) }
            #expect(!(amounts + quoted).isEmpty, "\(label): the answer names nothing to check")
            for part in amounts + quoted { #expect(result.stdout.contains(part), "\(label) does not print \(part)") }
            // "Three: …" is the number of rows the table lists.
            if let word = answer.split(separator: " ").first.map({ String($0.prefix { $0.isLetter }) }), let count = Self.counts[word] {
                #expect(result.stdout.split(separator: "\n").count - 1 == count, "\(label) lists another number of rows than \(word)")
            }
        }
    }

    @Test func theCountsAreTheSample() throws {
        let result = Spawn.run([Spawn.caseboard, "validate", "--data", Spawn.fixtures])
        let table = Dictionary(
            uniqueKeysWithValues: Self.doc.matches(of: /\| `([a-z]+)\.json` +\| +([0-9]+) \|/).map {
                (String($0.output.1), String($0.output.2))
            })
        #expect(table.count == 5)
        let nouns = [
            "themes": "themes", "projects": "projects", "funding": "funding streams", "partners": "partners", "contacts": "contacts",
        ]
        for (file, noun) in nouns {
            #expect(result.stdout.contains(" \(table[file] ?? "?") \(noun)"), "\(file): \(result.stdout)")
        }
        let allocations = try #require(Self.doc.firstMatch(of: /with ([0-9]+) allocations/)?.output.1)
        #expect(result.stdout.contains("(\(allocations) allocations)"))

        let dataset = try DatasetLoader.load(directory: Spawn.fixtures)
        func count(_ status: ProjectStatus) -> Int { dataset.projects.filter { $0.status == status }.count }
        let line = "Projects by status: \(count(.active)) active, \(count(.completed)) completed, \(count(.atRisk)) at risk"
        let prose = Self.doc.replacingOccurrences(of: "\n", with: " ")
        #expect(prose.contains(line))
        #expect([ProjectStatus.proposed, .approved, .paused, .closed].allSatisfy { count($0) == 2 })
        #expect(prose.contains("2 each proposed, approved, paused and closed"))
    }

    @Test func showMarksReportAndIllustrativeFigures() throws {
        let grant = Spawn.run([Spawn.caseboard, "show", "vru-grant-2021-22", "--data", Spawn.fixtures]).stdout
        #expect(grant.contains("total        £3,370,000 (from the report)"))
        #expect(grant.contains("allocated    £2,275,000 (illustrative)"))
        #expect(grant.contains("A rounded figure: the 15 June 2021 report says £3.37m"))
        #expect(Self.doc.contains("the report's £3.37m, **a rounded figure**"))
        let project = Spawn.run([Spawn.caseboard, "show", "gangs-schools-programme", "--data", Spawn.fixtures]).stdout
        #expect(project.contains("provenance  named in the report; other details may be illustrative"))
        #expect(project.contains("£35,000  Partnership Executive Group fund, 2019/20 (illustrative)"))
        #expect(Spawn.run([Spawn.caseboard, "show", "lth", "--data", Spawn.fixtures]).stdout.contains("provenance  illustrative"))
    }

    @Test func dataWithoutProvenanceShowsNoMarks() throws {
        let data = try Spawn.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: data) }
        for file in [DataFiles.partners, DataFiles.projects, DataFiles.funding] {
            let path = data + "/" + file
            let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
            // The mark is always a record's last field: drop it and the comma before it.
            var kept: [String] = []
            for line in lines {
                if line.contains("\"provenance\":") {
                    if let last = kept.popLast() { kept.append(last.hasSuffix(",") ? String(last.dropLast()) : last) }
                    continue
                }
                kept.append(line)
            }
            try kept.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(Spawn.run([Spawn.caseboard, "validate", "--data", data]).status == 0)
        for id in ["vru-grant-2021-22", "gangs-schools-programme", "wyp", "early-intervention"] {
            let shown = Spawn.run([Spawn.caseboard, "show", id, "--data", data]).stdout
            #expect(!shown.contains("(from the report)") && !shown.contains("(illustrative)") && !shown.contains("provenance"), "\(id)")
        }
        let frame = Spawn.run([Spawn.caseboard, "--render-once", "80x24", "--data", data]).stdout
        #expect(!frame.contains("Sample data"))
        #expect(
            Spawn.run([Spawn.caseboard, "--render-once", "80x24", "--data", Spawn.fixtures]).stdout.contains("Sample data — illustrative"))
    }
}
