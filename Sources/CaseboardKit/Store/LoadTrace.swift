import Foundation

/// Phase timings on standard error when `CASEBOARD_TRACE=1`: how the benchmark's figures break down.
public enum LoadTrace {
    public static let enabled = ProcessInfo.processInfo.environment["CASEBOARD_TRACE"] == "1"
    nonisolated(unsafe) private static var last = processStart()

    /// When the process started, from /proc, so the first mark includes start-up.
    private static func processStart() -> Date {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
            let uptime = try? String(contentsOfFile: "/proc/uptime", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return Date() }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]), let up = Double(uptime.split(separator: " ")[0]) else { return Date() }
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        return Date().addingTimeInterval(ticks / ticksPerSecond - up)
    }

    /// Prints the time since the previous mark (or process start) with `label`.
    public static func mark(_ label: String) {
        guard enabled else { return }
        let now = Date()
        let line =
            "trace " + label.padding(toLength: 28, withPad: " ", startingAt: 0)
            + String(format: "%7.1f ms\n", now.timeIntervalSince(last) * 1000)
        FileHandle.standardError.write(Data(line.utf8))
        last = now
    }
}
