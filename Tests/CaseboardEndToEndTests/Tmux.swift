import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A private tmux server running a shell, for driving the real binary as a user would.
final class Tmux {
    let socket = "caseboard-e2e-\(UUID().uuidString.prefix(8))"
    let session = "cb"

    init(width: Int = 80, height: Int = 24) throws {
        let started = run(
            "new-session", "-d", "-s", session, "-x", String(width), "-y", String(height),
            "env -i PATH=/usr/bin:/bin HOME=\(NSTemporaryDirectory()) TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' bash --norc --noprofile")
        guard started.status == 0 else { throw TmuxError(message: "tmux did not start: \(started.stderr)") }
        _ = run("set-option", "-t", session, "status", "off")
    }

    deinit { _ = run("kill-server") }

    struct TmuxError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    @discardableResult
    func run(_ arguments: String...) -> Spawn.Result { run(arguments) }

    @discardableResult
    func run(_ arguments: [String]) -> Spawn.Result {
        Spawn.run(["tmux", "-L", socket] + arguments)
    }

    /// Types a line into the shell.
    func type(_ line: String) {
        run("send-keys", "-t", session, "-l", line)
        run("send-keys", "-t", session, "Enter")
    }

    /// Presses keys by tmux name ("Down", "Enter", "Escape", "C-c") or literal text.
    func press(_ keys: String...) { for key in keys { run("send-keys", "-t", session, key) } }

    func literal(_ text: String) { run("send-keys", "-t", session, "-l", text) }

    /// Pastes `text` as a terminal does: wrapped in ESC [ 200 ~ … ESC [ 201 ~ when the program asked for
    /// bracketed paste, plain otherwise. tmux sends line feeds as carriage returns, as terminals do.
    func paste(_ text: String) {
        run("set-buffer", "-b", "e2e", text)
        run("paste-buffer", "-p", "-b", "e2e", "-t", session)
    }

    /// Sends raw bytes, such as an escape sequence the terminal's key names do not cover.
    func bytes(_ bytes: [UInt8]) {
        run(["send-keys", "-t", session, "-H"] + bytes.map { String($0, radix: 16) })
    }

    /// The visible screen; -J joins lines the terminal wrapped.
    func screen() -> String { run("capture-pane", "-p", "-J", "-t", session).stdout }

    func resize(width: Int, height: Int) { run("resize-window", "-t", session, "-x", String(width), "-y", String(height)) }

    /// The pid of the program running in the shell, if any.
    func childPID() -> pid_t? {
        let shell = run("display-message", "-p", "-t", session, "#{pane_pid}").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let children = Spawn.run(["pgrep", "-P", shell]).stdout.split(separator: "\n")
        return children.first.flatMap { pid_t($0) }
    }

    /// Polls the screen until `predicate` holds; on timeout records an issue that shows the screen.
    @discardableResult
    func waitFor(
        _ description: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation, _ predicate: (String) -> Bool
    ) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var text = screen()
        while !predicate(text) {
            if Date() > deadline {
                Issue.record("timed out waiting for \(description); the screen was:\n\(text)", sourceLocation: sourceLocation)
                return text
            }
            usleep(50_000)
            text = screen()
        }
        return text
    }

    @discardableResult
    func waitFor(_ needle: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        waitFor("\"\(needle)\"", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(needle) }
    }
}
