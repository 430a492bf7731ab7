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
        summary.edits = journalTally[.edit, default: 0]
        summary.events = summary.statusChanges + summary.notes + summary.undos + summary.edits
        // Every event in the journal file, archived already or not (an interrupted compaction leaves both).
        let inJournal = bytes.split(separator: 0x0A).compactMap { line in
            (try? JournalEvent.decode(line: Array(line))).flatMap { history.index(ofID: $0.id) }
        }
        let toArchive = linesNotYetArchived(bytes)
        if !toArchive.isEmpty {
            do {
                try ArchiveAppend.append(toArchive, to: archive.path, directory: directory)
            } catch {
                throw EditRefusal("Could not append to \(JournalFiles.archive): \(error.reason); nothing was compacted")
            }
            markArchived(archive.readNew(into: &history, lock: lock))
        }
        // Two passes, so the files load cleanly whenever the compaction is stopped: first everything added or
        // changed, with records this journal retired or took away still in use (files written in load order, so
        // each points only at what is already there); then the retirements, in the reverse order (so nothing
        // still in use points at a record when it is retired).
        let interim = dataset.applying(reinstatements(inJournal))
        let touched = collections(changedBy: inJournal)
        var passes: [[(name: String, text: String)]] = [DatasetWriter.files(dataset)]
        if interim.retired != dataset.retired || interim.projects.count != dataset.projects.count, interim.problems().isEmpty {
            passes = [DatasetWriter.files(interim), DatasetWriter.files(dataset).reversed()]
        }
        for pass in passes {
            for file in pass where touched.contains(file.name) {
                let path = (directory as NSString).appendingPathComponent(file.name)
                let text = Array(file.text.utf8)
                guard (try? DataFile.read(path)) != text else { continue }
                do {
                    try AtomicFile.write(text, to: path)
                } catch {
                    throw EditRefusal(
                        "Could not write \(file.name): \(error.reason); the journal is unchanged and still holds every change")
                }
                if !summary.rewrittenFiles.contains(file.name) { summary.rewrittenFiles.append(file.name) }
            }
        }
        do {
            try journal.replaceWithEmpty()
        } catch {
            throw EditRefusal("Could not empty \(JournalFiles.journal): \(error.reason); replaying it gives the same state")
        }
        journalTally = [:]
        return summary
    }

    /// The files the journal's events change: status changes and notes only ever touch projects.json, so a
    /// hand-formatted partners.json is left as it is.
    private func collections(changedBy indices: [Int]) -> Set<String> {
        var out: Set<String> = []
        for index in indices {
            guard history.hasChanges(at: index) else {
                out.insert(DataFiles.projects)
                continue
            }
            for change in history.changes(at: index) {
                switch change.kind {
                case .project: out.insert(DataFiles.projects)
                case .partner: out.insert(DataFiles.partners)
                case .contact: out.insert(DataFiles.contacts)
                case .stream, .allocation: out.insert(DataFiles.funding)
                }
            }
        }
        return out
    }

    /// Records this journal retired or took away that other records may still point at in the files on disk,
    /// put back in use for the first pass.
    private func reinstatements(_ indices: [Int]) -> [RecordChange] {
        var out: [RecordChange] = []
        var seen: Set<String> = []
        for index in indices where history.hasChanges(at: index) {
            for change in history.changes(at: index) where [.project, .partner, .contact].contains(change.kind) {
                guard change.operation == .retire || change.operation == .remove,
                    seen.insert("\(change.kind.rawValue) \(change.id)").inserted
                else { continue }
                let current = dataset.record(change.kind, change.id)
                if let current, current.retired {
                    out.append(.restore(change.kind, change.id))
                } else if current == nil, let added = lastAdd(of: change.kind, change.id) {
                    out.append(.add(added))
                }
            }
        }
        return out
    }

    private func lastAdd(of kind: RecordKind, _ id: String) -> Record? {
        for index in history.indices(touching: kind, id).reversed() {
            if let add = history.changes(at: index).last(where: { $0.operation == .add && $0.kind == kind && $0.id == id }) {
                return add.record
            }
        }
        return nil
    }

    /// A compaction killed before its rename leaves its temporary files behind; with the lock held none can
    /// be in progress, so they go.
    private func removeLeftoverTemporaryFiles() {
        let prefixes = DataFiles.all.map { "." + $0 + ".tmp-" }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        where prefixes.contains(where: name.hasPrefix) {
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
