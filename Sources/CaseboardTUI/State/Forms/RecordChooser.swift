import CaseboardKit

/// Something `A`, `e` or `R` can do to one record.
public enum RecordAction: Equatable, Sendable {
    case add(RecordKind, prefilled: [String: RecordValue])
    case edit(RecordKind, String)
    case retire(RecordKind, String)
}

/// When `A`, `e` or `R` could mean two records (a stream or an allocation from it), one key says which.
public struct RecordChooser: Equatable, Sendable {
    public struct Choice: Equatable, Sendable {
        public var letter: Character
        public var label: String
        public var action: RecordAction
    }

    public var title: String
    public var choices: [Choice]
}

/// "Retire partner Leeds City Council? y/n", and, after a refusal, why not (what still points at it).
public struct RetireQuestion: Equatable, Sendable {
    public var kind: RecordKind
    public var id: String
    public var name: String
    public var refusal: String?
}
