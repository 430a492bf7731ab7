import Foundation
import SystemPackage
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
        write(Sanitizer.cleanLines(text + "\n"), to: .standardError)
    }

    /// Text for a person (tables, reports, confirmations), on standard output.
    static func print(_ text: String) {
        write(Sanitizer.cleanLines(text), to: .standardOutput)
    }

    /// A listing in the format asked for. JSON escapes every control itself and CSV bound for a file or a
    /// pipe must keep the data exact, so only what lands on a terminal is shown with visible stand-ins.
    static func data(_ text: String, as format: OutputFormat) {
        switch format {
        case .json: write(text, to: .standardOutput)
        case .csv where isatty(STDOUT_FILENO) == 0: write(text, to: .standardOutput)
        case .csv, .table: print(text)
        }
    }

    /// A binary file (an xlsx workbook) byte for byte; callers refuse first when standard output is a terminal.
    static func binary(_ bytes: Data) {
        write(bytes, to: .standardOutput)
    }

    /// Never traps: a full disk or a closed pipe on standard output is reported and ends the command with
    /// EX_IOERR (74), so a script never takes a cut-off listing for a whole one.
    private static func write(_ text: String, to descriptor: FileDescriptor) { write(text.utf8, to: descriptor) }

    private static func write<Bytes: Sequence<UInt8>>(_ bytes: Bytes, to descriptor: FileDescriptor) {
        do {
            _ = try descriptor.writeAll(bytes)
        } catch {
            guard descriptor == .standardOutput else { return }
            _ = try? FileDescriptor.standardError.writeAll("caseboard: could not write the output: \(error)\n".utf8)
            exit(74)
        }
    }
}
