import CNcursesw

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Makes sure the terminal is restored however the process ends: normal exit, a termination signal, or a
/// crash. Handlers touch only plain globals and C calls, as signal handlers must.
enum TerminalSignals {
    /// True while curses owns the terminal; the handlers call `endwin` only then.
    nonisolated(unsafe) static var cursesActive = false

    /// Previous dispositions, indexed by signal number, so crashes still reach Swift's backtracer.
    /// Allocated once before any handler is installed; never freed.
    nonisolated(unsafe) static let previousActions: UnsafeMutablePointer<sigaction> = {
        let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(NSIG))
        pointer.initialize(repeating: sigaction(), count: Int(NSIG))
        return pointer
    }()

    nonisolated(unsafe) static var installed = false

    /// True while the terminal wraps pastes in ESC [ 200 ~ … ESC [ 201 ~ at our request; every way out turns
    /// it off again, or the shell would receive those markers around everything pasted into it.
    nonisolated(unsafe) static var bracketedPasteOn = false

    /// SIGQUIT (Ctrl-\\ from another terminal's kill, or a job-control tool) is a termination like the others.
    static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    /// Swift's fatalError and precondition failures trap (SIGILL on x86-64, SIGTRAP on arm64).
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE, SIGTRAP]

    /// Processes started by test harnesses can inherit a blocked signal mask (SIGWINCH, SIGTERM, SIGINT)
    /// and an ignored SIGWINCH; both would stop resizes and clean termination from working.
    static func resetInheritedSignalState() {
        var empty = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, nil)
        signal(SIGWINCH, SIG_DFL)
    }

    /// Leaves curses mode if it is active. Used by shutdown, suspend and by every handler.
    static func restoreTerminal() {
        stopBracketedPaste()
        guard cursesActive else { return }
        cursesActive = false
        endwin()
    }

    /// Asks the terminal to mark pastes, so a paste arrives as one event and never as keystrokes.
    static func startBracketedPaste() {
        let start: StaticString = "\u{1B}[?2004h"
        _ = write(STDOUT_FILENO, start.utf8Start, start.utf8CodeUnitCount)
        bracketedPasteOn = true
    }

    /// Safe in a signal handler: a plain write(2) of a constant string.
    static func stopBracketedPaste() {
        guard bracketedPasteOn else { return }
        bracketedPasteOn = false
        let stop: StaticString = "\u{1B}[?2004l"
        _ = write(STDOUT_FILENO, stop.utf8Start, stop.utf8CodeUnitCount)
    }

    /// Installs the handlers once per process (after `newterm`, so they replace ncurses' own).
    static func install() {
        guard !installed else { return }
        installed = true
        _ = previousActions  // allocate now, never inside a handler

        for signo in terminationSignals {
            var action = sigaction()
            sigemptyset(&action.sa_mask)
            action.__sigaction_handler.sa_handler = { signo in
                TerminalSignals.restoreTerminal()
                _exit(128 + signo)
            }
            sigaction(signo, &action, previousActions + Int(signo))
        }

        for signo in crashSignals {
            var action = sigaction()
            sigemptyset(&action.sa_mask)
            // SA_ONSTACK: a stack overflow can only be handled on the alternate stack Swift's runtime sets up.
            action.sa_flags = SA_SIGINFO | Int32(SA_ONSTACK)
            action.__sigaction_handler.sa_sigaction = { signo, info, _ in
                TerminalSignals.restoreTerminal()
                sigaction(signo, TerminalSignals.previousActions + Int(signo), nil)
                let isHardwareFault =
                    (signo == SIGSEGV || signo == SIGBUS || signo == SIGILL || signo == SIGFPE)
                    && (info?.pointee.si_code ?? 0) > 0
                // A hardware fault repeats when the handler returns, now reaching the previous handler with
                // the original context (so the backtrace is the real one); anything else is sent again.
                if !isHardwareFault { raise(signo) }
            }
            sigaction(signo, &action, previousActions + Int(signo))
        }

        atexit { TerminalSignals.restoreTerminal() }
    }
}
