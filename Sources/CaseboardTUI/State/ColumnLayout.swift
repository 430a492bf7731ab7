/// Which columns a list screen shows, in what order and how wide: a plain value, so it can be saved in a
/// configuration file and compared cheaply. Column ids are the lower-case header names (`title`, `end`).
public struct ColumnLayout: Equatable, Hashable, Sendable {
    public struct Entry: Equatable, Hashable, Sendable {
        public var id: String
        public var shown: Bool
        /// The width chosen with `+`/`-`; nil keeps the screen's own.
        public var width: Int?

        public init(id: String, shown: Bool = true, width: Int? = nil) {
            self.id = id
            self.shown = shown
            self.width = width
        }
    }

    public var entries: [Entry]
    /// True for the screen's own layout: columns that do not fit are left out, least useful first. A layout
    /// chosen in the column chooser keeps every ticked column and ← → scroll sideways when they overflow.
    public var fitToWidth: Bool

    public init(entries: [Entry], fitToWidth: Bool = false) {
        self.entries = entries
        self.fitToWidth = fitToWidth
    }
}

/// How far back the Activity screen looks; `d` cycles through them.
public enum ActivityWindow: Int, CaseIterable, Sendable {
    case all, week, month

    /// Days back from today (today included), or nil for everything.
    public var days: Int? {
        switch self {
        case .all: return nil
        case .week: return 7
        case .month: return 30
        }
    }

    public var label: String {
        switch self {
        case .all: return "all changes"
        case .week: return "last 7 days"
        case .month: return "last 30 days"
        }
    }

    var next: ActivityWindow {
        switch self {
        case .all: return .week
        case .week: return .month
        case .month: return .all
        }
    }
}
