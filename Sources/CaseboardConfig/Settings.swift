import CaseboardKit
import CaseboardTUI

/// What the user's config file asks for. Every setting is optional: a missing one keeps Caseboard's default.
public struct Settings: Equatable, Sendable {
    public enum Colors: String, Sendable, CaseIterable {
        /// Colours when the terminal has them and `NO_COLOR` is not set.
        case auto
        case never
    }

    public var keyRemaps: [KeyRemap] = []
    public var views: [SavedView] = []
    /// As the browser's own default: `31 Mar 2022`.
    public var dateStyle: DateStyle = .uk
    public var colors: Colors = .auto
    /// The terminal's background, when the user says which: picks colours that read on it.
    public var theme: PaletteTheme?
    public var defaultScreen: Screen?

    public init() {}

    /// The standard key map with the remaps applied; remaps that would clash are left out and named.
    public func keyMap() -> (map: KeyMap, refused: [(remap: KeyRemap, clash: KeyClash)]) {
        KeyMap.standard.applying(keyRemaps)
    }
}

/// One problem in the config file, at a line and column (1-based).
public struct ConfigProblem: Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, _ message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }

    /// `FILE:LINE:COLUMN: message`, as `caseboard validate` reports data problems.
    public func report(in path: String) -> String { "\(path):\(line):\(column): \(message)" }
}
