import CaseboardKit

/// The data set and its change history as the store last handed them over.
///
/// Two values are equal when they hold the same versions: comparing 100,000 projects field by field on every
/// state comparison would cost more than the keystroke that caused it.
public struct LoadedData: Equatable, Sendable {
    public internal(set) var dataset: Dataset
    public internal(set) var history: History
    /// Bumped whenever the data is replaced.
    public internal(set) var version = 0
    /// Bumped when the project rows themselves changed (not just statuses): sorted orders are stale then.
    var rowsVersion = 0
    /// Financial years projects started in (the filter panel's "started in" choices), worked out when the
    /// rows change: it follows from the data, so it compares with it by version.
    public internal(set) var startYears: [FinancialYearSpan]
    /// Whether the header says "Sample data — illustrative": worked out once per data set, not per frame.
    public internal(set) var isIllustrative: Bool
    /// Which session's data this is, so a `Memo` never serves one state's answers to another's data.
    let origin = Origin()

    final class Origin: Sendable {}

    init(dataset: Dataset, history: History) {
        self.dataset = dataset
        self.history = history
        startYears = dataset.startFinancialYears
        isIllustrative = dataset.hasIllustrativeRecords
    }

    mutating func replace(_ newDataset: Dataset, _ newHistory: History, sameRows: Bool) {
        dataset = newDataset
        history = newHistory
        version += 1
        isIllustrative = newDataset.hasIllustrativeRecords
        if !sameRows {
            rowsVersion += 1
            startYears = newDataset.startFinancialYears
        }
    }

    public static func == (lhs: LoadedData, rhs: LoadedData) -> Bool {
        lhs.version == rhs.version && lhs.history.version == rhs.history.version
    }
}
