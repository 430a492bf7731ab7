import Foundation
import Testing

/// A guard against order-of-magnitude regressions, not a timing of the targets (see docs/performance.md):
/// 10,000 generated projects must reach their first frame in under 3 s with the debug build (about 0.3 s).
@Suite struct PerformanceSmokeTests {
    @Test func tenThousandProjectsReachTheirFirstFrameQuickly() throws {
        let data = NSTemporaryDirectory() + "caseboard-smoke-\(UUID().uuidString)"
        let generate = Spawn.run([Spawn.caseboard, "generate", "--projects", "10000", "--events", "10000", "--out", data])
        #expect(generate.status == 0, "\(generate.stderr)")
        let started = Date()
        let frame = Spawn.run([Spawn.caseboard, "--data", data, "--render-once", "120x40", "--screen", "projects"])
        let seconds = Date().timeIntervalSince(started)
        #expect(frame.status == 0, "\(frame.stderr)")
        // A real Projects frame of the generated data, with the journal's changes applied.
        #expect(frame.stdout.contains("TITLE ▲"))
        #expect(frame.stdout.contains("10,000 projects"))
        #expect(seconds < 3, "10,000 projects took \(seconds) s to the first frame")
        try? FileManager.default.removeItem(atPath: data)
    }
}
