import Foundation

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

    /// Nil when the file cannot be opened or read.
    init?(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        count = size
        if size > 0, let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), pointer != MAP_FAILED {
            base = UnsafeRawPointer(pointer)
            owned = nil
            return
        }
        // Empty files and file systems without mmap: read instead.
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let read = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, size - filled, off_t(filled)) }
            if read < 0 && errno == EINTR { continue }
            if read <= 0 { break }
            filled += read
        }
        if filled < size { return nil }
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
