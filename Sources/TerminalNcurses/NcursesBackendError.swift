/// Why the ncurses backend could not start.
public enum NcursesBackendError: Error, CustomStringConvertible, Equatable {
    /// ncurses has no description for this terminal type (TERM).
    case unknownTerminal(String?)
    /// The terminal cannot move the cursor (TERM=dumb), so a full-screen browser cannot draw on it.
    case cannotMoveCursor(String)

    public var description: String {
        switch self {
        case .unknownTerminal(let name?):
            return "cannot use the terminal type \"\(name)\" (from TERM): it is unknown to this system's "
                + "terminfo database; try TERM=xterm-256color"
        case .cannotMoveCursor(let name):
            return "Caseboard needs a terminal that can move the cursor (TERM=\(name) can't); use TERM=xterm-256color, "
                + "or the headless commands such as `caseboard list projects`"
        case .unknownTerminal(nil):
            return "the TERM environment variable is not set, so the terminal type is unknown; "
                + "try TERM=xterm-256color"
        }
    }
}
