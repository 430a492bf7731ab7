import Foundation
import Testing

@testable import CaseboardKit

/// Every validation rule, each with its exact message and position. The broken files live in `Broken/`,
/// named `COLLECTION.WHAT.json`; each replaces one file of the mini data set.
@Suite struct ValidationTests {
    func problems(replacing name: String, with broken: String) throws -> [String] {
        let url = try #require(Bundle.module.url(forResource: "Broken/" + broken, withExtension: nil))
        let text = try String(contentsOf: url, encoding: .utf8)
        return MiniData.problems(try MiniData.directory([name: text]))
    }

    @Test func projectFieldsTypesAndReferences() throws {
        #expect(
            try problems(replacing: DataFiles.projects, with: "projects.fields.json") == [
                #"projects.json:4:14: project "gangs": field "title": expected a string, found an integer"#,
                #"projects.json:6:15: project "gangs": field "status": unknown status "actve"; expected proposed, approved, active, at-risk, paused, completed, closed"#,
                #"projects.json:8:28: project "gangs": field "districts": unknown district "york"; expected bradford, calderdale, kirklees, leeds, wakefield, west-yorkshire"#,
                #"projects.json:10:5: project "gangs": unknown field "statuss"; did you mean "status"?"#,
                #"projects.json:15:14: project "sceptre": field "theme": no theme has id "knife-crime""#,
                #"projects.json:17:13: project "sceptre": field "lead": no organisation has id "nobody""#,
                #"projects.json:18:34: project "sceptre": field "partners": no organisation has id "ghost""#,
                #"projects.json:21:12: project "sceptre": field "end": end date 2020-03-31 is before start date 2021-04-01"#,
                #"projects.json:22:27: project "sceptre": field "contacts": no contact has id "c-two""#,
                #"projects.json:24:3: project "gangs": missing required field "lead""#,
                #"projects.json:25:11: project "gangs": field "id": duplicate id; project "gangs" already uses it"#,
                #"projects.json:28:26: project "gangs": field "secondary_themes": "communities" is already the primary theme"#,
                #"projects.json:30:18: project "gangs": field "districts": expected an array of strings, found a string"#,
                #"projects.json:31:14: project "gangs": field "start": "2021-13-01" is not a date; write it as YYYY-MM-DD"#,
                #"projects.json:34:11: project "Bad Id": field "id": "Bad Id" is not a valid id; use lower-case letters, digits and hyphens"#,
                #"projects.json:39:18: project "Bad Id": field "districts": list at least one district"#,
            ])
    }

    @Test func syntaxErrorNamesLineAndColumn() throws {
        #expect(
            try problems(replacing: DataFiles.projects, with: "projects.syntax.json") == [
                #"projects.json:5:5: syntax error: unexpected '"'; expected ',' or '}'"#
            ])
    }

    @Test func contactReferencesAndDetails() throws {
        #expect(
            try problems(replacing: DataFiles.contacts, with: "contacts.refs.json") == [
                #"contacts.json:3:77: contact "c-two": field "organisation": no organisation has id "council""#,
                #"contacts.json:3:97: contact "c-two": field "email": not an email address (the value is personal data, so it is not repeated here)"#,
                #"contacts.json:3:122: contact "c-two": field "phone": not a phone number; use digits, spaces and an optional leading + (the value is personal data, so it is not repeated here)"#,
                #"contacts.json:4:10: contact "wyp": field "id": duplicate id; organisation "wyp" already uses it"#,
            ])
    }

    @Test func amountsYearsAndOverAllocation() throws {
        #expect(
            try problems(replacing: DataFiles.funding, with: "funding.amounts.json") == [
                #"funding.json:8:20: funding stream "eiyf": field "allocations": allocations add up to £1,100, more than the stream's total of £1,000"#,
                #"funding.json:10:61: funding stream "eiyf" allocation #2: field "year": "2020/21" is not one of the stream's years (2018/19, 2019/20)"#,
                #"funding.json:11:19: funding stream "eiyf" allocation #3: field "project": no project has id "missing""#,
                #"funding.json:11:46: funding stream "eiyf" allocation #3: field "amount_pence": amount must not be negative (found -5)"#,
                #"funding.json:18:15: funding stream "vru-2021": field "years": "2021/2022" is not a financial year; write it as 2021/22"#,
                #"funding.json:19:20: funding stream "vru-2021": field "total_pence": amount 99999999999999999999 is too large (the most is 9223372036854775807 pence)"#,
                #"funding.json:21:44: funding stream "vru-2021" allocation #1: field "amount_pence": amounts are whole pence: write an integer, e.g. 112139500 for £1,121,395"#,
            ])
    }

    @Test func unknownAndMissingThemes() throws {
        #expect(
            try problems(replacing: DataFiles.themes, with: "themes.missing.json") == [
                #"themes.json:1:1: theme "communities" is missing; every data set has all four strategy themes"#,
                #"themes.json:1:1: theme "law-enforcement" is missing; every data set has all four strategy themes"#,
                #"themes.json:4:10: theme "knife-crime": field "id": unknown theme "knife-crime"; the strategy's themes are county-lines, early-intervention, communities, law-enforcement"#,
            ])
    }

    @Test func topLevelMustBeAnArray() throws {
        #expect(
            try problems(replacing: DataFiles.partners, with: "partners.kinds.json") == [
                "partners.json:1:1: expected an array of records at the top level, found an object"
            ])
    }

    @Test func problemsInSeveralFilesAreAllReported() throws {
        let directory = try MiniData.directory([DataFiles.themes: "[", DataFiles.contacts: "[{\"id\": \"x\",}]"])
        #expect(
            MiniData.problems(directory) == [
                "themes.json:1:2: syntax error: unexpected end of file; expected a value",
                "contacts.json:1:13: syntax error: trailing comma before '}'",
            ])
    }

    @Test func missingFileIsNamed() throws {
        let directory = try MiniData.directory()
        try FileManager.default.removeItem(atPath: directory + "/" + DataFiles.funding)
        #expect(MiniData.problems(directory) == ["funding.json:1:1: file is missing"])
    }

    @Test func theSampleIsValid() throws {
        let dataset = try DatasetLoader.load(directory: MiniData.fixturesPath)
        #expect(dataset.themes.map(\.id) == Theme.knownIDs)
        #expect(dataset.projects.count >= 25)
        #expect(Set(dataset.projects.map(\.status)) == Set(ProjectStatus.allCases))
        #expect(Set(dataset.projects.flatMap(\.districts)) == Set(District.allCases))
        #expect(dataset.organisations.count >= 15)
        #expect(dataset.contacts.count >= 20)
        #expect(dataset.contacts.allSatisfy { $0.email.hasSuffix("@example.org") })
        #expect(dataset.stream("eiyf-2018-20")?.total == 112_139_500)
        #expect(dataset.stream("vru-grant-2021-22")?.total == 337_000_000)
    }
}
