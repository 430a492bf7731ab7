import Foundation
import Testing

/// A guard against order-of-magnitude regressions, not a timing of the targets (see docs/performance.md):
/// 10,000 generated projects must reach their first frame in under 10 s of processor time with the debug build
/// (about 0.5 s). Processor time, not the clock: on a shared 2-core machine under load the clock time of the same
/// run was measured at 4.6 s with 1.2 s of processor time, so a clock limit would fail for reasons of its own.
@Suite struct PerformanceSmokeTests {
    @Test func tenThousandProjectsReachTheirFirstFrameQuickly() throws {
        let data = NSTemporaryDirectory() + "caseboard-smoke-\(UUID().uuidString)"
        let generate = Spawn.run([Spawn.caseboard, "generate", "--projects", "10000", "--events", "10000", "--out", data])
        #expect(generate.status == 0, "\(generate.stderr)")
        let before = Self.childProcessorSeconds()
        let frame = Spawn.run([Spawn.caseboard, "--data", data, "--render-once", "120x40", "--screen", "projects"])
        let seconds = Self.childProcessorSeconds() - before
        #expect(frame.status == 0, "\(frame.stderr)")
        // A real Projects frame of the generated data, with the journal's changes applied.
        #expect(frame.stdout.contains("TITLE ▲"))
        #expect(frame.stdout.contains("10,000 projects"))
        #expect(seconds < 10, "10,000 projects took \(seconds) s of processor time to the first frame")
        try? FileManager.default.removeItem(atPath: data)
    }

    /// User and system time of the finished child processes, in seconds.
    static func childProcessorSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
