import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs programs with posix_spawn: Foundation.Process hangs on tmux's daemon and passes on the
/// test thread's blocked signal mask, so resize and kill would not reach the child.
enum Spawn {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    static var fixtures: String { repositoryRoot + "/Fixtures/west-yorkshire" }

    /// A private copy of the sample, so tests never touch Fixtures/.
    static func sampleCopy() throws -> String {
        let path = NSTemporaryDirectory() + "caseboard-e2e-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: fixtures, toPath: path)
        return path
    }

    /// The `caseboard` binary that `swift test` built beside the test bundle.
    static var caseboard: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // The test runner may live inside the .xctest bundle directory.
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("caseboard").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return repositoryRoot + "/.build/debug/caseboard"
    }

    /// Runs `arguments[0]` (looked up in PATH) to completion, capturing output through temp files.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], unsetting: [String] = [], stdin: String? = nil)
        -> Result
    {
        let scratch = NSTemporaryDirectory() + "caseboard-spawn-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let inPath = scratch + "/in"
        _ = FileManager.default.createFile(atPath: inPath, contents: Data((stdin ?? "").utf8))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, scratch + "/out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, scratch + "/err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let pid = start(arguments, environment: environment, unsetting: unsetting, actions: &actions)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let out = (try? String(contentsOfFile: scratch + "/out", encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: scratch + "/err", encoding: .utf8)) ?? ""
        return Result(status: code, stdout: out, stderr: err)
    }

    /// Starts a process in the background with stdout to `outputPath`; returns its pid.
    static func background(_ arguments: [String], environment: [String: String] = [:], outputPath: String) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, outputPath + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        return start(arguments, environment: environment, actions: &actions)
    }

    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Runs the command on a terminal (a pty that `script` provides), as a person at a shell would: its
    /// standard output and error both arrive in `stdout`, with each "\n" turned into "\r\n" by the pty.
    static func runOnTerminal(_ arguments: [String], environment: [String: String] = [:]) -> Result {
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        return run(["script", "-qec", quoted, "/dev/null"], environment: environment)
    }

    private static func start(
        _ arguments: [String], environment: [String: String], unsetting: [String] = [], actions: inout posix_spawn_file_actions_t
    ) -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "interactive=no"
        for (key, value) in environment { env[key] = value }
        for key in unsetting { env[key] = nil }
        let envStrings = env.map { "\($0.key)=\($0.value)" }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = envStrings.map { strdup($0) } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        precondition(result == 0, "cannot start \(arguments[0]): \(String(cString: strerror(result)))")
        return pid
    }
}
