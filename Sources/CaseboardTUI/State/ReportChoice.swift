import CaseboardKit

/// What the Reports screen shows: the money broken down one way, for every year or one financial year.
public struct ReportChoice: Equatable, Sendable {
    public var by: FundingDimension
    /// A financial year such as "2021/22"; nil for every year.
    public var year: String?

    public init(by: FundingDimension = .theme, year: String? = nil) {
        self.by = by
        self.year = year
    }
}

extension AppState {
    /// The report's scope: the chosen year, and the theme filter when it names one theme (a report counts
    /// money under primary themes only, and leaves the other filters to the project lists).
    var reportSelection: FundingSelection {
        let theme = filter.themes.count == 1 ? filter.themes.first : nil
        return FundingSelection(year: reportChoice.year, theme: theme.flatMap { Theme.knownIDs.contains($0) ? $0 : nil })
    }

    /// True when filters other than the theme are set: the Reports screen says it leaves them out.
    var reportIgnoresFilters: Bool { !filter.withoutThemes.isEmpty }
}
