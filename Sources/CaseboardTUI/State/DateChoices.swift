import CaseboardKit

/// The Dates section of the filter panel: end-date choices on the left, "started in" a financial year on
/// the right. One date choice at a time (they would mostly contradict each other); ticking another replaces
/// it. Each choice is a `DateFilter` worked out from `today`, so the filter itself is plain bounds.
struct DateChoice: Equatable {
    /// In full, for the filter chip: "ends this financial year (2019/20)".
    var label: String
    /// Under the panel's "Ends" or "Started in (FY)" heading: "this FY (2019/20)".
    var short: String
    var filter: DateFilter
}

enum DateChoices {
    /// The end-date choices: the left column.
    static func endChoices(_ state: AppState) -> [DateChoice] {
        [
            DateChoice(
                label: "ends this financial year (\(state.today.financialYear))", short: "this FY",
                filter: .endsInFinancialYear(of: state.today)),
            DateChoice(label: "ends within 90 days", short: "in 90 days", filter: .endsWithin(days: 90, of: state.today)),
            DateChoice(label: "no end date", short: "no end date", filter: .openEnded),
        ]
    }

    /// One "started in" choice per financial year in the data: the right column.
    static func startChoices(_ state: AppState) -> [DateChoice] {
        state.startYears.map { DateChoice(label: "started in \($0)", short: "\($0)", filter: .startedIn($0)) }
    }

    /// Every date choice in panel order (the ends, then the years).
    static func all(_ state: AppState) -> [DateChoice] { endChoices(state) + startChoices(state) }

    /// Panel rows the section's two columns need.
    static func rows(_ state: AppState) -> Int { max(endChoices(state).count, state.startYears.count) }

    /// Ticks a choice, or clears it when it is the one ticked.
    static func toggle(_ index: Int, _ state: inout AppState, _ memo: Memo) {
        let choices = all(state)
        guard choices.indices.contains(index) else { return }
        state.filter.dates = state.filter.dates == choices[index].filter ? DateFilter() : choices[index].filter
        state.recompute(memo)
    }

    /// ← → within the section: between an end choice and the year on the same row. Indices are within the
    /// section; nil when there is nothing that way.
    static func across(_ index: Int, right: Bool, _ state: AppState) -> Int? {
        let ends = endChoices(state).count
        let years = state.startYears.count
        if right, index < ends, years > 0 { return ends + min(index, years - 1) }
        if !right, index >= ends { return min(index - ends, ends - 1) }
        return nil
    }

    /// The chip for the header: the choice's own words, or the bounds when they came from elsewhere.
    static func chip(_ state: AppState) -> String {
        let dates = state.filter.dates
        if let choice = all(state).first(where: { $0.filter == dates }) { return "Dates: " + choice.label }
        var parts: [String] = []
        let style = state.dateStyle
        if dates.noEndDate { parts.append("no end date") }
        if let from = dates.endsFrom { parts.append("ends from \(style.format(number: from))") }
        if let through = dates.endsThrough { parts.append("ends by \(style.format(number: through))") }
        if let from = dates.startsFrom { parts.append("starts from \(style.format(number: from))") }
        if let through = dates.startsThrough { parts.append("starts by \(style.format(number: through))") }
        return "Dates: " + parts.joined(separator: ", ")
    }
}
