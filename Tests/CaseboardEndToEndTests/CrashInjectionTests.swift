import CaseboardKit
import Foundation
import Testing

/// Every write path killed, or failed with a full disk or an I/O error, at each of its system calls in turn
/// (strace's fault injection, on the real binary). After each, the state replayed from disk must be the
/// state before the command or the state after it, nothing acknowledged may be missing, and the next
/// command must finish the job without recording any event twice.
@Suite(.serialized) struct CrashInjectionTests {
    /// A system call, and what happens at its Nth use.
    struct Fault: CustomStringConvertible {
        var call: String
        var action: String
        var description: String { "\(call):\(action)" }
    }

    static let faults = [
        Fault(call: "write", action: "signal=KILL"), Fault(call: "write", action: "error=ENOSPC"),
        Fault(call: "fsync", action: "signal=KILL"), Fault(call: "fsync", action: "error=EIO"),
        Fault(call: "rename", action: "signal=KILL"), Fault(call: "rename", action: "error=EIO"),
        Fault(call: "ftruncate", action: "signal=KILL"), Fault(call: "ftruncate", action: "error=EIO"),
    ]

    static var strace: String {
        for candidate in ["/usr/bin/strace", "/bin/strace"] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return ""
    }

    /// Runs `arguments` under strace with `fault` at its `nth` call; nil when the command never made that
    /// many such calls (so it ran untouched, and higher `nth` need not be tried).
    func run(_ arguments: [String], _ fault: Fault, nth: Int, in data: String) -> Spawn.Result? {
        let log = data + ".strace"
        defer { unlink(log) }
        let result = Spawn.run(
            [Self.strace, "-f", "-qq", "-o", log, "-e", "trace=\(fault.call)", "-e", "inject=\(fault.call):\(fault.action):when=\(nth)"]
                + arguments,
            // A crash under strace must not wait on the backtracer.
            environment: ["SWIFT_BACKTRACE": "enable=no"])
        let trace = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return trace.contains("INJECTED") || trace.contains("killed by SIGKILL") ? result : nil
    }

    struct State: Equatable {
        var statuses: [String: ProjectStatus]
        var eventIDs: Set<String>
    }

    /// What the next session sees (opened writable, as a coordinator's would be, so repairs happen).
    func state(_ data: String) throws -> State {
        let store = try DataStore(directory: data)
        return State(
            statuses: Dictionary(uniqueKeysWithValues: store.dataset.projects.map { ($0.id, $0.status) }),
            eventIDs: Set(store.history.events.map(\.id)))
    }

    func copy(_ source: String) throws -> String {
        let path = NSTemporaryDirectory() + "caseboard-crash-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: source, toPath: path)
        return path
    }

    /// Event ids in a JSON Lines file, with repeats.
    func ids(in path: String) -> [String] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["id"] as? String
        }
    }

    @Test func straceIsInstalled() {
        #expect(!Self.strace.isEmpty, "these tests need strace (apt-get install strace; .ci/run installs it)")
    }

    @Test func compactionInterruptedAnywhereLosesNoChange() throws {
        try #require(!Self.strace.isEmpty, "strace is missing: apt-get install strace")
        let caseboard = Spawn.caseboard
        let prepared = try Spawn.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: prepared) }
        for arguments in [
            ["set-status", "gangs-schools-programme", "at-risk", "--reason", "venue lost"], ["note", "kirklees-mst", "met the head"],
            ["set-status", "kirklees-mst", "paused", "--reason", "provider review"],
        ] {
            let result = Spawn.run([caseboard] + arguments + ["--data", prepared, "--author", "alice"])
            try #require(result.status == 0, "\(result.stderr)")
        }
        // An earlier compaction, so the archive is not empty, then one more change for this one to fold.
        try #require(Spawn.run([caseboard, "compact", "--data", prepared]).status == 0)
        try #require(
            Spawn.run([
                caseboard, "set-status", "programme-precision", "at-risk", "--reason", "staffing", "--data", prepared, "--author", "bob",
            ]).status == 0)
        let expected = try state(prepared)
        #expect(expected.statuses["gangs-schools-programme"] == .atRisk)
        #expect(expected.eventIDs.count == 4)
        var injected = 0
        for fault in Self.faults {
            for nth in 1...40 {
                let data = try copy(prepared)
                defer { try? FileManager.default.removeItem(atPath: data) }
                guard let result = run([caseboard, "compact", "--data", data], fault, nth: nth, in: data) else { break }
                injected += 1
                let context = "\(fault) #\(nth): exit \(result.status) \(result.stderr)"
                #expect(try state(data) == expected, "\(context)")
                let validate = Spawn.run([caseboard, "validate", "--data", data])
                #expect(validate.status == 0, "\(context): \(validate.stdout)\(validate.stderr)")
                // The next compaction finishes the job: same state, every event archived exactly once.
                let again = Spawn.run([caseboard, "compact", "--data", data])
                #expect(again.status == 0, "\(context): \(again.stderr)")
                #expect(try state(data) == expected, "\(context), then compacted again")
                let archived = ids(in: data + "/" + JournalFiles.archive)
                #expect(archived.count == expected.eventIDs.count, "\(context): archive holds \(archived)")
                #expect(Set(archived) == expected.eventIDs, "\(context)")
                #expect(ids(in: data + "/" + JournalFiles.journal).isEmpty, "\(context)")
            }
        }
        #expect(injected >= 20, "only \(injected) faults were injected: is strace working?")
    }

    @Test func aStatusChangeInterruptedAnywhereIsBeforeOrAfterAndKeptIfAcknowledged() throws {
        try #require(!Self.strace.isEmpty, "strace is missing: apt-get install strace")
        let caseboard = Spawn.caseboard
        let prepared = try Spawn.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: prepared) }
        // One change first, so the journal and the lock already exist (the common case).
        try #require(Spawn.run([caseboard, "note", "kirklees-mst", "first", "--data", prepared, "--author", "alice"]).status == 0)
        let before = try state(prepared)
        var injected = 0
        for fault in Self.faults {
            for nth in 1...40 {
                let data = try copy(prepared)
                defer { try? FileManager.default.removeItem(atPath: data) }
                let command = [
                    caseboard, "set-status", "gangs-schools-programme", "at-risk", "--expect", "active", "--reason", "venue lost", "--data",
                    data, "--author", "bob",
                ]
                guard let result = run(command, fault, nth: nth, in: data) else { break }
                injected += 1
                let context = "\(fault) #\(nth): exit \(result.status) \(result.stdout) \(result.stderr)"
                let after = try state(data)
                let acknowledged = result.status == 0 && result.stdout.contains("saved")
                if after.statuses == before.statuses {
                    #expect(!acknowledged, "acknowledged but lost: \(context)")
                    #expect(after.eventIDs == before.eventIDs, "\(context)")
                } else {
                    var changed = before.statuses
                    changed["gangs-schools-programme"] = .atRisk
                    #expect(after.statuses == changed, "\(context)")
                    #expect(after.eventIDs.count == before.eventIDs.count + 1, "\(context)")
                }
                let validate = Spawn.run([caseboard, "validate", "--data", data])
                #expect(validate.status == 0, "\(context): \(validate.stdout)\(validate.stderr)")
                // The journal ends on a whole line, so the next change lands cleanly.
                let next = Spawn.run([caseboard, "note", "gangs-schools-programme", "next", "--data", data, "--author", "carol"])
                #expect(next.status == 0, "\(context): \(next.stderr)")
                #expect(try state(data).eventIDs.count == after.eventIDs.count + 1, "\(context)")
            }
        }
        #expect(injected >= 5, "only \(injected) faults were injected: is strace working?")
    }
}
