import Foundation
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// File writes that either happen whole or not at all.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes a temp file beside `path`, fsyncs it, renames it over `path`, then fsyncs the directory.
    /// A crash at any point leaves either the old file or the new one, never a mix. (rename replaces a link
    /// at `path` itself, never the file it points to.)
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(WriteError) {
        let (folder, base) = split(path)
        let temp = folder + "/.\(base).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd: FileDescriptor
        do {
            fd = try FileDescriptor.open(
                FilePath(temp), .writeOnly, options: [.create, .exclusiveCreate, .noFollow, .closeOnExec], permissions: [.ownerReadWrite])
        } catch {
            throw WriteError(path: path, reason: DataFile.failure(temp, error).reason)
        }
        do throws(DataFile.Failure) {
            defer { _ = try? fd.close() }
            try DataFile.writeAll(fd, temp, Array(bytes))
            try DataFile.sync(fd, temp)
        } catch {
            unlink(temp)
            throw WriteError(path: path, reason: error.reason)
        }
        if rename(temp, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw WriteError(path: path, reason: reason)
        }
        syncDirectory(folder)
    }

    /// The directory holding `path` and the file's name in it: "." for a bare name such as "export.json", "/" for
    /// "/export.json". Split by hand: NSString's path methods trap on some such paths on Linux.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    /// Makes a rename or a new file in `directory` durable.
    public static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// Creates a directory (and its parents) with mode 0700.
    public static func makeDirectory(_ path: String) throws(WriteError) {
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw WriteError(path: path, reason: error.localizedDescription)
        }
    }
}
