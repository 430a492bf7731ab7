import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// The one way Caseboard opens the files of a data directory.
///
/// Links are never followed: a link could aim a torn-line repair's truncate, or a compaction's append, at
/// any file the user can write. Only regular files are read or written: opening a FIFO would block forever.
/// System calls interrupted by a signal are retried by swift-system.
public enum DataFile {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        /// The file is not there (as opposed to there but unusable).
        public var isMissing = false
        public var description: String { "\(path): \(reason)" }
    }

    static func openForReading(_ path: String) throws(Failure) -> FileDescriptor {
        try open(path, .readOnly, [])
    }

    /// Appends go to the end even if another process wrote in between (O_APPEND).
    static func openForAppending(_ path: String, create: Bool = true) throws(Failure) -> FileDescriptor {
        try open(path, .writeOnly, create ? [.append, .create] : [.append])
    }

    static func openForWriting(_ path: String) throws(Failure) -> FileDescriptor {
        try open(path, .writeOnly, [])
    }

    /// Opens `path` without following a final link and checks it is a regular file. O_NONBLOCK keeps the
    /// open itself from waiting on a FIFO; it changes nothing for a regular file.
    static func open(_ path: String, _ mode: FileDescriptor.AccessMode, _ options: FileDescriptor.OpenOptions) throws(Failure)
        -> FileDescriptor
    {
        let fd: FileDescriptor
        do {
            fd = try FileDescriptor.open(
                FilePath(path), mode, options: options.union([.noFollow, .nonBlocking, .closeOnExec]),
                permissions: [.ownerReadWrite])
        } catch {
            throw failure(path, error)
        }
        do {
            let info = try fd.stat()
            guard info.type == .regular else {
                _ = try? fd.close()
                throw Failure(path: path, reason: "is \(describe(info.type)), not a regular file; Caseboard reads only regular files")
            }
        } catch let error as Failure {
            throw error
        } catch {
            _ = try? fd.close()
            throw failure(path, error)
        }
        return fd
    }

    /// The whole file.
    static func read(_ path: String) throws(Failure) -> [UInt8] {
        let fd = try openForReading(path)
        defer { _ = try? fd.close() }
        let size = try self.size(fd, path)
        return try read(fd, path, from: 0, count: size)
    }

    /// `count` bytes from `offset` (fewer if the file is shorter now).
    static func read(_ fd: FileDescriptor, _ path: String, from offset: Int, count: Int) throws(Failure) -> [UInt8] {
        do {
            return try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialised in
                initialised = 0
                while initialised < count {
                    let got = try fd.read(
                        fromAbsoluteOffset: Int64(offset + initialised),
                        into: UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[initialised...]))
                    if got == 0 { break }
                    initialised += got
                }
            }
        } catch {
            throw failure(path, error)
        }
    }

    static func size(_ fd: FileDescriptor, _ path: String) throws(Failure) -> Int {
        do { return Int(try fd.stat().size) } catch { throw failure(path, error) }
    }

    static func writeAll(_ fd: FileDescriptor, _ path: String, _ bytes: [UInt8]) throws(Failure) {
        do { _ = try fd.writeAll(bytes) } catch { throw failure(path, error) }
    }

    static func sync(_ fd: FileDescriptor, _ path: String) throws(Failure) {
        guard fsync(fd.rawValue) == 0 else { throw failure(path, Errno(rawValue: errno)) }
    }

    static func truncate(_ fd: FileDescriptor, _ path: String, to size: Int) throws(Failure) {
        do { try fd.resize(to: Int64(size)) } catch { throw failure(path, error) }
    }

    static func failure(_ path: String, _ error: any Error) -> Failure {
        guard let errno = error as? Errno else { return Failure(path: path, reason: "\(error)") }
        switch errno {
        case .tooManySymbolicLinkLevels:
            return Failure(
                path: path,
                reason: "is a symbolic link; Caseboard does not follow links inside a data directory (put the file itself there)")
        case .noSuchFileOrDirectory:
            return Failure(path: path, reason: "file is missing", isMissing: true)
        case .noSpace:
            return Failure(path: path, reason: "the disk is full")
        default:
            return Failure(path: path, reason: String(cString: strerror(errno.rawValue)))
        }
    }

    static func describe(_ type: FileType) -> String {
        switch type {
        case .directory: return "a directory"
        case .fifo: return "a FIFO (named pipe)"
        case .socket: return "a socket"
        case .characterSpecial, .blockSpecial: return "a device"
        case .symbolicLink: return "a symbolic link"
        default: return "a special file"
        }
    }
}
