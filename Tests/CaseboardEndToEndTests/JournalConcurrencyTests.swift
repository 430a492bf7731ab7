import CaseboardKit
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Several real processes writing one data directory: nothing lost, nothing torn, nothing interleaved.
@Suite(.serialized) struct JournalConcurrencyTests {
    let fixtures = Spawn.repositoryRoot + "/Fixtures/west-yorkshire"

    func sampleCopy() throws -> String { try Spawn.sampleCopy() }

    /// A shell loop toggling one project between two statuses `count` times in all.
    func toggler(_ data: String, project: String, author: String, count: Int) -> String {
        let caseboard = Spawn.caseboard
        return """
            for i in $(seq \(count / 2)); do
              \(caseboard) set-status \(project) active --data \(data) --author \(author) >/dev/null || echo "failed $i"
              \(caseboard) set-status \(project) at-risk --reason "venue lost" --data \(data) --author \(author) >/dev/null || echo "failed $i"
            done
            """
    }

    @Test func twoProcessesAppending500ChangesEachLoseNothing() throws {
        let data = try sampleCopy()
        let outA = data + "/.out-a"
        let outB = data + "/.out-b"
        let a = Spawn.background(["/bin/sh", "-c", toggler(data, project: "kirklees-mst", author: "alice", count: 500)], outputPath: outA)
        let b = Spawn.background(
            ["/bin/sh", "-c", toggler(data, project: "dewsbury-mentoring", author: "bob", count: 500)], outputPath: outB)
        #expect(Spawn.wait(a) == 0)
        #expect(Spawn.wait(b) == 0)
        #expect(try String(contentsOfFile: outA, encoding: .utf8) == "")
        #expect(try String(contentsOfFile: outB, encoding: .utf8) == "")
        let text = try String(contentsOfFile: data + "/journal.jsonl", encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 1000)
        let store = try DataStore(directory: data, readOnly: true)
        #expect(store.takeWarnings() == [])
        #expect(store.history.count == 1000)
        for (project, author) in [("kirklees-mst", "alice"), ("dewsbury-mentoring", "bob")] {
            let events = Array(store.history.timeline(of: project).reversed())
            #expect(events.count == 500)
            #expect(events.allSatisfy { $0.author == author })
            // Each change starts from where the previous one left the project: a consistent chain.
            var status = ProjectStatus.atRisk
            for event in events {
                #expect(event.from == status)
                status = event.to ?? status
            }
            #expect(store.dataset.project(project)?.status == status)
            #expect(status == .atRisk)
        }
    }

    @Test func aWriterKilledWithSIGKILLLosesNoAcknowledgedChange() throws {
        let data = try sampleCopy()
        let acked = data + "/.acked"
        let caseboard = Spawn.caseboard
        let loop = """
            i=0
            while [ $i -lt 200 ]; do
              i=$((i+1))
              \(caseboard) note gangs-schools-programme "note $i" --data \(data) --author alice >/dev/null 2>&1 && echo "note $i" >> \(acked)
            done
            """
        let writer = Spawn.background(["/bin/sh", "-c", loop], outputPath: data + "/.out")
        // Kill whichever writer is running at random moments, far enough apart that most writes complete.
        var kills = 0
        var finished = false
        while !finished {
            usleep(useconds_t.random(in: 30_000...150_000))
            // Anchored on the binary, so the shell running the loop (whose text names the same arguments) is spared.
            let pids = Spawn.run(["pgrep", "-f", "^\(caseboard) note gangs-schools-programme .* --data \(data) "]).stdout.split(
                separator: "\n")
            for pid in pids.compactMap({ pid_t($0) }) where kill(pid, SIGKILL) == 0 { kills += 1 }
            var status: Int32 = 0
            finished = waitpid(writer, &status, WNOHANG) == writer
        }
        #expect(kills > 0)
        #expect(try String(contentsOfFile: data + "/.out", encoding: .utf8) == "")
        let acknowledged = ((try? String(contentsOfFile: acked, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        #expect(!acknowledged.isEmpty)
        let validate = Spawn.run([caseboard, "validate", "--data", data])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let store = try DataStore(directory: data)
        let notes = Set(store.history.timeline(of: "gangs-schools-programme").compactMap(\.note))
        for note in acknowledged { #expect(notes.contains(note), "acknowledged but missing: \(note)") }
        // Every line in the journal is whole after the store's repair.
        let text = try String(contentsOfFile: data + "/journal.jsonl", encoding: .utf8)
        #expect(text.isEmpty || text.hasSuffix("\n"))
    }
}
