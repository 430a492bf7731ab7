import CaseboardKit
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Writers and compactions at once: a change is always checked against the state the lock orders, so no
/// change based on a stale status is ever accepted, and nothing acknowledged goes missing.
@Suite(.serialized) struct CompactionRaceTests {
    let caseboard = Spawn.caseboard

    /// Event ids in a JSON Lines file, with repeats.
    func ids(in path: String) -> [String] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["id"] as? String
        }
    }

    @Test func aChangeBasedOnAStatusACompactionIsFoldingIsRefused() throws {
        try #require(!CrashInjectionTests.strace.isEmpty, "strace is missing: apt-get install strace")
        let data = try Spawn.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let moved = Spawn.run([
            caseboard, "set-status", "gangs-schools-programme", "at-risk", "--reason", "venue lost", "--data", data, "--author", "alice",
        ])
        try #require(moved.status == 0, "\(moved.stderr)")
        // The compaction holds still for 2 s just before it replaces projects.json, with the archive written.
        let compaction = Spawn.background(
            [
                CrashInjectionTests.strace, "-f", "-qq", "-o", "/dev/null", "-e", "inject=rename:delay_enter=2000000:when=1", caseboard,
                "compact", "--data", data,
            ],
            environment: ["SWIFT_BACKTRACE": "enable=no"], outputPath: data + ".compact")
        defer {
            unlink(data + ".compact")
            unlink(data + ".compact.err")
        }
        // Wait until the archive is written, so this session reads the files mid-compaction.
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: data + "/" + JournalFiles.archive) { usleep(10_000) }
        let stale = Spawn.run([
            caseboard, "set-status", "gangs-schools-programme", "completed", "--expect", "active", "--data", data, "--author", "bob",
        ])
        #expect(Spawn.wait(compaction) == 0)
        #expect(stale.status == 1, "a change based on a status two steps old was accepted: \(stale.stdout)")
        #expect(stale.stderr.contains("alice changed GANGS schools programme to at-risk"), "\(stale.stderr)")
        let store = try DataStore(directory: data, readOnly: true)
        #expect(store.dataset.project("gangs-schools-programme")?.status == .atRisk)
    }

    @Test func writersAndCompactionsTogetherKeepEveryChangeAndAnUnbrokenChain() throws {
        let data = try Spawn.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let project = "gangs-schools-programme"
        // Each writer toggles the project, naming the status it expects; most attempts race another writer.
        func writer(_ author: String, _ rounds: Int) -> String {
            """
            for i in $(seq \(rounds)); do
              \(caseboard) set-status \(project) at-risk --expect active --reason "venue lost" --data \(data) --author \(author) 2>/dev/null
              \(caseboard) set-status \(project) active --expect at-risk --data \(data) --author \(author) 2>/dev/null
            done
            """
        }
        let compactor = """
            for i in $(seq 40); do \(caseboard) compact --data \(data) >/dev/null || echo "compact failed $i"; done
            """
        var pids: [pid_t] = []
        for author in ["alice", "bob", "carol"] {
            pids.append(Spawn.background(["/bin/sh", "-c", writer(author, 40)], outputPath: data + ".out-\(author)"))
        }
        pids.append(Spawn.background(["/bin/sh", "-c", compactor], outputPath: data + ".out-compact"))
        for pid in pids { _ = Spawn.wait(pid) }
        defer {
            for name in ["alice", "bob", "carol", "compact"] {
                unlink(data + ".out-\(name)")
                unlink(data + ".out-\(name).err")
            }
        }
        #expect(try String(contentsOfFile: data + ".out-compact", encoding: .utf8) == "")
        #expect(try String(contentsOfFile: data + ".out-compact.err", encoding: .utf8) == "")
        // Acknowledged changes, from each writer's "saved (event ID)" lines.
        var acknowledged: [String] = []
        for author in ["alice", "bob", "carol"] {
            let text = try String(contentsOfFile: data + ".out-\(author)", encoding: .utf8)
            for line in text.split(separator: "\n") {
                if let open = line.range(of: "(event "), let close = line.lastIndex(of: ")") {
                    acknowledged.append(String(line[open.upperBound..<close]))
                }
            }
        }
        #expect(acknowledged.count > 10)
        let onDisk = ids(in: data + "/" + JournalFiles.archive) + ids(in: data + "/" + JournalFiles.journal)
        #expect(onDisk.count == Set(onDisk).count, "an event was recorded twice")
        #expect(Set(acknowledged).isSubset(of: Set(onDisk)), "acknowledged but missing: \(Set(acknowledged).subtracting(onDisk))")
        #expect(Set(onDisk) == Set(acknowledged), "recorded but never acknowledged: \(Set(onDisk).subtracting(acknowledged))")
        // Every accepted change starts from where the one before it left the project.
        let store = try DataStore(directory: data, readOnly: true)
        var status = ProjectStatus.active
        for event in store.history.timeline(of: project).reversed() {
            #expect(event.from == status, "\(event.author)'s change at \(event.time) was based on a stale status")
            status = event.to ?? status
        }
        #expect(store.dataset.project(project)?.status == status)
        let validate = Spawn.run([caseboard, "validate", "--data", data])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
    }
}
