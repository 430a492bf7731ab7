/// Why the ncurses backend could not start.
public enum NcursesBackendError: Error, CustomStringConvertible, Equatable {
    /// ncurses has no description for this terminal type (TERM).
    case unknownTerminal(String?)

    public var description: String {
        switch self {
        case .unknownTerminal(let name?):
            return "cannot use the terminal type \"\(name)\" (from TERM): it is unknown to this system's "
                + "terminfo database; try TERM=xterm-256color"
        case .unknownTerminal(nil):
            return "the TERM environment variable is not set, so the terminal type is unknown; "
                + "try TERM=xterm-256color"
        }
    }
}
