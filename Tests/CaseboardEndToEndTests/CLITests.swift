import CaseboardKit
import Foundation
import Testing

/// The real binary, run once per subcommand, checking output and exit codes.
@Suite struct CLITests {
    let fixtures = Spawn.repositoryRoot + "/Fixtures/west-yorkshire"

    func caseboard(_ arguments: String..., environment: [String: String] = [:]) -> Spawn.Result {
        Spawn.run([Spawn.caseboard] + arguments, environment: environment)
    }

    /// A private copy of the sample, so tests never touch Fixtures/.
    func sampleCopy() throws -> String { try Spawn.sampleCopy() }

    @Test func validateAcceptsTheSample() {
        let result = caseboard("validate", "--data", fixtures)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix(fixtures + ": valid — 4 themes, "))
        #expect(result.stdout.split(separator: "\n").count == 1)
    }

    @Test func validateReportsEveryProblemWithPositions() throws {
        let data = try sampleCopy()
        let projects = data + "/projects.json"
        var text = try String(contentsOfFile: projects, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"status\": \"active\"", with: "\"status\": \"actve\"")
        try text.write(toFile: projects, atomically: true, encoding: .utf8)
        try "[{\"id\": \"x\",}]".write(toFile: data + "/contacts.json", atomically: true, encoding: .utf8)
        let result = caseboard("validate", "--data", data)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains(data + "/contacts.json:1:13: syntax error: trailing comma before '}'"))
        let statusLines = lines.filter { $0.contains("unknown status \"actve\"") }
        #expect(!statusLines.isEmpty)
        for line in statusLines {
            #expect(
                line.wholeMatch(
                    of: #/.*/projects\.json:\d+:\d+: project "[a-z0-9-]+": field "status": unknown status "actve"; expected .*/#) != nil,
                "\(line)")
        }
        #expect(result.stderr.contains("problem"))
    }

    @Test func listProjectsFiltersAndAligns() {
        let result = caseboard("list", "projects", "--data", fixtures, "--district", "kirklees", "--status", "at-risk")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(lines.count >= 2)
        for line in lines.dropFirst() { #expect(line.contains("at-risk")) }
        #expect(result.stderr.hasSuffix("projects\n") || result.stderr.hasSuffix("project\n"))
    }

    @Test func listFormatsAreParseable() throws {
        let json = caseboard("list", "projects", "--data", fixtures, "--theme", "early-intervention", "--format", "json")
        #expect(json.status == 0)
        let records = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(!records.isEmpty)
        for record in records {
            let themes = [record["theme"] as? String ?? ""] + (record["secondary_themes"] as? [String] ?? [])
            #expect(themes.contains("Early intervention") || themes.contains("early-intervention"), "\(record)")
            #expect(record["funding_pence"] is Int)
        }
        let csv = caseboard("list", "funding", "--data", fixtures, "--format", "csv")
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("id,name,funder,funder_id,years,total_gbp,allocated_gbp,unallocated_gbp,notes"))
        #expect(csv.stdout.contains("1121395.00"))
    }

    @Test func csvNeutralisesFormulas() throws {
        let data = try sampleCopy()
        let path = data + "/projects.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let range = text.firstRange(of: #/"title": "[^"]*"/#) else {
            Issue.record("no title in the sample")
            return
        }
        try text.replacingCharacters(in: range, with: #""title": "=HYPERLINK(\"http://x\")""#).write(
            toFile: path, atomically: true, encoding: .utf8)
        let csv = caseboard("list", "projects", "--data", data, "--format", "csv")
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        #expect(!csv.stdout.contains(",=HYPERLINK"))
    }

    @Test func usageErrorsExit64AndSayWhatToType() {
        let theme = caseboard("list", "projects", "--data", fixtures, "--theme", "knives")
        #expect(theme.status == 64)
        #expect(
            theme.stderr.contains("unknown theme \"knives\"; use one of: county-lines, early-intervention, communities, law-enforcement"))
        let collection = caseboard("list", "people", "--data", fixtures)
        #expect(collection.status == 64)
        #expect(collection.stderr.contains("themes"))
        let sort = caseboard("list", "projects", "--data", fixtures, "--sort", "colour")
        #expect(sort.status == 64)
        #expect(sort.stderr.contains("unknown sort field \"colour\""))
    }

    @Test func showProjectIncludesLinkedRecords() throws {
        let list = caseboard("list", "projects", "--data", fixtures, "--search", "gangs", "--format", "json")
        let records = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
        let id = try #require(records.first?["id"] as? String)
        let show = caseboard("show", id, "--data", fixtures)
        #expect(show.status == 0)
        #expect(show.stdout.contains("Contacts"))
        #expect(show.stdout.contains("@example.org"))
        #expect(show.stdout.contains("Funding"))
        let missing = caseboard("show", "no-such-thing", "--data", fixtures)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no record has id \"no-such-thing\""))
    }

    @Test func exportWritesCSVFilesAndJSON() throws {
        let out = NSTemporaryDirectory() + "caseboard-export-\(UUID().uuidString)"
        let csv = caseboard("export", "--format", "csv", "--out", out, "--data", fixtures)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stderr.contains("personal data"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(
            files == [
                "allocations.csv", "contacts.csv", "funding.csv", "history.csv", "partners.csv", "projects.csv", "retired.csv",
                "themes.csv",
            ])
        let json = caseboard("export", "--format", "json", "--out", out + "/all.json", "--data", fixtures)
        #expect(json.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/all.json"))) as? [String: Any]
        #expect((document?["projects"] as? [Any])?.count ?? 0 >= 25)
    }

    @Test func firstRunInstallsTheSampleIntoXDGDataHome() throws {
        let home = NSTemporaryDirectory() + "caseboard-home-\(UUID().uuidString)"
        let environment = ["XDG_DATA_HOME": home, "HOME": home]
        let first = Spawn.run([Spawn.caseboard, "list", "themes"], environment: environment, unsetting: ["CASEBOARD_DATA"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("created \(home)/caseboard from the West Yorkshire sample data"))
        let second = Spawn.run([Spawn.caseboard, "list", "themes"], environment: environment, unsetting: ["CASEBOARD_DATA"])
        #expect(!second.stderr.contains("created"))
        let attributes = try FileManager.default.attributesOfItem(atPath: home + "/caseboard/projects.json")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func validateReportsUnreadableJournalLines() throws {
        let data = try sampleCopy()
        let good = caseboard("note", "kirklees-mst", "Review booked", "--data", data, "--author", "alice")
        #expect(good.status == 0, "\(good.stderr)")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: data + "/journal.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"id\":\"x\"}\nnot json\n".utf8))
        try handle.close()
        let result = caseboard("validate", "--data", data)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                data + "/journal.jsonl:2:1: missing required field \"time\"; the line is skipped",
                data + "/journal.jsonl:3:1: syntax error: unexpected 'n'; expected a value; the line is skipped",
            ])
    }

    @Test func showAndExportIncludeTheHistory() throws {
        let data = try sampleCopy()
        _ = caseboard("set-status", "kirklees-mst", "active", "--note", "Funding confirmed", "--data", data, "--author", "alice")
        let show = caseboard("show", "kirklees-mst", "--data", data)
        #expect(show.stdout.contains("History\n"))
        #expect(show.stdout.contains("alice  at risk → active: Funding confirmed"))
        let out = NSTemporaryDirectory() + "caseboard-export-\(UUID().uuidString).json"
        #expect(caseboard("export", "--format", "json", "--out", out, "--data", data).status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
        let history = document?["history"] as? [[String: Any]] ?? []
        #expect(history.count == 1)
        #expect(history.first?["note"] as? String == "Funding confirmed")
    }

    @Test func brokenDataStopsEveryCommandWithExit1() throws {
        let data = try sampleCopy()
        try "{".write(toFile: data + "/themes.json", atomically: true, encoding: .utf8)
        let result = caseboard("list", "projects", "--data", data)
        #expect(result.status == 1)
        #expect(result.stderr.contains(data + "/themes.json:1:2: syntax error"))
    }
}
