import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a store is doing while it opens, for a loading screen.
public enum LoadPhase: Sendable {
    case projects, indexing, history

    public var label: String {
        switch self {
        case .projects: return "Reading projects"
        case .indexing: return "Indexing for search and sorting"
        case .history: return "Replaying the change journal"
        }
    }
}

/// A data directory in use: the collection files plus the journal replayed over them, kept current as
/// other sessions append, and the only way changes are written.
///
/// Changes go to `journal.jsonl` under an exclusive `flock`, one line per event, fsync'd before success is
/// reported. Each status change names the status it replaces; if someone else changed it first, the change
/// is refused. See docs/journal.md.
public final class DataStore {
    public let directory: String
    public private(set) var dataset: Dataset
    public internal(set) var history: History
    /// Why edits are refused, or nil when this session may edit.
    public let readOnlyReason: String?
    private(set) var journal: Journal
    private var collectionStamps: [FileStamp?]
    private var pendingWarnings: [String] = []
    /// Every warning already handed out, so a reload does not repeat them.
    private var shownWarnings: Set<String> = []
    /// Events read from (or written to) the current journal file, by kind: what a compaction would fold.
    var journalTally: [JournalEvent.Kind: Int] = [:]
    /// Dataset row of each project key in the history (-1: not in projects.json), filled in as keys appear.
    private var rowOfProjectKey: [Int32] = []
    /// Events whose project is not in projects.json, reported once each.
    private var reportedOrphans: Set<String> = []

    /// Loads the directory and replays its journal. A torn last journal line is set aside (when the directory
    /// is writable) and reported through `takeWarnings()`, never a reason not to load.
    /// `progress` hears what is being done and how far along it is (0…1), for a loading screen; it may be
    /// called from another thread.
    public init(directory: String, readOnly: Bool = false, progress: (@Sendable (LoadPhase, Double) -> Void)? = nil) throws(LoadFailure) {
        self.directory = directory
        if readOnly {
            readOnlyReason = "started with --read-only"
        } else if access(directory, W_OK) != 0 {
            readOnlyReason = "the data directory is not writable"
        } else {
            readOnlyReason = nil
        }
        journal = Journal(directory: directory)
        collectionStamps = []
        var onProjects: (@Sendable (Double) -> Void)?
        if let progress { onProjects = { fraction in progress(fraction < 1 ? .projects : .indexing, fraction) } }
        dataset = try DatasetLoader.load(directory: directory, progress: onProjects)
        history = History()
        collectionStamps = currentCollectionStamps()
        progress?(.history, 0)
        loadArchive()
        openJournal()
        progress?(.history, 1)
    }

    public var canEdit: Bool { readOnlyReason == nil }

    /// Messages about the journal (torn or unreadable lines) not yet shown; each is returned once.
    public func takeWarnings() -> [String] {
        defer { pendingWarnings = [] }
        return pendingWarnings.filter { shownWarnings.insert($0).inserted }
    }

    // MARK: - Reading

    private func currentCollectionStamps() -> [FileStamp?] {
        DataFiles.all.map { FileStamp(path: (directory as NSString).appendingPathComponent($0)) }
    }

    /// The archive's events go into the history only: projects.json already holds their statuses.
    private func loadArchive() {
        let archive = Journal(directory: directory, fileName: JournalFiles.archive)
        let batch = archive.readNew(into: &history)
        pendingWarnings += batch.warnings
    }

    /// Replays the journal. Only an unfinished last line needs the lock (to know no write is in progress and
    /// set it aside), so opening a directory otherwise writes nothing, not even the lock file.
    private func openJournal() {
        let batch = journal.readNew(into: &history)
        apply(batch)
        if batch.unfinishedBytes > 0, readOnlyReason == nil,
            case .held(let lock) = JournalLock.take(directory: directory, mode: .exclusive, wait: true)
        {
            let repair = journal.readNew(into: &history, lock: lock)
            pendingWarnings += repair.warnings
            apply(repair)
            lock.release()
        } else {
            pendingWarnings += batch.warnings
        }
    }

    /// Replays what a read added: status events set the status they name (so replay is idempotent, and a
    /// journal already folded into projects.json by an interrupted compaction replays to the same state).
    func apply(_ batch: Journal.Batch) {
        for (position, index) in batch.added.enumerated() { apply(index, line: batch.lines[position]) }
    }

    func apply(_ index: Int, line: Int? = nil) {
        let kind = history.kind(at: index)
        journalTally[kind, default: 0] += 1
        let key = history.projectKey(at: index)
        while rowOfProjectKey.count <= key {
            rowOfProjectKey.append(Int32(dataset.projectIndex[history.projectIDs[rowOfProjectKey.count]] ?? -1))
        }
        let row = Int(rowOfProjectKey[key])
        guard row >= 0 else {
            let project = history.projectIDs[key]
            if reportedOrphans.insert(project).inserted {
                let place = line.map { "\(journal.path):\($0)" } ?? journal.path
                pendingWarnings.append(
                    "\(place): event \"\(history[index].id)\" is for project \"\(project)\", which is not in projects.json; it is kept but not applied"
                )
            }
            return
        }
        if let status = history.statusAfter(at: index) { dataset.setStatus(status, ofProjectAt: row) }
    }

    /// What `refresh()` found.
    public enum Refresh: Equatable {
        case unchanged
        /// Other sessions appended these events; project rows are unchanged.
        case appended([JournalEvent])
        /// The files were replaced (a compaction, an edit by hand): everything was reloaded.
        case reloaded
    }

    /// Cheap when nothing changed (a stat of each file): call it on the input loop's idle tick.
    public func refresh() -> Refresh {
        if currentCollectionStamps() != collectionStamps { return reload() }
        let batch = journal.readNew(into: &history)
        pendingWarnings += batch.warnings
        if batch.replaced { return reload() }
        guard !batch.added.isEmpty else { return .unchanged }
        apply(batch)
        return .appended(batch.added.map { history[$0] })
    }

    /// Loads everything again; when the files now have problems, keeps the last good data and says so.
    private func reload() -> Refresh {
        do {
            let fresh = try DataStore(directory: directory, readOnly: readOnlyReason != nil)
            dataset = fresh.dataset
            history = fresh.history
            collectionStamps = fresh.collectionStamps
            journal = fresh.journal
            journalTally = fresh.journalTally
            rowOfProjectKey = fresh.rowOfProjectKey
            pendingWarnings += fresh.takeWarnings()
            return .reloaded
        } catch {
            collectionStamps = currentCollectionStamps()
            let first = error.problems.first.map(\.description) ?? ""
            pendingWarnings.append(
                "The data files changed on disk and now have \(error.problems.count) problem(s) (\(first)); still showing the last good data"
            )
            return .unchanged
        }
    }

    // MARK: - Writing

    /// Takes the lock, catches up with other sessions, checks, appends one event and fsyncs.
    private func write(_ make: () throws(EditRefusal) -> JournalEvent) throws(EditRefusal) -> JournalEvent {
        if let readOnlyReason { throw EditRefusal("Read-only (\(readOnlyReason)): nothing was changed") }
        guard case .held(let lock) = JournalLock.take(directory: directory, mode: .exclusive, wait: true) else {
            throw EditRefusal("Cannot lock \(directory)/\(JournalFiles.lock); nothing was changed")
        }
        defer { lock.release() }
        let batch = journal.readNew(into: &history, lock: lock)
        pendingWarnings += batch.warnings
        apply(batch)
        let event = try make()
        do {
            try journal.append(Array((event.jsonLine + "\n").utf8))
        } catch {
            throw EditRefusal("Could not save to \(error.file): \(error.reason); nothing was changed")
        }
        if let index = history.append(event) { apply(index) }
        return event
    }

    private func projectRow(_ id: String) throws(EditRefusal) -> Int {
        guard let row = dataset.projectIndex[id] else { throw EditRefusal("No project has id \"\(id)\"") }
        return row
    }

    private static func checkAuthor(_ author: String) throws(EditRefusal) {
        if let problem = Author.problem(author) { throw EditRefusal("Cannot record the change: \(problem)") }
    }

    static func cleanNote(_ note: String?) throws(EditRefusal) -> String? {
        guard let note else { return nil }
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return nil }
        if trimmed.count > 2000 { throw EditRefusal("The note is \(trimmed.count) characters; the most is 2000") }
        return trimmed
    }

    /// Moves a project to `status`, provided it is still `expected` and the rules allow the move.
    @discardableResult
    public func setStatus(
        project id: String, to status: ProjectStatus, expecting expected: ProjectStatus? = nil, note: String? = nil,
        author: String, at date: Date = Date()
    ) throws(EditRefusal) -> JournalEvent {
        try Self.checkAuthor(author)
        let note = try Self.cleanNote(note)
        return try write { () throws(EditRefusal) -> JournalEvent in
            let row = try projectRow(id)
            let project = dataset.projects[row]
            let current = project.status
            if let expected, current != expected {
                throw EditRefusal(conflict(project, expected: expected))
            }
            if let reason = current.refusal(movingTo: status) {
                throw EditRefusal("\(project.title): \(reason)")
            }
            return JournalEvent(
                id: JournalEvent.newID(), time: JournalTime.format(date), author: author, project: id, kind: .status, from: current,
                to: status, note: note)
        }
    }

    /// Adds a note to a project's timeline.
    @discardableResult
    public func addNote(project id: String, text: String, author: String, at date: Date = Date()) throws(EditRefusal) -> JournalEvent {
        try Self.checkAuthor(author)
        guard let note = try Self.cleanNote(text) else { throw EditRefusal("The note is empty; nothing was saved") }
        return try write { () throws(EditRefusal) -> JournalEvent in
            _ = try projectRow(id)
            return JournalEvent(
                id: JournalEvent.newID(), time: JournalTime.format(date), author: author, project: id, kind: .note, note: note)
        }
    }

    /// Takes back one of `author`'s own changes: a status change returns the project to the status it had
    /// before (if nobody has changed it since); a note is marked withdrawn. Both stay in the audit trail.
    @discardableResult
    public func undo(event eventID: String, author: String, at date: Date = Date()) throws(EditRefusal) -> JournalEvent {
        try Self.checkAuthor(author)
        return try write { () throws(EditRefusal) -> JournalEvent in
            guard let target = history.event(id: eventID), target.kind != .undo else {
                throw EditRefusal("There is no change with id \"\(eventID)\" to undo")
            }
            guard target.author == author else {
                throw EditRefusal("That change was made by \(target.author); only they can undo it")
            }
            guard !history.isUndone(target) else { throw EditRefusal("That change has already been undone") }
            let row = try projectRow(target.project)
            let project = dataset.projects[row]
            var from: ProjectStatus?
            var to: ProjectStatus?
            if target.kind == .status {
                if let latest = history.lastStatusChange(of: target.project), latest.id != target.id {
                    throw EditRefusal(
                        "Cannot undo: \(latest.author) changed \(project.title) to \(latest.to?.rawValue ?? "?") at \(latest.shortTime), after your change"
                    )
                }
                from = project.status
                to = target.from
            }
            return JournalEvent(
                id: JournalEvent.newID(), time: JournalTime.format(date), author: author, project: target.project, kind: .undo,
                from: from, to: to, note: target.kind == .note ? "withdrew a note" : nil, undoes: target.id)
        }
    }

    /// The refusal for a change based on a status that is no longer current, naming who changed it.
    private func conflict(_ project: Project, expected: ProjectStatus) -> String {
        let base = "Refused: your change was based on \(expected.rawValue), but \(project.title) is now \(project.status.rawValue)"
        guard let latest = history.lastStatusChange(of: project.id), latest.statusAfter == project.status else {
            return base + " (changed outside Caseboard); nothing was saved"
        }
        return "Refused: \(latest.author) changed \(project.title) to \(project.status.rawValue) at \(latest.shortTime); "
            + "your change was based on \(expected.rawValue). Nothing was saved"
    }
}
