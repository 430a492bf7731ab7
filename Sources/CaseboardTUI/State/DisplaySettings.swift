import CaseboardKit
import TerminalKit

/// The terminal's background, when the user says which: a few colours swap for ones that read on it.
public enum PaletteTheme: String, Sendable, CaseIterable {
    case light, dark
}

extension AppState {
    /// Shows a message in the footer until the next key (a start-up warning, say).
    public mutating func announce(_ notice: Notice) { message = notice }
}
