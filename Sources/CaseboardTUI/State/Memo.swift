import CaseboardKit

/// Answers kept between keystrokes so that recomputing the state costs little: the project order before
/// filtering, the last filter's answer (more search text only narrows it), the current screen's figures and
/// the open detail page's outline. None of it is state: dropping the memo changes nothing but speed.
///
/// The input loop keeps one for the session; a fresh one (as tests use) recomputes everything.
public final class Memo {
    struct SortedKey: Equatable {
        var origin: ObjectIdentifier
        var rowsVersion: Int
        /// Only an order by status goes stale when statuses change.
        var statusVersion: Int?
        var sort: ProjectSort
    }

    struct VisibleKey: Equatable {
        var origin: ObjectIdentifier
        var version: Int
        var filter: ProjectFilter
        var sort: ProjectSort
    }

    struct DerivedKey: Equatable {
        var origin: ObjectIdentifier
        var version: Int
        var historyVersion: Int
        var filter: ProjectFilter
        var sort: ProjectSort
        var screen: Screen
        var themeCounts: Bool
        var activityWindow: ActivityWindow
        var reportChoice: ReportChoice
        /// The day the Activity period counts back from.
        var today: CalendarDate
    }

    struct OutlineKey: Equatable {
        var origin: ObjectIdentifier
        var version: Int
        var historyVersion: Int
        var target: DetailTarget
        var width: Int
        var dateStyle: DateStyle
    }

    var sorted: (key: SortedKey, rows: [Int])?
    var visible: (key: VisibleKey, rows: [Int])?
    var derived: (key: DerivedKey, figures: ScreenFigures)?
    var outline: (key: OutlineKey, outline: DetailOutline)?

    public init() {}
}

/// The figures a screen shows beyond the project list, computed for the screen on view only.
///
/// They follow from the data, the filter, the sort and the screen, which the state compares already; two
/// states equal in those have the same figures, so the figures take no part in equality (and a test need not
/// spell out a screen's sums to say which screen is showing).
struct ScreenFigures: Equatable {
    static func == (lhs: ScreenFigures, rhs: ScreenFigures) -> Bool { true }

    var themeStats: [ThemeStat] = []
    var themeProjectTotal = 0
    var streamTotals: [StreamTotals] = []
    /// Money by theme across every stream, for the Funding screen.
    var themeFunding: [ThemeFunding] = []
    var activity: [Int] = []
    var fundingReport: FundingReport?
    var visiblePartners: [Int] = []
    var partnerProjectCounts: [Int] = []
}
