import CaseboardKit
import Foundation
import Testing

/// Where commands read and write: export's --out, generate's --out, --data, and the order history prints in.
@Suite struct CLIDestinationTests {
    let fixtures = Spawn.fixtures

    /// Runs the binary in `directory`, so relative paths are relative to it.
    func caseboard(in directory: String, _ arguments: String..., environment: [String: String] = [:]) -> Spawn.Result {
        Spawn.run(["sh", "-c", "cd \"$0\" && exec \"$@\"", directory, Spawn.caseboard] + arguments, environment: environment)
    }

    func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "caseboard-out-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func projectCount(inJSON data: Data) throws -> Int {
        let document = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return (document?["projects"] as? [Any])?.count ?? 0
    }

    @Test func exportJSONToABareRelativeName() throws {
        let directory = try scratch()
        let result = caseboard(in: directory, "export", "--format", "json", "--out", "x", "--data", fixtures)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try projectCount(inJSON: Data(contentsOf: URL(fileURLWithPath: directory + "/x"))) >= 25)
        // No temp file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["x"])
    }

    @Test func exportJSONToStandardOutput() throws {
        let directory = try scratch()
        let result = caseboard(in: directory, "export", "--format", "json", "--out", "-", "--data", fixtures)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try projectCount(inJSON: Data(result.stdout.utf8)) >= 25)
        #expect(result.stderr.contains("to standard output"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test(arguments: [".", "sub", "sub/"])
    func exportJSONToADirectoryIsAUsageError(_ out: String) throws {
        let directory = try scratch()
        try FileManager.default.createDirectory(atPath: directory + "/sub", withIntermediateDirectories: true)
        let result = caseboard(in: directory, "export", "--format", "json", "--out", out, "--data", fixtures)
        #expect(result.status == 64)
        #expect(result.stderr.contains("is a directory; name the file to write"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["sub"])
    }

    @Test func exportCSVToARelativeDirectoryButNotToStandardOutput() throws {
        let directory = try scratch()
        let written = caseboard(in: directory, "export", "--format", "csv", "--out", "csv", "--data", fixtures)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory + "/csv/projects.csv"))
        let dash = caseboard(in: directory, "export", "--format", "csv", "--out", "-", "--data", fixtures)
        #expect(dash.status == 64)
        #expect(dash.stderr.contains("--out takes a directory"))
    }

    @Test func generateRefusesANonEmptyDirectoryUnlessForced() throws {
        let data = try Spawn.sampleCopy()
        let before = try Data(contentsOf: URL(fileURLWithPath: data + "/projects.json"))
        let refused = caseboard(in: data, "generate", "--projects", "5", "--out", data)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("is not empty (it holds contacts.json, funding.json"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--force"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: data + "/projects.json")) == before)
        let forced = caseboard(in: data, "generate", "--projects", "5", "--out", data, "--force")
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: data + "/projects.json")) != before)
    }

    @Test(arguments: [JournalFiles.journal, JournalFiles.archive])
    func generateNeverReplacesRecordedChanges(_ file: String) throws {
        let data = try Spawn.sampleCopy()
        let changes = Data("{\"id\":\"kept\"}\n".utf8)
        try changes.write(to: URL(fileURLWithPath: data + "/" + file))
        let before = try Data(contentsOf: URL(fileURLWithPath: data + "/projects.json"))
        for events in ["0", "3"] {
            let result = caseboard(in: data, "generate", "--projects", "5", "--events", events, "--out", data, "--force")
            #expect(result.status == 64)
            #expect(result.stderr.contains("holds recorded changes (\(file))"), "\(result.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: data + "/" + file)) == changes)
            #expect(try Data(contentsOf: URL(fileURLWithPath: data + "/projects.json")) == before)
        }
    }

    @Test func generateWritesIntoANewRelativeDirectory() throws {
        let directory = try scratch()
        let result = caseboard(in: directory, "generate", "--projects", "5", "--out", "load")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(caseboard(in: directory, "validate", "--data", "load").status == 0)
    }

    @Test func anEmptyDataPathIsAUsageError() throws {
        let home = try scratch()
        let environment = ["XDG_DATA_HOME": home, "HOME": home]
        let flag = Spawn.run([Spawn.caseboard, "list", "themes", "--data", ""], environment: environment)
        #expect(flag.status == 64)
        #expect(flag.stderr.contains("--data needs a directory"))
        let variable = Spawn.run([Spawn.caseboard, "list", "themes"], environment: environment.merging(["CASEBOARD_DATA": ""]) { $1 })
        #expect(variable.status == 64)
        #expect(variable.stderr.contains("CASEBOARD_DATA is set but empty"))
        // Nothing was created in the default place.
        #expect(try FileManager.default.contentsOfDirectory(atPath: home).isEmpty)
    }

    @Test func historyIsNewestFirstWhateverTheJournalOrder() throws {
        let data = try Spawn.sampleCopy()
        // Written out of time order, as a journal merged from two machines might be; two share a time.
        let times = ["2026-11-25T10:00:00.000Z", "2026-11-27T09:00:00.000Z", "2026-11-24T08:00:00.000Z", "2026-11-27T09:00:00.000Z"]
        let events = times.enumerated().map { index, time in
            JournalEvent(
                id: JournalEvent.newID(), time: time, author: "alice", project: "kirklees-mst", kind: .note, note: "line \(index + 1)")
        }
        try (events.map(\.jsonLine).joined(separator: "\n") + "\n").write(
            toFile: data + "/journal.jsonl", atomically: true, encoding: .utf8)
        let expected = ["line 4", "line 2", "line 1", "line 3"]
        for arguments in [["history"], ["history", "kirklees-mst"]] {
            let json = Spawn.run([Spawn.caseboard] + arguments + ["--format", "json", "--data", data])
            let records = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(records.compactMap { $0["note"] as? String } == expected, "\(arguments)")
            let csv = Spawn.run([Spawn.caseboard] + arguments + ["--format", "csv", "--data", data])
            let rows = CSVReading.rows(csv.stdout)
            let note = try #require(rows.first?.firstIndex(of: "note"))
            #expect(rows.dropFirst().map { $0[note] } == expected, "\(arguments)")
            let table = Spawn.run([Spawn.caseboard] + arguments + ["--data", data])
            let order = table.stdout.split(separator: "\n").compactMap { line in expected.first { line.contains($0) } }
            #expect(order == expected, "\(arguments)")
        }
    }
}
