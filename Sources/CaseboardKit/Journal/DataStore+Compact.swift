import Foundation
import SystemPackage

extension DataStore {
    /// Folds the journal into projects.json and moves its lines, verbatim, to the archive.
    ///
    /// Crash-safe at every step because every event carries the value it sets (a status event names the
    /// status it moves *to*): replaying the journal over the old projects.json or over the new one gives the
    /// same state, and an event read from both the archive and the journal is replayed all the same. So:
    /// 1. the journal's lines that the archive does not already hold are appended to it, fsync'd and read
    ///    back (on any failure the archive is cut back to its old length);
    /// 2. projects.json is replaced atomically;
    /// 3. the journal is replaced by an empty file.
    /// Killed anywhere, the directory replays to the same state, and running compact again finishes the job
    /// without archiving any event twice.
    public func compact(author: String) throws(EditRefusal) -> CompactionSummary {
        if let readOnlyReason { throw EditRefusal("Read-only (\(readOnlyReason)): nothing was compacted") }
        guard case .held(let lock) = JournalLock.take(directory: directory, mode: .exclusive, wait: true) else {
            throw EditRefusal("Cannot lock \(directory)/\(JournalFiles.lock); nothing was compacted")
        }
        defer { lock.release() }
        try catchUp(holding: lock)
        // Lines another compaction archived after this session loaded, and a torn tail it left, set aside.
        let fromArchive = archive.readNew(into: &history, lock: lock)
        markArchived(fromArchive)
        if let unreadable = fromArchive.unreadable { throw EditRefusal("Cannot read \(unreadable); nothing was compacted") }
        if fromArchive.unfinishedBytes > 0 {
            throw EditRefusal(
                "\(JournalFiles.archive) ends with an unfinished line that could not be set aside; nothing was compacted")
        }
        removeLeftoverTemporaryFiles()
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
        let toArchive = linesNotYetArchived(bytes)
        if !toArchive.isEmpty {
            do {
                try ArchiveAppend.append(toArchive, to: archive.path, directory: directory)
            } catch {
                throw EditRefusal("Could not append to \(JournalFiles.archive): \(error.reason); nothing was compacted")
            }
            markArchived(archive.readNew(into: &history, lock: lock))
        }
        let projectsPath = (directory as NSString).appendingPathComponent(DataFiles.projects)
        let text = Array(JSONWriter.write(.array(dataset.projects.map(DatasetWriter.encode))).utf8)
        if (try? DataFile.read(projectsPath)) != text {
            do {
                try AtomicFile.write(text, to: projectsPath)
            } catch {
                throw EditRefusal(
                    "Could not write \(DataFiles.projects): \(error.reason); the journal is unchanged and still holds every change")
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

    /// A compaction killed before its rename leaves its temporary projects file behind; with the lock held
    /// none can be in progress, so they go.
    private func removeLeftoverTemporaryFiles() {
        let prefix = "." + DataFiles.projects + ".tmp-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasPrefix(prefix) {
            unlink((directory as NSString).appendingPathComponent(name))
        }
    }

    /// The journal's lines, verbatim, less those whose event the archive already holds (an earlier
    /// compaction got that far before it was stopped). Lines that cannot be read are archived as they are.
    private func linesNotYetArchived(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
            if let event = try? JournalEvent.decode(line: Array(line)), let index = history.index(ofID: event.id),
                index < archived.count, archived[index]
            {
                continue
            }
            out += line
            out.append(0x0A)
        }
        return out
    }
}

/// Appending a block of lines to the archive so that it either lands whole or not at all.
enum ArchiveAppend {
    static func append(_ bytes: [UInt8], to path: String, directory: String) throws(DataFile.Failure) {
        let existed = access(path, F_OK) == 0
        let fd = try DataFile.open(path, .readWrite, [.append, .create])
        defer { _ = try? fd.close() }
        let before = try DataFile.size(fd, path)
        do throws(DataFile.Failure) {
            try DataFile.writeAll(fd, path, bytes)
            try DataFile.sync(fd, path)
            // Read back what landed: a short or damaged write must not pass for a complete one.
            guard try DataFile.read(fd, path, from: before, count: bytes.count + 1) == bytes else {
                throw DataFile.Failure(path: path, reason: "what was written did not read back the same")
            }
        } catch {
            try? DataFile.truncate(fd, path, to: before)
            try? DataFile.sync(fd, path)
            throw error
        }
        if !existed { AtomicFile.syncDirectory(directory) }
    }
}
