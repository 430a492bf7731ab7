/// What a compaction moved and rewrote.
public struct CompactionSummary: Equatable, Sendable {
    /// Events moved from the journal to the archive.
    public var events: Int
    /// Lines moved, counting any that could not be read (they are archived verbatim too).
    public var lines: Int
    public var statusChanges: Int
    public var notes: Int
    public var undos: Int
    /// Record edits and imports.
    public var edits: Int = 0
    /// Collection files whose contents changed (projects.json for status changes; others after edits).
    public var rewrittenFiles: [String]
    public var author: String

    public init(
        events: Int = 0, lines: Int = 0, statusChanges: Int = 0, notes: Int = 0, undos: Int = 0,
        rewrittenFiles: [String] = [], author: String
    ) {
        self.events = events
        self.lines = lines
        self.statusChanges = statusChanges
        self.notes = notes
        self.undos = undos
        self.rewrittenFiles = rewrittenFiles
        self.author = author
    }
}
