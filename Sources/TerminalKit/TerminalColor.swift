/// One of the terminal's own eight base colours.
///
/// Deliberately no RGB or 256-colour palette: the user's terminal theme decides what "red" looks like, so
/// the interface stays readable on light and dark backgrounds alike.
public enum TerminalColor: UInt8, CaseIterable, Sendable {
    case black, red, green, yellow, blue, magenta, cyan, white

    /// Lower-case name used in style descriptions, e.g. `red`.
    public var name: String {
        switch self {
        case .black: return "black"
        case .red: return "red"
        case .green: return "green"
        case .yellow: return "yellow"
        case .blue: return "blue"
        case .magenta: return "magenta"
        case .cyan: return "cyan"
        case .white: return "white"
        }
    }
}
