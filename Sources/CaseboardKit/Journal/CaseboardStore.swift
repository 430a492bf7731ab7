import Foundation

/// What the browser needs of wherever the data lives: a data directory (`DataStore`) today, a PostgreSQL
/// database to come (issue 11; see docs/team.md). Reads are of the data set and history as last loaded or
/// refreshed; each change is checked against the latest state where it is written, and is either saved whole
/// and returned as its event, or refused with a reason a person can act on and nothing saved.
public protocol CaseboardStore: AnyObject {
    var dataset: Dataset { get }
    var history: History { get }
    /// Why every change would be refused (started read-only, a directory not writable), or nil.
    var readOnlyReason: String? { get }

    /// Messages about the data not yet shown (a torn journal line, say); each is returned once.
    func takeWarnings() -> [String]

    /// Picks up what others changed since; cheap when nothing did, as the browser calls it on every idle tick.
    func refresh() -> StoreRefresh

    /// Moves a project to `status`, provided it is still `expected` and the status rules allow the move.
    @discardableResult
    func setStatus(
        project id: String, to status: ProjectStatus, expecting expected: ProjectStatus?, note: String?, risk: RiskNote?,
        author: String, at date: Date
    ) throws(EditRefusal) -> JournalEvent

    @discardableResult
    func addNote(project id: String, text: String, author: String, at date: Date) throws(EditRefusal) -> JournalEvent

    /// Takes back one of `author`'s own changes, if nobody has changed what it changed since.
    @discardableResult
    func undo(event eventID: String, author: String, at date: Date) throws(EditRefusal) -> JournalEvent

    /// Record changes (adds, sets, retirements) as one event, all or nothing.
    @discardableResult
    func save(_ changes: [RecordChange], note: String?, source: String?, author: String, at date: Date) throws(EditRefusal) -> JournalEvent
}

/// What `refresh()` found.
public enum StoreRefresh: Equatable, Sendable {
    case unchanged
    /// Others added these events; project rows are unchanged.
    case appended([JournalEvent])
    /// The data was replaced (a compaction, an edit by hand): everything was reloaded.
    case reloaded
    /// Others added, changed or retired records: rows may have moved, so anything holding a row number must
    /// look again.
    case recordsChanged([JournalEvent])
}

/// The directory store already has every method, with the same checks; the protocol names them.
extension DataStore: CaseboardStore {}
