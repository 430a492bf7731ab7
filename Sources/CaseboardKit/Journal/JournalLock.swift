import Foundation
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// An advisory `flock` on `.caseboard.lock` in the data directory. Every process that appends
/// to the journal holds it exclusively for the read-check-append, so lines never interleave and
/// a status check cannot go stale before the write. It is held for milliseconds, never while
/// waiting for a person, and the kernel drops it when a process dies.
final class JournalLock {
    enum Mode {
        case shared
        case exclusive
    }

    enum Outcome {
        case held(JournalLock)
        /// Someone else holds it and we asked not to wait.
        case busy
        /// The lock file cannot be opened (a read-only directory without one, say).
        case unavailable(String)
    }

    static let fileName = ".caseboard.lock"

    let mode: Mode
    private var fd: Int32

    private init(fd: Int32, mode: Mode) {
        self.fd = fd
        self.mode = mode
    }

    deinit { release() }

    /// `create`: make the lock file when it is missing (a read-only store never creates files).
    static func take(directory: String, mode: Mode, wait: Bool, create: Bool = true) -> Outcome {
        let path = (directory as NSString).appendingPathComponent(fileName)
        // flock works on a read-only descriptor, so a reader that cannot create the file can still share it.
        // Never through a link, never a FIFO (see DataFile).
        var opened: FileDescriptor?
        var failure = ""
        do {
            opened = try create ? DataFile.open(path, .readWrite, [.create]) : DataFile.openForReading(path)
        } catch {
            failure = error.reason
            if create, !error.isMissing, let readOnly = try? DataFile.openForReading(path) { opened = readOnly }
        }
        guard let fd = opened?.rawValue else { return .unavailable("\(fileName): \(failure)") }
        let operation = (mode == .exclusive ? LOCK_EX : LOCK_SH) | (wait ? 0 : LOCK_NB)
        while flock(fd, operation) != 0 {
            let error = errno
            if error == EINTR { continue }
            close(fd)
            if error == EWOULDBLOCK { return .busy }
            return .unavailable("\(fileName): \(String(cString: strerror(error)))")
        }
        return .held(JournalLock(fd: fd, mode: mode))
    }

    /// Closing the descriptor drops the lock.
    func release() {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
    }
}
