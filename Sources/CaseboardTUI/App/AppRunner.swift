import CaseboardKit
import TerminalKit

/// The input loop: key → action → reduce → render → draw. Knows nothing of ncurses; the backend is given.
public final class AppRunner {
    public private(set) var state: AppState
    private let backend: Backend
    /// How long a read waits before a tick (used to notice changes on disk).
    public var tickMilliseconds = 250
    /// Called on each tick with the state; returns an action when something outside changed.
    public var onTick: ((AppState) -> Action?)?

    public init(state: AppState, backend: Backend) {
        self.state = state
        self.backend = backend
        if state.size != backend.size { _ = reduce(&self.state, .terminalResized(backend.size)) }
    }

    /// Runs until the user quits.
    public func run() {
        draw()
        while !state.shouldQuit {
            guard let key = backend.readKey(timeoutMilliseconds: tickMilliseconds) else {
                if let action = onTick?(state) { dispatch(action) }
                continue
            }
            dispatch(key == .resize ? .terminalResized(backend.size) : .keyPressed(key))
        }
    }

    /// Applies one action and redraws.
    public func dispatch(_ action: Action) {
        for effect in reduce(&state, action) {
            switch effect {
            case .redrawAll: backend.invalidate()
            case .quit: break
            }
        }
        draw()
    }

    private func draw() {
        let frame = render(state)
        backend.draw(frame.buffer, cursor: frame.cursor)
    }
}
