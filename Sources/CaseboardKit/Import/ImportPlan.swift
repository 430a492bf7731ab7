/// What an import would do, worked out before anything is written: the preview and the changes are the same.
public struct ImportPlan: Equatable, Sendable {
    public struct Added: Equatable, Sendable {
        public var row: Int
        public var record: Record
    }

    public struct Changed: Equatable, Sendable {
        public var row: Int
        public var id: String
        /// `.set` changes, one per field that differs.
        public var changes: [RecordChange]
    }

    public var kind: RecordKind
    public var added: [Added] = []
    public var changed: [Changed] = []
    /// Rows whose record already holds every value the file gives.
    public var unchanged = 0
    /// Things said but not done: a status the file gives for an existing project, say.
    public var notes: [String] = []
    /// Headers that fill no field.
    public var unusedColumns: [String] = []
    public var problems: [ImportProblem] = []

    public init(kind: RecordKind) { self.kind = kind }

    /// The changes to save as one event: additions first, so a change never points at a record not yet added.
    public var changes: [RecordChange] { added.map { .add($0.record) } + changed.flatMap(\.changes) }

    public var records: Int { added.count + changed.count + unchanged }
}
