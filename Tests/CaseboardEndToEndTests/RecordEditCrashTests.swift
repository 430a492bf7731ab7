import CaseboardKit
import Foundation
import Testing

/// The record-edit write paths (`add`, `edit`, `retire`, and compaction after them) killed or failed at each
/// system call in turn, and run by several processes at once: the state is the one before or the one after,
/// an acknowledged change is never lost, and nothing is overwritten unseen.
@Suite(.serialized) struct RecordEditCrashTests {
    let faults = CrashInjectionTests()

    /// Every record as the files would hold it, and every event id: two states are equal when these are.
    struct State: Equatable {
        var files: [String]
        var eventIDs: Set<String>
    }

    func state(_ data: String) throws -> State {
        let store = try DataStore(directory: data)
        return State(files: DatasetWriter.files(store.dataset).map(\.text), eventIDs: Set(store.history.events.map(\.id)))
    }

    func run(_ caseboard: String, _ arguments: [String], _ data: String, author: String = "alice") throws {
        let result = Spawn.run([caseboard] + arguments + ["--data", data, "--author", author])
        try #require(result.status == 0, "\(arguments): \(result.stderr)")
    }

    @Test func compactionAfterAddsEditsAndRetirementsInterruptedAnywhereLosesNothing() throws {
        try #require(!CrashInjectionTests.strace.isEmpty, "strace is missing: apt-get install strace")
        let caseboard = Spawn.caseboard
        let prepared = try Spawn.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: prepared) }
        try run(caseboard, ["add", "partner", "--name", "Leeds Youth Forum", "--kind", "voluntary", "--district", "Leeds"], prepared)
        try run(
            caseboard,
            [
                "add", "project", "--title", "Knife crime workshops", "--theme", "early intervention", "--lead", "Leeds Youth Forum",
                "--districts", "Leeds", "--start", "1 April 2022",
            ], prepared)
        try run(caseboard, ["edit", "kirklees-mst", "--end", "31/03/2023"], prepared)
        try run(caseboard, ["edit", "gangs-schools-programme", "--contacts", "ben-holmes"], prepared)
        try run(caseboard, ["retire", "zoe-whitaker"], prepared)
        let expected = try state(prepared)
        var injected = 0
        for fault in CrashInjectionTests.faults {
            for nth in 1...60 {
                let data = try faults.copy(prepared)
                defer { try? FileManager.default.removeItem(atPath: data) }
                guard let result = faults.run([caseboard, "compact", "--data", data], fault, nth: nth, in: data) else { break }
                injected += 1
                let context = "\(fault) #\(nth): exit \(result.status) \(result.stderr)"
                #expect(try state(data) == expected, "\(context)")
                let validate = Spawn.run([caseboard, "validate", "--data", data])
                #expect(validate.status == 0, "\(context): \(validate.stdout)\(validate.stderr)")
                let again = Spawn.run([caseboard, "compact", "--data", data])
                #expect(again.status == 0, "\(context): \(again.stderr)")
                #expect(try state(data) == expected, "\(context), then compacted again")
                #expect(Set(faults.ids(in: data + "/" + JournalFiles.archive)) == expected.eventIDs, "\(context)")
                #expect(faults.ids(in: data + "/" + JournalFiles.journal).isEmpty, "\(context)")
            }
        }
        #expect(injected >= 20, "only \(injected) faults were injected: is strace working?")
    }

    @Test func anEditInterruptedAnywhereIsBeforeOrAfterAndKeptIfAcknowledged() throws {
        try #require(!CrashInjectionTests.strace.isEmpty, "strace is missing: apt-get install strace")
        let caseboard = Spawn.caseboard
        let prepared = try Spawn.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: prepared) }
        try run(caseboard, ["note", "kirklees-mst", "first"], prepared)
        let before = try state(prepared)
        let afterData = try faults.copy(prepared)
        defer { try? FileManager.default.removeItem(atPath: afterData) }
        let edit = ["edit", "kirklees-mst", "--end", "31/03/2024", "--summary", "Extended for a year"]
        try run(caseboard, edit, afterData, author: "bob")
        let afterFiles = try state(afterData).files
        var injected = 0
        for fault in CrashInjectionTests.faults {
            for nth in 1...40 {
                let data = try faults.copy(prepared)
                defer { try? FileManager.default.removeItem(atPath: data) }
                guard let result = faults.run([caseboard] + edit + ["--data", data, "--author", "bob"], fault, nth: nth, in: data) else {
                    break
                }
                injected += 1
                let context = "\(fault) #\(nth): exit \(result.status) \(result.stdout) \(result.stderr)"
                let now = try state(data)
                let acknowledged = result.status == 0 && result.stdout.contains("Saved")
                if now.files == before.files {
                    #expect(!acknowledged, "acknowledged but lost: \(context)")
                    #expect(now.eventIDs == before.eventIDs, "\(context)")
                } else {
                    #expect(now.files == afterFiles, "\(context)")
                    #expect(now.eventIDs.count == before.eventIDs.count + 1, "\(context)")
                }
                let next = Spawn.run([caseboard, "edit", "kirklees-mst", "--summary", "next", "--data", data, "--author", "carol"])
                #expect(next.status == 0, "\(context): \(next.stderr)")
            }
        }
        #expect(injected >= 5, "only \(injected) faults were injected: is strace working?")
    }

    /// Processes adding partners and editing one field at once: every add lands, and each edit of the field
    /// that was saved starts from the value the previous saved one left (none overwrote another unseen).
    @Test func concurrentEditsLoseNothingAndOverwriteNothingUnseen() throws {
        let caseboard = Spawn.caseboard
        let data = try Spawn.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: data) }
        func loop(_ author: String) -> String {
            """
            for i in $(seq 15); do
              \(caseboard) add partner --id \(author)-$i --name "\(author) group $i" --kind voluntary --district leeds --data \(data) --author \(author) >/dev/null || echo "add failed $i"
              \(caseboard) edit kirklees-mst --summary "\(author) wrote $i" --data \(data) --author \(author) >/dev/null 2>&1 || echo "refused"
            done
            """
        }
        let outA = data + "/.out-a"
        let outB = data + "/.out-b"
        let a = Spawn.background(["/bin/sh", "-c", loop("alice")], outputPath: outA)
        let b = Spawn.background(["/bin/sh", "-c", loop("bob")], outputPath: outB)
        #expect(Spawn.wait(a) == 0)
        #expect(Spawn.wait(b) == 0)
        let output = try String(contentsOfFile: outA, encoding: .utf8) + String(contentsOfFile: outB, encoding: .utf8)
        #expect(!output.contains("add failed"), "\(output)")
        let store = try DataStore(directory: data, readOnly: true)
        #expect(store.takeWarnings() == [])
        for author in ["alice", "bob"] {
            for i in 1...15 { #expect(store.dataset.organisation("\(author)-\(i)") != nil, "\(author)-\(i)") }
        }
        let edits = store.history.events.filter { $0.kind == .edit && $0.changes.first?.field == "summary" }
        let refused = output.components(separatedBy: "refused").count - 1
        #expect(edits.count + refused == 30)
        var summary = try #require(try DatasetLoader.load(directory: data).project("kirklees-mst")?.summary)
        for event in edits {
            let change = event.changes[0]
            #expect(change.from == .text(summary), "\(event.author) overwrote a summary they had not seen")
            summary = change.to.text ?? ""
        }
        #expect(store.dataset.project("kirklees-mst")?.summary == summary)
    }
}
