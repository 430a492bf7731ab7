import CaseboardKit
import CaseboardTUI
import Foundation
import TerminalKit
import TerminalNcurses

/// Opens the data on a second thread while the terminal shows progress: a large directory takes a second or
/// two, and the browser must never look hung. Small ones open before the loading screen would be drawn.
enum Loading {
    enum Outcome {
        case opened(DataStore)
        case failed(LoadFailure)
        /// The user pressed q (or Ctrl-C) while waiting.
        case abandoned
    }

    /// Progress and result, shared between the loading thread and the screen.
    private final class Shared: @unchecked Sendable {
        private let lock = NSLock()
        private var phase = LoadPhase.projects
        private var fraction = 0.0
        private var result: Result<DataStore, LoadFailure>?

        func update(_ phase: LoadPhase, _ fraction: Double) {
            lock.withLock {
                self.phase = phase
                self.fraction = fraction
            }
        }

        func finish(_ result: Result<DataStore, LoadFailure>) { lock.withLock { self.result = result } }

        var snapshot: (phase: LoadPhase, fraction: Double, result: Result<DataStore, LoadFailure>?) {
            lock.withLock { (phase, fraction, result) }
        }
    }

    static func open(_ directory: String, readOnly: Bool, backend: NcursesBackend) -> Outcome {
        let shared = Shared()
        let thread = Thread {
            shared.finish(
                Result { () throws(LoadFailure) in
                    try DataStore(directory: directory, readOnly: readOnly, progress: { shared.update($0, $1) })
                })
        }
        thread.stackSize = 8 << 20
        thread.start()
        let started = Date()
        while true {
            let now = shared.snapshot
            switch now.result {
            case .success(let store): return .opened(store)
            case .failure(let failure): return .failed(failure)
            case nil: break
            }
            // Only slow opens get a loading screen, so small directories do not flash one.
            if Date().timeIntervalSince(started) > 0.15 {
                let frame = renderLoading(
                    size: backend.size, directory: directory, phase: now.phase.label, fraction: now.fraction, colors: backend.supportsColor,
                    unicode: backend.supportsUnicode)
                backend.draw(frame, cursor: nil)
            }
            switch backend.readKey(timeoutMilliseconds: 50) {
            case .character("q"), .control("c"), .escape: return .abandoned
            case .resize: backend.invalidate()
            default: break
            }
        }
    }
}
