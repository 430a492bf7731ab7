import CaseboardKit
import CustomDump
import Testing

@testable import CaseboardTUI
@testable import TerminalKit

/// Drives the real reducer one action at a time and fails on anything the test did not say: each `send`
/// states how the state changes and which effects come out, and a difference is shown as a diff.
///
///     let store = TestStore(Sample.state(screen: .projects))
///     store.press(.down) { $0.cursors[.projects] = ListCursor(selected: 1) }
///     store.press(.character("q"), effects: [.quit]) { $0.shouldQuit = true }
final class TestStore {
    private(set) var state: AppState
    /// One memo for the whole run, as the input loop keeps one.
    private let memo = Memo()

    init(_ state: AppState) { self.state = state }

    func send(
        _ action: Action, effects expectedEffects: [Effect] = [], _ update: (inout AppState) -> Void = { _ in },
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var expected = state
        update(&expected)
        let effects = reduce(&state, action, memo: memo)
        if state != expected {
            let difference = diff(expected, state, format: .proportional) ?? "(no printable difference)"
            Issue.record("State after \(action) is not as expected: (−expected, +actual)\n\(difference)", sourceLocation: sourceLocation)
        }
        if effects != expectedEffects {
            let difference = diff(expectedEffects, effects, format: .proportional) ?? "(no printable difference)"
            Issue.record("Effects of \(action) are not as expected: (−expected, +actual)\n\(difference)", sourceLocation: sourceLocation)
        }
        // Carry on from what the reducer did, so one mismatch does not cascade through the rest of the test.
    }

    func press(
        _ key: Key, effects: [Effect] = [], _ update: (inout AppState) -> Void = { _ in }, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        send(.keyPressed(key), effects: effects, update, sourceLocation: sourceLocation)
    }
}

// Dumps show what a person would compare, not a hundred thousand projects.
extension LoadedData: CustomDumpStringConvertible {
    public var customDumpDescription: String {
        "LoadedData(version: \(version), history: \(history.count) changes v\(history.version), \(dataset.projects.count) projects)"
    }
}

extension ScreenFigures: CustomDumpStringConvertible {
    public var customDumpDescription: String { "ScreenFigures(derived; not compared)" }
}

extension KeyMap: CustomDumpStringConvertible {
    public var customDumpDescription: String {
        guard self != .standard else { return "KeyMap(standard)" }
        return "KeyMap(" + rows.map { "\($0.command.name)=\($0.keys.map(\.configName))" }.joined(separator: ", ") + ")"
    }
}
