import ArgumentParser
import CaseboardKit

/// The project filters every listing understands.
struct FilterOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "Only this strategy theme (county-lines, early-intervention, communities, law-enforcement); repeat or comma-separate for several."
    )
    var theme: [String] = []

    @Option(name: .long, help: "Only this status (proposed, approved, active, at-risk, paused, completed, closed); repeatable.")
    var status: [String] = []

    @Option(name: .long, help: "Only this district (bradford, calderdale, kirklees, leeds, wakefield, west-yorkshire); repeatable.")
    var district: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Words (all must match, in any order) and field words, as in the browser's / line.",
            discussion:
                "Words match title, summary, tags, partner and contact names (case and accents ignored). Field words: status:at-risk, district:kirklees, theme:early-intervention, lead:NAME, ends:<YYYY-MM-DD, ends:>DATE, starts:<DATE, starts:>DATE.",
            valueName: "WORDS"))
    var search: String?

    @Option(name: .long, help: "Only projects that end before this date (YYYY-MM-DD; the day itself is left out).")
    var endsBefore: String?

    @Option(name: .long, help: "Only projects that end after this date (YYYY-MM-DD; the day itself is left out).")
    var endsAfter: String?

    @Flag(name: .long, help: "Only projects with no end date.")
    var noEndDate = false

    @Option(name: .long, help: "Only projects that started in this financial year (1 April to 31 March), such as 2021/22.")
    var startedIn: String?

    func validate() throws {
        _ = try projectFilter()
    }

    /// The filter (with the search text), or a usage error that says what to type instead.
    func projectFilter() throws -> ProjectFilter {
        var filter = ProjectFilter(text: search ?? "")
        // A field word that cannot be used would otherwise be left out of the match without a word.
        if let problem = SearchQuery(filter.text).problems.first { throw ValidationError("--search: " + problem) }
        for id in theme.flatMap({ $0.split(separator: ",").map(String.init) }) {
            guard Theme.knownIDs.contains(id) else {
                throw ValidationError("unknown theme \"\(id)\"; use one of: " + Theme.knownIDs.joined(separator: ", "))
            }
            filter.themes.insert(id)
        }
        for text in status.flatMap({ $0.split(separator: ",").map(String.init) }) {
            guard let value = ProjectStatus(lenient: text) else {
                throw ValidationError(
                    "unknown status \"\(text)\"; use one of: " + ProjectStatus.allCases.map(\.rawValue).joined(separator: ", "))
            }
            filter.statuses.insert(value)
        }
        for text in district.flatMap({ $0.split(separator: ",").map(String.init) }) {
            guard let value = District(lenient: text) else {
                throw ValidationError(
                    "unknown district \"\(text)\"; use one of: " + District.allCases.map(\.rawValue).joined(separator: ", "))
            }
            filter.districts.insert(value)
        }
        filter.dates = try dateFilter()
        return filter
    }

    /// The date options as one filter; dates are checked here so a typo is a usage error, not an empty list.
    func dateFilter() throws -> DateFilter {
        func day(_ text: String?, _ option: String) throws -> CalendarDate? {
            guard let text else { return nil }
            guard let date = CalendarDate(text) else {
                throw ValidationError("\(option) takes a date such as 2022-03-31 (YYYY-MM-DD), not \"\(text)\"")
            }
            return date
        }
        var dates = DateFilter(noEndDate: noEndDate)
        if let before = try day(endsBefore, "--ends-before") { dates.endsThrough = before.adding(days: -1)?.number ?? 0 }
        if let after = try day(endsAfter, "--ends-after") { dates.endsFrom = after.adding(days: 1)?.number ?? Int32.max }
        if noEndDate && (endsBefore != nil || endsAfter != nil) {
            throw ValidationError("--no-end-date cannot be combined with --ends-before or --ends-after")
        }
        if let startedIn {
            guard let year = FinancialYearSpan(startedIn) else {
                throw ValidationError("--started-in takes a financial year such as 2021/22, not \"\(startedIn)\"")
            }
            dates.startsFrom = year.first.number
            dates.startsThrough = year.last.number
        }
        return dates
    }
}
