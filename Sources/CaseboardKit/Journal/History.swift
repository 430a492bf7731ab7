/// Every change ever made, oldest first: the archive (already folded into the collection files) then the
/// journal. Indexed by project and by event id for timelines, the Activity screen and undo.
public struct History: Sendable {
    public private(set) var events: [JournalEvent] = []
    private var byProject: [String: [Int]] = [:]
    private var byID: [String: Int] = [:]
    /// Ids of events that a later undo event took back.
    public private(set) var undone: Set<String> = []
    /// Bumped on every append, so states holding a history compare cheaply.
    public private(set) var version = 0

    public init() {}

    public var count: Int { events.count }

    mutating func append(_ event: JournalEvent) {
        // The archive and the journal can both hold an event if a compaction was interrupted; keep one.
        guard byID[event.id] == nil else { return }
        byID[event.id] = events.count
        byProject[event.project, default: []].append(events.count)
        if event.kind == .undo, let target = event.undoes { undone.insert(target) }
        events.append(event)
        version += 1
    }

    public func event(id: String) -> JournalEvent? { byID[id].map { events[$0] } }

    /// One project's changes, newest first.
    public func timeline(of project: String) -> [JournalEvent] {
        (byProject[project] ?? []).reversed().map { events[$0] }
    }

    /// The latest event that set the project's status (a status change or an undo).
    public func lastStatusChange(of project: String) -> JournalEvent? {
        for index in (byProject[project] ?? []).reversed() where events[index].statusAfter != nil {
            return events[index]
        }
        return nil
    }

    public func isUndone(_ event: JournalEvent) -> Bool { undone.contains(event.id) }
}
