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
        return filter
    }
}
