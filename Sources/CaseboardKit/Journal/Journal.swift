import Foundation
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// The file names the journal uses inside a data directory.
public enum JournalFiles {
    /// Changes not yet folded into the collection files, one JSON line per event.
    public static let journal = "journal.jsonl"
    /// Every event ever compacted: the audit trail, only ever appended to.
    public static let archive = "journal-archive.jsonl"
    public static let lock = JournalLock.fileName
    /// Side files for unfinished lines start with this (`journal.torn-20261125T183041Z`).
    public static let tornPrefix = ".torn-"
}

/// A failed append or read; the file is left as it was before the attempt.
public struct JournalWriteError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var reason: String
    public var description: String { "cannot write \(file): \(reason)" }
}

/// Identifies a file across renames: compaction replaces the journal with a new inode.
struct FileStamp: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int

    var identity: [UInt64] { [device, inode] }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int(info.st_size)
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
    }

    /// Of the path itself: a link is stamped as a link, never as what it points to.
    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    init?(fd: Int32) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        self.init(info)
    }
}

/// One JSON Lines file of events, read incrementally: it remembers how many bytes of complete
/// lines it has consumed and reads only what was appended after them.
public final class Journal {
    public struct Entry: Sendable {
        /// 1-based line number in the file.
        public var line: Int
        public var event: JournalEvent
    }

    public struct Batch: Sendable {
        /// Indices in the history of the events this read found, in file order. An event the history already
        /// held (from the archive, after an interrupted compaction) is listed too: the projects file may not
        /// include it yet, so replay must apply it again (status events set absolute values, so that is safe).
        public var added: [Int] = []
        /// The line of each added event, for messages.
        public var lines: [Int] = []
        /// Per added event: its id was already in the history when this read met it.
        public var repeated: [Bool] = []

        mutating func record(_ appended: History.Appended, line: Int) {
            added.append(appended.index)
            lines.append(line)
            repeated.append(!appended.isNew)
        }
        public var warnings: [String] = []
        /// The file was replaced or shrank (someone compacted): the caller must reload from scratch.
        public var replaced = false
        /// The file is there but cannot be read (a link, a FIFO, no permission): the state cannot be known.
        public var unreadable: DataFile.Failure?
        /// Bytes after the last newline still in the file: either a write in progress (no lock held)
        /// or a torn line that could not be set aside.
        public var unfinishedBytes = 0
    }

    public let directory: String
    public let fileName: String
    /// The path as messages show it, built like the loader's.
    public let path: String
    /// Bytes of complete lines consumed so far.
    public private(set) var consumed = 0
    /// Complete lines consumed so far, blank ones included, for line numbers.
    public private(set) var linesConsumed = 0
    private var identity: [UInt64]?
    private var reportedUnfinishedAt: Int?
    var clock: () -> Date = Date.init

    public init(directory: String, fileName: String = JournalFiles.journal) {
        self.directory = directory
        self.fileName = fileName
        self.path = (directory as NSString).appendingPathComponent(fileName)
    }

    /// Reads the unchecked part of the file without a lock. An unfinished last line is left for later:
    /// another process may be writing it right now.
    public func readNew(into history: inout History) -> Batch { readNew(into: &history, lock: nil) }

    /// With the lock held exclusively an unfinished last line cannot be a write in progress, so it is
    /// torn: its bytes are moved to a side file and the journal is cut back to its last newline.
    /// With a shared lock it is reported once and skipped.
    func readNew(into history: inout History, lock: JournalLock?) -> Batch {
        var batch = Batch()
        let fd: FileDescriptor
        do {
            fd = try DataFile.openForReading(path)
        } catch {
            if error.isMissing {
                batch.replaced = identity != nil
            } else {
                batch.unreadable = error
            }
            return batch
        }
        defer { _ = try? fd.close() }
        guard let stamp = FileStamp(fd: fd.rawValue) else { return batch }
        if let identity, identity != stamp.identity || stamp.size < consumed {
            batch.replaced = true
            return batch
        }
        identity = stamp.identity
        guard stamp.size > consumed else { return batch }
        let bytes: [UInt8]
        do {
            bytes = try DataFile.read(fd, path, from: consumed, count: stamp.size - consumed)
        } catch {
            batch.unreadable = error
            return batch
        }
        let complete = (bytes.lastIndex(of: 0x0A) ?? -1) + 1
        bytes.withUnsafeBufferPointer { parse(UnsafeBufferPointer(rebasing: $0[0..<complete]), into: &batch, history: &history) }
        consumed += complete
        let tail = bytes[complete...]
        if !tail.isEmpty {
            handleUnfinished(Array(tail), lock: lock, into: &batch)
        }
        return batch
    }

    /// Each complete line: the canonical form straight into the history's columns, anything else through
    /// the full decoder; a line that cannot be read is reported with its position and skipped.
    private func parse(_ bytes: UnsafeBufferPointer<UInt8>, into batch: inout Batch, history: inout History) {
        var start = 0
        while start < bytes.count {
            guard let hit = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start) else { break }
            let newline = bytes.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            linesConsumed += 1
            var end = newline
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            start = newline + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            if let appended = JournalLine.append(line, to: &history) {
                batch.record(appended, line: linesConsumed)
                continue
            }
            do {
                batch.record(history.append(try JournalEvent.decode(line: Array(line))), line: linesConsumed)
            } catch {
                var positions = SourcePositions(Array(line))
                let column = positions.position(of: error.offset).column
                let problem = Problem(file: path, line: linesConsumed, column: column, message: error.message + "; the line is skipped")
                batch.warnings.append(problem.description)
            }
        }
    }

    private func handleUnfinished(_ tail: [UInt8], lock: JournalLock?, into batch: inout Batch) {
        guard let lock else {
            batch.unfinishedBytes = tail.count
            return
        }
        if lock.mode == .exclusive {
            do {
                let side = try setAside(tail)
                batch.warnings.append(
                    "\(path): the last entry was unfinished (a save was interrupted); its \(tail.count) bytes were moved to \(side)"
                )
                return
            } catch {
                batch.warnings.append(
                    "\(path): the last entry is unfinished (\(tail.count) bytes) and could not be set aside: \(error.reason)")
                reportedUnfinishedAt = consumed
                batch.unfinishedBytes = tail.count
                return
            }
        }
        batch.unfinishedBytes = tail.count
        if reportedUnfinishedAt != consumed {
            reportedUnfinishedAt = consumed
            batch.warnings.append(
                "\(path): the last entry is unfinished (\(tail.count) bytes; a save was interrupted); it is ignored until the next change is saved"
            )
        }
    }

    /// Copies torn bytes to a new side file (fsynced), then cuts the journal back to `consumed`.
    private func setAside(_ tail: [UInt8]) throws(JournalWriteError) -> String {
        let stem = fileName.hasSuffix(".jsonl") ? String(fileName.dropLast(6)) : fileName
        let base = stem + JournalFiles.tornPrefix + JournalTime.compact(clock())
        var name = base
        var side: FileDescriptor?
        var lastError = "cannot create a side file"
        for attempt in 1...100 {
            name = attempt == 1 ? base : "\(base)-\(attempt)"
            do {
                side = try FileDescriptor.open(
                    FilePath((directory as NSString).appendingPathComponent(name)), .writeOnly,
                    options: [.create, .exclusiveCreate, .noFollow, .closeOnExec], permissions: [.ownerReadWrite])
                break
            } catch {
                lastError = DataFile.failure(name, error).reason
                if (error as? Errno) != .fileExists { break }
            }
        }
        guard let side else { throw JournalWriteError(file: name, reason: lastError) }
        do {
            defer { _ = try? side.close() }
            try DataFile.writeAll(side, name, tail)
            try DataFile.sync(side, name)
        } catch {
            throw JournalWriteError(file: name, reason: error.reason)
        }
        AtomicFile.syncDirectory(directory)
        do {
            let journal = try DataFile.openForWriting(path)
            defer { _ = try? journal.close() }
            try DataFile.truncate(journal, path, to: consumed)
            try DataFile.sync(journal, path)
        } catch {
            throw JournalWriteError(file: fileName, reason: error.reason)
        }
        return name
    }

    /// Appends whole lines with one write() and fsyncs before returning; the caller holds the lock
    /// exclusively. On any failure the file is cut back to its previous length, so nothing is half-written.
    func append(_ bytes: [UInt8]) throws(JournalWriteError) {
        let existed = access(path, F_OK) == 0
        let fd: FileDescriptor
        do {
            fd = try DataFile.openForAppending(path)
        } catch {
            throw JournalWriteError(file: fileName, reason: error.reason)
        }
        defer { _ = try? fd.close() }
        guard let before = FileStamp(fd: fd.rawValue) else {
            throw JournalWriteError(file: fileName, reason: String(cString: strerror(errno)))
        }
        // One write() for the whole line (retried only when a signal interrupted it before anything was written).
        var failure: String?
        do {
            let written = try bytes.withUnsafeBytes { try fd.write($0) }
            if written != bytes.count { failure = "only \(written) of \(bytes.count) bytes were written" }
            if failure == nil { try DataFile.sync(fd, path) }
        } catch let error as DataFile.Failure {
            failure = error.reason
        } catch {
            failure = DataFile.failure(path, error).reason
        }
        if let failure {
            try? DataFile.truncate(fd, path, to: before.size)
            try? DataFile.sync(fd, path)
            throw JournalWriteError(file: fileName, reason: failure)
        }
        if !existed { AtomicFile.syncDirectory(directory) }
        // Advance only when nothing unread sat before our bytes; otherwise the next read covers both.
        if identity == nil || identity == before.identity, before.size == consumed {
            identity = before.identity
            consumed += bytes.count
            linesConsumed += bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        }
    }

    /// The complete lines consumed so far, exactly as stored (for archiving).
    func consumedBytes() throws(JournalWriteError) -> [UInt8] {
        guard consumed > 0 else { return [] }
        do throws(DataFile.Failure) {
            let fd = try DataFile.openForReading(path)
            defer { _ = try? fd.close() }
            let bytes = try DataFile.read(fd, path, from: 0, count: consumed)
            guard bytes.count == consumed else {
                throw DataFile.Failure(path: path, reason: "the file changed while it was being archived")
            }
            return bytes
        } catch {
            throw JournalWriteError(file: fileName, reason: error.reason)
        }
    }

    /// Atomically replaces the file with an empty one (a new inode, so other readers notice).
    func replaceWithEmpty() throws(JournalWriteError) {
        do {
            try AtomicFile.write([UInt8](), to: path)
        } catch {
            throw JournalWriteError(file: fileName, reason: error.reason)
        }
        identity = FileStamp(path: path)?.identity
        consumed = 0
        linesConsumed = 0
        reportedUnfinishedAt = nil
    }
}
