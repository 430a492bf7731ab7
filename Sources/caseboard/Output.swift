import Foundation
import TerminalKit

#if canImport(Glibc)
    import Glibc
#endif

/// The only way text leaves the program. Anything meant for a person goes through the sanitiser here, once,
/// so no command can forget it: a value from a data file, the journal or the command line must never be
/// able to clear the screen, write the clipboard (OSC 52) or reorder what follows it.
enum Output {
    /// A message for a person, on standard error.
    static func error(_ text: String) {
        write(Sanitizer.cleanLines(text + "\n"), to: FileHandle.standardError)
    }

    /// Text for a person (tables, reports, confirmations), on standard output.
    static func print(_ text: String) {
        write(Sanitizer.cleanLines(text), to: FileHandle.standardOutput)
    }

    /// A listing in the format asked for. JSON escapes every control itself and CSV bound for a file or a
    /// pipe must keep the data exact, so only what lands on a terminal is shown with visible stand-ins.
    static func data(_ text: String, as format: OutputFormat) {
        switch format {
        case .json: write(text, to: FileHandle.standardOutput)
        case .csv where isatty(STDOUT_FILENO) == 0: write(text, to: FileHandle.standardOutput)
        case .csv, .table: print(text)
        }
    }

    private static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}
