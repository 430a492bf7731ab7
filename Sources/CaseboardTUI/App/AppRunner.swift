import CaseboardKit
import Foundation
import TerminalKit

/// The input loop: key → action → reduce → effects → render → draw. Knows nothing of ncurses: the backend
/// is given. With a store (any kind: it knows only CaseboardStore), saves changes and picks up other sessions'
/// changes on the idle tick.
public final class AppRunner {
    public private(set) var state: AppState
    private let backend: Backend
    private let store: (any CaseboardStore)?
    /// How long a read waits before the idle tick that looks for changes on disk.
    public var tickMilliseconds = 250
    /// Writes the saved views to the user's settings; returns why it could not, or nil when it did.
    public var saveViews: ([SavedView]) -> String? = { _ in "there is no settings file in this session" }
    /// Answers kept between keystrokes (sorted orders, the last filter's result, the screen's figures).
    private let memo = Memo()

    public init(state: AppState, backend: Backend, store: (any CaseboardStore)? = nil) {
        self.state = state
        self.backend = backend
        self.store = store
        if state.size != backend.size { _ = reduce(&self.state, .terminalResized(backend.size), memo: memo) }
        if let warnings = store?.takeWarnings(), !warnings.isEmpty, let store {
            _ = reduce(&self.state, .dataChanged(store.dataset, store.history, sameRows: true, warnings: warnings), memo: memo)
        }
    }

    /// Runs until the user quits.
    public func run() {
        draw()
        while !state.shouldQuit {
            guard let key = backend.readKey(timeoutMilliseconds: tickMilliseconds) else {
                tick()
                continue
            }
            dispatch(key == .resize ? .terminalResized(backend.size) : .keyPressed(key))
        }
    }

    /// Looks for changes other sessions made, and for a new day; redraws only when there were some.
    public func tick() {
        let today = CalendarDate.today()
        if today != state.today { dispatch(.dayChanged(today)) }
        guard let store else { return }
        let change = store.refresh()
        let warnings = store.takeWarnings()
        switch change {
        case .unchanged where warnings.isEmpty: return
        case .unchanged, .appended:
            dispatch(.dataChanged(store.dataset, store.history, sameRows: true, warnings: warnings))
        case .reloaded, .recordsChanged:
            // Files replaced, or records added, retired or corrected elsewhere: rows and orders change too.
            dispatch(.dataChanged(store.dataset, store.history, sameRows: false, warnings: warnings))
        }
    }

    /// Applies one action, runs its effects (their results are actions too), and redraws.
    public func dispatch(_ action: Action) {
        var pending = [action]
        while !pending.isEmpty {
            for effect in reduce(&state, pending.removeFirst(), memo: memo) {
                if let result = run(effect) { pending.append(result) }
            }
        }
        draw()
    }

    private func run(_ effect: Effect) -> Action? {
        switch effect {
        case .redrawAll:
            backend.invalidate()
            return nil
        case .suspend:
            backend.suspend()
            // Others may have saved changes while we were stopped; the next frame is drawn whole.
            tick()
            backend.invalidate()
            return nil
        case .quit:
            return nil
        case .copyToClipboard(let text):
            backend.copyToClipboard(text)
            return nil
        case .openLink(let link):
            Desktop.open(link)
            return nil
        case .saveStatus(let project, let from, let to, let note):
            return save { (store) throws(EditRefusal) in
                try store.setStatus(project: project, to: to, expecting: from, note: note, risk: nil, author: state.author, at: Date())
            }
        case .saveNote(let project, let text):
            return save { (store) throws(EditRefusal) in try store.addNote(project: project, text: text, author: state.author, at: Date()) }
        case .undo(let event):
            return save { (store) throws(EditRefusal) in try store.undo(event: event, author: state.author, at: Date()) }
        case .saveRecords(let changes):
            return save { (store) throws(EditRefusal) in try store.save(changes, note: nil, source: nil, author: state.author, at: Date()) }
        case .saveViews(let views):
            return saveViews(views).map { .viewsNotSaved($0) }
        }
    }

    private func save(_ change: (any CaseboardStore) throws(EditRefusal) -> JournalEvent) -> Action? {
        guard let store else { return .changeRefused("No data directory is open; nothing was saved", state.dataset, state.history) }
        do {
            let event = try change(store)
            return .changeSaved(event, store.dataset, store.history)
        } catch {
            return .changeRefused(error.message, store.dataset, store.history)
        }
    }

    private func draw() {
        let frame = render(state)
        backend.draw(frame.buffer, cursor: frame.cursor)
    }
}
