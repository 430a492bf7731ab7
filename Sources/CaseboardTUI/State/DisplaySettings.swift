import CaseboardKit
import TerminalKit

/// How dates read: `iso` (2026-11-25, the default) or `uk` (25/11/2026).
public enum DateStyle: String, Sendable, CaseIterable {
    case iso, uk

    /// A `YYYY-MM-DD` date (or the date part of a journal time) in this style; other text unchanged.
    public func format(_ text: String) -> String {
        guard self == .uk else { return text }
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && Int($0) != nil }) else { return text }
        return "\(parts[2])/\(parts[1])/\(parts[0])" + text.dropFirst(10)
    }
}

/// The terminal's background, when the user says which: a few colours swap for ones that read on it.
public enum PaletteTheme: String, Sendable, CaseIterable {
    case light, dark
}

extension AppState {
    /// Shows a message in the footer until the next key (a start-up warning, say).
    public mutating func announce(_ notice: Notice) { message = notice }
}
