import Foundation

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
        var fd: Int32 = create ? open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600) : -1
        // flock works on a read-only descriptor, so a reader that cannot create the file can still share it.
        if fd < 0 { fd = open(path, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { return .unavailable("\(fileName): \(String(cString: strerror(errno)))") }
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
