import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension DataStore {
    /// Folds the journal into projects.json and moves its lines, verbatim, to the archive.
    ///
    /// Each step survives a crash: the archive is appended and fsync'd first (history ignores an event it
    /// has already seen), then projects.json is replaced atomically (replaying the journal over it gives the
    /// same statuses), and only then is the journal replaced by an empty file.
    public func compact(author: String) throws(EditRefusal) -> CompactionSummary {
        if let readOnlyReason { throw EditRefusal("Read-only (\(readOnlyReason)): nothing was compacted") }
        guard case .held(let lock) = JournalLock.take(directory: directory, mode: .exclusive, wait: true) else {
            throw EditRefusal("Cannot lock \(directory)/\(JournalFiles.lock); nothing was compacted")
        }
        defer { lock.release() }
        apply(journal.readNew(into: &history, lock: lock))
        var summary = CompactionSummary(author: author)
        let bytes: [UInt8]
        do {
            bytes = try journal.consumedBytes()
        } catch {
            throw EditRefusal("Could not read \(error.file): \(error.reason); nothing was compacted")
        }
        guard !bytes.isEmpty else { return summary }
        summary.lines = bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        summary.statusChanges = journalTally[.status, default: 0]
        summary.notes = journalTally[.note, default: 0]
        summary.undos = journalTally[.undo, default: 0]
        summary.events = summary.statusChanges + summary.notes + summary.undos
        let archivePath = (directory as NSString).appendingPathComponent(JournalFiles.archive)
        if let reason = Self.appendDurably(bytes, to: archivePath) {
            throw EditRefusal("Could not append to \(JournalFiles.archive): \(reason); nothing was compacted")
        }
        let projectsPath = (directory as NSString).appendingPathComponent(DataFiles.projects)
        let text = JSONWriter.write(.array(dataset.projects.map(DatasetWriter.encode)))
        let before = FileManager.default.contents(atPath: projectsPath).map { [UInt8]($0) }
        if before != Array(text.utf8) {
            do {
                try AtomicFile.write(Array(text.utf8), to: projectsPath)
            } catch {
                throw EditRefusal("Could not write \(DataFiles.projects): \(error.reason); the journal is unchanged")
            }
            summary.rewrittenFiles = [DataFiles.projects]
        }
        do {
            try journal.replaceWithEmpty()
        } catch {
            throw EditRefusal("Could not empty \(JournalFiles.journal): \(error.reason); replaying it gives the same state")
        }
        journalTally = [:]
        return summary
    }

    /// Appends with O_APPEND and fsyncs; nil on success, else the reason.
    static func appendDurably(_ bytes: [UInt8], to path: String) -> String? {
        let existed = access(path, F_OK) == 0
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        if fsync(fd) != 0 { return String(cString: strerror(errno)) }
        if !existed { AtomicFile.syncDirectory((path as NSString).deletingLastPathComponent) }
        return nil
    }
}
