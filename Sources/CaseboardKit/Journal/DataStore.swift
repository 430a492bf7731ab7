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
    /// The audit trail of compacted events; read into the history only.
    private(set) var archive: Journal
    /// Per history index: the event is in the archive (so a compaction must not archive it again).
    var archived: [Bool] = []
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
    /// The data set an edit being written leads to, already checked and built: applied when its event is.
    var prepared: Dataset?

    /// Loads the directory and replays its journal. A torn last journal line is set aside (when the directory
    /// is writable) and reported through `takeWarnings()`, never a reason not to load.
    /// `progress` hears what is being done and how far along it is (0…1), for a loading screen; it may be
    /// called from another thread.
    public convenience init(
        directory: String, readOnly: Bool = false, progress: (@Sendable (LoadPhase, Double) -> Void)? = nil
    ) throws(LoadFailure) {
        let reason: String?
        if readOnly {
            reason = "started with --read-only"
        } else if access(directory, W_OK) != 0 {
            reason = "the data directory is not writable"
        } else {
            reason = nil
        }
        try self.init(directory: directory, readOnlyReason: reason, holding: nil, progress: progress)
    }

    /// The collection files are read without the lock (they are only ever replaced whole, by rename); the
    /// archive and journal are read under it, so no append or compaction is half-way through while they are,
    /// and a torn line can be set aside. `held`: the caller already holds the lock exclusively.
    private init(
        directory: String, readOnlyReason: String?, holding held: JournalLock?, progress: (@Sendable (LoadPhase, Double) -> Void)?
    ) throws(LoadFailure) {
        self.directory = directory
        self.readOnlyReason = readOnlyReason
        journal = Journal(directory: directory)
        archive = Journal(directory: directory, fileName: JournalFiles.archive)
        var onProjects: (@Sendable (Double) -> Void)?
        if let progress { onProjects = { fraction in progress(fraction < 1 ? .projects : .indexing, fraction) } }
        var stamps = Self.collectionStamps(directory)
        dataset = try DatasetLoader.load(directory: directory, progress: onProjects)
        history = History()
        collectionStamps = stamps
        let lock = held ?? Self.lockForOpening(directory, writable: readOnlyReason == nil)
        defer { if held == nil { lock?.release() } }
        // A compaction (or an edit by hand) replaced a file while it was being read: read again, now that
        // nothing can replace them.
        if lock != nil, Self.collectionStamps(directory) != stamps {
            stamps = Self.collectionStamps(directory)
            dataset = try DatasetLoader.load(directory: directory, progress: onProjects)
            collectionStamps = stamps
        }
        progress?(.history, 0)
        pendingWarnings += DirectorySafety.warnings(for: directory)
        let fromArchive = archive.readNew(into: &history, lock: lock)
        try Self.failIfUnreadable(fromArchive)
        pendingWarnings += fromArchive.warnings
        markArchived(fromArchive)
        let fromJournal = journal.readNew(into: &history, lock: lock)
        try Self.failIfUnreadable(fromJournal)
        pendingWarnings += fromJournal.warnings
        apply(fromJournal)
        progress?(.history, 1)
    }

    /// A journal that is there but cannot be read (a link, a FIFO, no permission) would make the state wrong.
    private static func failIfUnreadable(_ batch: Journal.Batch) throws(LoadFailure) {
        if let unreadable = batch.unreadable {
            throw LoadFailure(problems: [Problem(file: unreadable.path, line: 1, column: 1, message: unreadable.reason)])
        }
    }

    /// Exclusive when this session may write (it may need to set a torn line aside), shared otherwise; only
    /// if the lock file exists, so opening a directory creates no file. Without one, no session has ever
    /// written there, so nothing can be half-way through.
    private static func lockForOpening(_ directory: String, writable: Bool) -> JournalLock? {
        let outcome = JournalLock.take(directory: directory, mode: writable ? .exclusive : .shared, wait: true, create: false)
        if case .held(let lock) = outcome { return lock }
        return nil
    }

    public var canEdit: Bool { readOnlyReason == nil }

    /// Messages about the journal (torn or unreadable lines) not yet shown; each is returned once.
    public func takeWarnings() -> [String] {
        defer { pendingWarnings = [] }
        return pendingWarnings.filter { shownWarnings.insert($0).inserted }
    }

    // MARK: - Reading

    private static func collectionStamps(_ directory: String) -> [FileStamp?] {
        DataFiles.all.map { FileStamp(path: (directory as NSString).appendingPathComponent($0)) }
    }

    func markArchived(_ batch: Journal.Batch) {
        if archived.count < history.count { archived += repeatElement(false, count: history.count - archived.count) }
        for index in batch.added { archived[index] = true }
    }

    /// Replays what a read found: status events set the status they name, so replay is idempotent and a
    /// journal already folded into projects.json by an interrupted compaction replays to the same state.
    /// An event met twice in the journal itself is reported and applied once; one that is also in the archive
    /// (an interrupted compaction) is applied again, silently. A new status event that does not start from
    /// the status replay has reached, or makes a move the rules forbid, was not written by Caseboard's checks
    /// (an edit by hand, a damaged file): it is applied, as the journal says, and reported.
    func apply(_ batch: Journal.Batch) {
        // Record changes rebuild the indexes: consecutive ones are made on plain records, then built once.
        var pending: RecordSet?
        defer { build(&pending) }
        for (position, index) in batch.added.enumerated() {
            let line = batch.lines[position]
            let repeated = batch.repeated[position]
            if repeated {
                guard index < archived.count, archived[index] else {
                    pendingWarnings.append(
                        "\(journal.path):\(line): event id \"\(history[index].id)\" was already used by an earlier event; this line is ignored"
                    )
                    continue
                }
            }
            if history.hasChanges(at: index) {
                journalTally[history.kind(at: index), default: 0] += 1
                if pending == nil { pending = RecordSet(dataset) }
                if !repeated { checkChanges(index, line: line, against: pending!) }
                for change in history.changes(at: index) { pending!.apply(change) }
                continue
            }
            // A status change may be for a project an edit just added: checked against the state after it.
            build(&pending)
            if !repeated { checkTransition(index, line: line) }
            apply(index, line: line)
        }
    }

    /// Builds the data set from the records the gathered changes left.
    private func build(_ pending: inout RecordSet?) {
        guard let records = pending else { return }
        dataset = records.dataset
        pending = nil
        // Rows of projects added or taken away: looked up again as events need them.
        rowOfProjectKey = []
    }

    /// An edit whose `from` values are not what replay reached was not checked by Caseboard (an edit by hand,
    /// a damaged file): applied as the journal says, and reported.
    private func checkChanges(_ index: Int, line: Int, against records: RecordSet) {
        guard history.kind(at: index) == .edit else { return }
        for change in history.changes(at: index) where change.operation == .set {
            guard let field = change.field, let current = records.record(change.kind, change.id) else { continue }
            if !current[field].matches(change.from) {
                pendingWarnings.append(
                    "\(journal.path):\(line): event \"\(history[index].id)\" changes \(change.kind.label) \(change.id) \(field) from "
                        + "\(change.from.display), but replay had it at \(current[field].display)")
            }
        }
    }

    /// The dataset row of an event's project (nil: not in projects.json), filling the cache as keys appear.
    private func row(of index: Int) -> Int? {
        let key = history.projectKey(at: index)
        while rowOfProjectKey.count <= key {
            rowOfProjectKey.append(Int32(dataset.projectIndex[history.projectIDs[rowOfProjectKey.count]] ?? -1))
        }
        let row = Int(rowOfProjectKey[key])
        return row >= 0 ? row : nil
    }

    /// Reads the history's columns only: replay runs this for every status change, and building each event
    /// would cost more than the rest of replay.
    private func checkTransition(_ index: Int, line: Int) {
        guard history.kind(at: index) == .status, let to = history.statusAfter(at: index), let row = row(of: index) else { return }
        let current = dataset.projects.statuses[row]
        let from = history.statusBefore(at: index)
        let place = { "\(self.journal.path):\(line): event \"\(self.history[index].id)\" (\(self.history.projectID(at: index)))" }
        if let from, from != current {
            pendingWarnings.append("\(place()) changes the status from \(from.rawValue), but replay had it at \(current.rawValue)")
        } else if let reason = current.refusal(movingTo: to) {
            pendingWarnings.append("\(place()): the status rules forbid this change: \(reason)")
        }
    }

    func apply(_ index: Int, line: Int? = nil) {
        if history.hasChanges(at: index) {
            journalTally[history.kind(at: index), default: 0] += 1
            dataset = prepared ?? dataset.applying(history.changes(at: index))
            rowOfProjectKey = []
            return
        }
        let kind = history.kind(at: index)
        journalTally[kind, default: 0] += 1
        let key = history.projectKey(at: index)
        guard let row = row(of: index) else {
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
        if let risk = history.risk(at: index) {
            dataset.setRisk(reason: risk.reason, owner: risk.owner, review: risk.review, ofProjectAt: row)
        }
    }

    /// What `refresh()` found: the same answer for every store (see CaseboardStore).
    public typealias Refresh = StoreRefresh

    /// Cheap when nothing changed (a stat of each file): call it on the input loop's idle tick.
    public func refresh() -> Refresh {
        if Self.collectionStamps(directory) != collectionStamps { return reload(holding: nil) ? .reloaded : .unchanged }
        let batch = journal.readNew(into: &history)
        pendingWarnings += batch.warnings
        if batch.replaced { return reload(holding: nil) ? .reloaded : .unchanged }
        guard !batch.added.isEmpty else { return .unchanged }
        apply(batch)
        let events = batch.added.map { history[$0] }
        return events.contains { !$0.changes.isEmpty } ? .recordsChanged(events) : .appended(events)
    }

    /// Loads everything again; when the files now have problems, keeps the last good data, says so and
    /// returns false.
    private func reload(holding lock: JournalLock?) -> Bool {
        do {
            let fresh = try DataStore(directory: directory, readOnlyReason: readOnlyReason, holding: lock, progress: nil)
            dataset = fresh.dataset
            history = fresh.history
            archived = fresh.archived
            collectionStamps = fresh.collectionStamps
            journal = fresh.journal
            archive = fresh.archive
            journalTally = fresh.journalTally
            rowOfProjectKey = fresh.rowOfProjectKey
            reportedOrphans = fresh.reportedOrphans
            pendingWarnings += fresh.takeWarnings()
            return true
        } catch {
            collectionStamps = Self.collectionStamps(directory)
            let first = error.problems.first.map(\.description) ?? ""
            pendingWarnings.append(
                "The data files changed on disk and now have \(error.total) problem(s) (\(first)); still showing the last good data"
            )
            return false
        }
    }

    /// With the lock held: brings this session up to what is on disk, so a change is checked against the
    /// state that the lock orders, whatever other sessions (or a compaction) did since this one last looked.
    func catchUp(holding lock: JournalLock) throws(EditRefusal) {
        var replaced = Self.collectionStamps(directory) != collectionStamps
        if !replaced {
            let batch = journal.readNew(into: &history, lock: lock)
            pendingWarnings += batch.warnings
            if let unreadable = batch.unreadable { throw EditRefusal("Cannot read \(unreadable); nothing was changed") }
            replaced = batch.replaced
            if !replaced { apply(batch) }
        }
        if replaced && !reload(holding: lock) {
            throw EditRefusal("The data files changed on disk and now have problems (see caseboard validate); nothing was changed")
        }
    }

    // MARK: - Writing

    /// Takes the lock, catches up with other sessions, checks, appends one event and fsyncs.
    func write(_ make: () throws(EditRefusal) -> JournalEvent) throws(EditRefusal) -> JournalEvent {
        prepared = nil
        defer { prepared = nil }
        if let readOnlyReason { throw EditRefusal("Read-only (\(readOnlyReason)): nothing was changed") }
        guard case .held(let lock) = JournalLock.take(directory: directory, mode: .exclusive, wait: true) else {
            throw EditRefusal("Cannot lock \(directory)/\(JournalFiles.lock); nothing was changed")
        }
        defer { lock.release() }
        try catchUp(holding: lock)
        let event = try make()
        do {
            try journal.append(Array((event.jsonLine + "\n").utf8))
        } catch {
            throw EditRefusal("Could not save to \(error.file): \(error.reason); nothing was changed")
        }
        apply(history.append(event).index)
        return event
    }

    private func projectRow(_ id: String) throws(EditRefusal) -> Int {
        guard let row = dataset.projectIndex[id] else { throw EditRefusal("No project has id \"\(id)\"") }
        return row
    }

    static func checkAuthor(_ author: String) throws(EditRefusal) {
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
        risk: RiskNote? = nil, author: String, at date: Date = Date()
    ) throws(EditRefusal) -> JournalEvent {
        try Self.checkAuthor(author)
        let note = try Self.cleanNote(note)
        return try write { () throws(EditRefusal) -> JournalEvent in
            // The note says why, when no separate reason is given.
            let risk = try Self.cleanRisk(risk ?? note.map { RiskNote(reason: $0) }, movingTo: status)
            let row = try projectRow(id)
            let project = dataset.projects[row]
            let current = project.status
            if let expected, current != expected {
                throw EditRefusal(conflict(project, expected: expected))
            }
            if let reason = current.refusal(movingTo: status) {
                throw EditRefusal("\(project.title): \(reason)")
            }
            if let owner = risk?.owner, dataset.contact(owner) == nil {
                throw EditRefusal("No contact has id \"\(owner)\" to own the risk; nothing was saved")
            }
            var event = JournalEvent(
                id: JournalEvent.newID(), time: JournalTime.format(date), author: author, project: id, kind: .status, from: current,
                to: status, note: note)
            event.risk = risk
            return event
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
            if target.kind == .edit {
                var event = JournalEvent(
                    id: JournalEvent.newID(), time: JournalTime.format(date), author: author, project: target.project, kind: .undo,
                    undoes: target.id)
                event.changes = try reversal(of: target)
                return event
            }
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
            var event = JournalEvent(
                id: JournalEvent.newID(), time: JournalTime.format(date), author: author, project: target.project, kind: .undo,
                from: from, to: to, note: target.kind == .note ? "withdrew a note" : nil, undoes: target.id)
            // Back to at risk or paused: the reason it had then, so the undo sets it absolutely too.
            if let to, to == .atRisk || to == .paused, let reason = riskBefore(target) {
                event.risk = reason
            }
            return event
        }
    }

    /// A move to at-risk or paused needs a reason; other moves carry none.
    static func cleanRisk(_ risk: RiskNote?, movingTo status: ProjectStatus) throws(EditRefusal) -> RiskNote? {
        guard status == .atRisk || status == .paused else { return nil }
        guard var risk, let reason = try cleanNote(risk.reason) else {
            throw EditRefusal("Say why the project is \(status.label): a reason is required; nothing was saved")
        }
        if reason.count > 200 { throw EditRefusal("The reason is \(reason.count) characters; the most is 200") }
        risk.reason = reason
        if let review = risk.review, CalendarDate(review) == nil {
            throw EditRefusal("\"\(review)\" is not a review date; write it as YYYY-MM-DD")
        }
        return risk
    }

    /// The risk note in force before a status event: the latest earlier move to at-risk or paused.
    private func riskBefore(_ target: JournalEvent) -> RiskNote? {
        guard let targetIndex = history.index(ofID: target.id) else { return nil }
        for index in history.timelineIndices(of: target.project) where index < targetIndex {
            if let risk = history.risk(at: index) { return risk }
        }
        return nil
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
