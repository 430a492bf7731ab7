import Foundation
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// A file's bytes, mapped read-only into memory: the large files are parsed where the page cache holds
/// them, with no copy and no zero-filled buffer. Small or unmappable files fall back to a plain read.
final class MappedFile: @unchecked Sendable {
    private let base: UnsafeRawPointer?
    let count: Int
    private let owned: [UInt8]?

    init(bytes: [UInt8]) {
        base = nil
        count = bytes.count
        owned = bytes
    }

    /// Maps the file (through `DataFile`, so never a link and never anything but a regular file).
    init(path: String) throws(DataFile.Failure) {
        let fd = try DataFile.openForReading(path)
        defer { _ = try? fd.close() }
        let size = try DataFile.size(fd, path)
        count = size
        if size > 0, let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd.rawValue, 0), pointer != MAP_FAILED {
            base = UnsafeRawPointer(pointer)
            owned = nil
            return
        }
        // Empty files and file systems without mmap: read instead.
        let bytes = try DataFile.read(fd, path, from: 0, count: size)
        guard bytes.count == size else { throw DataFile.Failure(path: path, reason: "the file shrank while it was being read") }
        base = nil
        owned = bytes
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
    }

    func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        if let base { return try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count)) }
        return try owned!.withUnsafeBufferPointer(body)
    }
}
