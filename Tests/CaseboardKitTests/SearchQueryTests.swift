import Testing

@testable import CaseboardKit

/// The search line's grammar: plain words in any order, field words, and problems said rather than ignored.
@Suite struct SearchQueryTests {
    @Test func plainWordsAreFoldedAndKeptInOrderTyped() {
        let query = SearchQuery("Knife  ZOË crime")
        #expect(query.words == ["knife", "zoe", "crime"])
        #expect(!query.hasFields)
        #expect(query.problems.isEmpty)
    }

    @Test func fieldWordsNarrowByColumn() {
        let query = SearchQuery("status:at-risk district:Kirklees ends:<2022-04-01 knife")
        #expect(query.statuses == [.atRisk])
        #expect(query.districts == [.kirklees])
        #expect(query.endsBefore == CalendarDate("2022-04-01"))
        #expect(query.words == ["knife"])
        #expect(query.problems.isEmpty)
    }

    @Test func valuesTakeSpacesAsHyphensCommasAndUniquePrefixes() {
        #expect(SearchQuery("district:west-yorkshire").districts == [.westYorkshire])
        #expect(SearchQuery("status:AT-RISK,paused").statuses == [.atRisk, .paused])
        #expect(SearchQuery("status:at-risk status:paused").statuses == [.atRisk, .paused])
        #expect(SearchQuery("status:at").statuses == [.atRisk])
        #expect(SearchQuery("theme:early").themes == ["early-intervention"])
        #expect(SearchQuery("lead:Kirklees-Council").leads == ["kirklees-council"])
        let dates = SearchQuery("starts:>2020-01-01 starts:<2021-01-01 ends:>2022-03-31")
        #expect(dates.startsAfter == CalendarDate("2020-01-01"))
        #expect(dates.startsBefore == CalendarDate("2021-01-01"))
        #expect(dates.endsAfter == CalendarDate("2022-03-31"))
    }

    @Test func problemsAreNamedNotSilentlyMatched() {
        #expect(
            SearchQuery("colour:red").problems == ["Unknown search field \"colour:\"; use status: district: theme: lead: starts: ends:"])
        #expect(SearchQuery("status:risky").problems.first?.hasPrefix("No status \"risky\"; use one of: proposed") == true)
        #expect(SearchQuery("status:p").problems == ["status:p could be proposed or paused"])
        #expect(SearchQuery("ends:<2022-13-01").problems.first?.hasPrefix("\"2022-13-01\" is not a date") == true)
        #expect(SearchQuery("ends:2022-01-01").problems.first?.hasPrefix("ends: takes < or >") == true)
        #expect(SearchQuery("status:").problems.first?.hasPrefix("status: needs a value") == true)
        // A bad word leaves the rest of the query working.
        let query = SearchQuery("status:risky knife")
        #expect(query.words == ["knife"] && query.statuses.isEmpty)
        // Colons that are not field words are text ("10:30").
        #expect(SearchQuery("10:30").words == ["10:30"] && SearchQuery("10:30").problems.isEmpty)
    }

    @Test func aLongerQueryNarrowsAShorterOne() {
        #expect(SearchQuery("knife crime").narrows(SearchQuery("knif")))
        #expect(SearchQuery("crime knife").narrows(SearchQuery("knife")))
        #expect(!SearchQuery("knife").narrows(SearchQuery("knife crime")))
        #expect(!SearchQuery("status:paused knife").narrows(SearchQuery("knife")))
    }

    @Test func fieldWordsAreFoundInAQuery() {
        #expect(SearchQuery.fieldWords(of: "knife status:at-risk crime ends:<2022-01-01") == "status:at-risk ends:<2022-01-01")
    }
}

/// The same words against the mini data set.
@Suite struct SearchQueryMatchTests {
    let dataset: Dataset

    init() throws { dataset = try DatasetLoader.load(directory: try MiniData.directory()) }

    func ids(_ text: String) -> [String] { dataset.matchingRows(ProjectFilter(text: text)).map { dataset.projects[$0].id } }

    @Test func wordsMatchInAnyOrderAndFieldsByColumn() {
        #expect(ids("yot kirklees") == ids("kirklees yot"))
        #expect(ids("kirklees yot") == ["sceptre"])
        #expect(ids("status:at-risk district:kirklees") == ["sceptre"])
        #expect(ids("status:active") == ["gangs"])
        #expect(ids("status:active amnesty") == [])
        #expect(ids("district:leeds") == ["gangs", "sceptre"])
        // An unusable field word is left out (and reported), not turned into "nothing matches".
        #expect(ids("status:risky amnesty") == ["sceptre"])
    }

    @Test func datesCompareAndAMissingDateNeverPasses() {
        let all = dataset.projects.indices.map { dataset.projects[$0] }
        let endingBefore = all.filter { ($0.end ?? "9999") < "2022-04-01" }.map(\.id)
        #expect(ids("ends:<2022-04-01") == endingBefore)
        let startingAfter = all.filter { ($0.start ?? "0000") > "2019-01-01" }.map(\.id)
        #expect(ids("starts:>2019-01-01") == startingAfter)
    }
}
