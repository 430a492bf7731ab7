import Foundation
import Testing

@testable import CaseboardKit

/// Spreadsheets as a VRU keeps them, planned against the mini data set: the preview text and the problems exactly.
@Suite struct ImporterTests {
    let dataset: Dataset

    init() throws { dataset = try DatasetLoader.load(directory: try MiniData.directory()) }

    func table(_ csv: String, _ name: String = "projects.csv") -> ImportTable {
        ImportTable.csv(CSVReader.parse(csv), source: name)
    }

    func problems(_ plan: ImportPlan, _ name: String) -> [String] { plan.problems.map { $0.line(in: name) } }

    @Test func aProgrammeSheetWithATitleRowBlankRowsAndSpareColumns() throws {
        let csv = """
            VRU programmes 2021/22,,,,,,,,,\r
            ,,,,,,,,,\r
            Project name,Lead organisation,Theme,District(s),Start date,End date,Status,Amount (£),,\r
            Operation Sceptre,West Yorkshire Police,Law enforcement,Kirklees; Leeds,01/01/2020,31 March 2022,active,"£25,000",,\r
            ,,,,,,,,,\r
            Knife crime awareness week,Kirklees YOT,early intervention,Kirklees,1 April 2021,2021-09-30,,,,\r
            GANGS schools sessions,west yorkshire police,Early intervention,Leeds,,,active,,,\r

            """
        let plan = Importer.plan(table(csv), into: .project, dataset: dataset)
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        #expect(
            ImportPreview.text(plan, source: "projects.csv") == """
                projects.csv into projects: 1 new, 1 changed, 1 unchanged

                New projects:
                  row 6  + knife-crime-awareness-week  Knife crime awareness week

                Changed projects:
                  row 4  ~ sceptre
                      end date: 2021-03-31 → 2022-03-31

                Not imported:
                  row 4: sceptre is at-risk in Caseboard and active in the file; an import leaves an existing project's status alone (the status rules apply): caseboard set-status sceptre active

                Columns not used: "Amount (£)"

                """)
        let after = dataset.applying(plan.changes)
        let added = try #require(after.project("knife-crime-awareness-week"))
        #expect(added.lead == "kirklees-yot")
        #expect(added.theme == "early-intervention")
        #expect(added.districts == [.kirklees])
        #expect((added.start, added.end) == ("2021-04-01", "2021-09-30"))
        #expect(added.status == .proposed)
        #expect(after.project("sceptre")?.end == "2022-03-31")
        #expect(after.project("sceptre")?.status == .atRisk)
        // The same sheet again, once imported, changes nothing.
        let again = Importer.plan(table(csv), into: .project, dataset: after)
        #expect(again.problems.isEmpty)
        #expect(again.changes.isEmpty)
        #expect(again.unchanged == 3)
    }

    @Test func everyProblemAtOnceWithRowAndColumn() {
        let csv = """
            Title,Lead,Theme,Districts,Start date
            Youth diversion,Kirklees Youth Offending,Early intervention,Kirklees,31/02/2021
            Youth Diversion!,Home Office,Early intervention,Leeds,
            Street triage,Home Office,Knife crime,Leeds,04/01/2021
            """
        let plan = Importer.plan(table(csv, "new.csv"), into: .project, dataset: dataset)
        #expect(
            problems(plan, "new.csv") == [
                "new.csv:2:B: Lead organisation: no partner organisation has the id or name \"Kirklees Youth Offending\"; close: \"Kirklees YOT\" (kirklees-yot)",
                "new.csv:2:E: Start date: \"31/02/2021\" is not a date; write 31/03/2022, 31 March 2022 or 2022-03-31",
                "new.csv:3: \"Youth Diversion!\" gives the id \"youth-diversion\", as row 2 does; add an id column to tell them apart, or remove one",
                "new.csv:4:C: Theme: unknown theme \"Knife crime\"; use " + Theme.knownIDs.map(Theme.shortName).joined(separator: ", "),
            ])
        #expect(plan.changes.isEmpty)
    }

    @Test func aNewRecordMissingARequiredColumnIsOneProblemAndAMapDefaultFillsIt() throws {
        let csv = "Name,Organisation,Email\nZoë Whitaker,West Yorkshire Police,z.whitaker@example.org\nSam Okafor,Home Office,\n"
        let plan = Importer.plan(table(csv, "contacts.csv"), into: .contact, dataset: dataset)
        #expect(
            problems(plan, "contacts.csv") == [
                "contacts.csv: no \"Role\" column, and a new contact needs one (rows 2, 3); add the column, or a default in a --map file"
            ])
        let mapping = ImportMapping(source: "map.toml", defaults: [.init("role", "Schools officer")])
        let mapped = Importer.plan(table(csv, "contacts.csv"), into: .contact, mapping: mapping, dataset: dataset)
        #expect(mapped.problems.isEmpty)
        #expect(mapped.added.map(\.record.id) == ["zoe-whitaker", "sam-okafor"])
        #expect(mapped.added[0].record["role"] == .text("Schools officer"))
        #expect(mapped.added[0].record["organisation"] == .text("wyp"))
        #expect(mapped.added[1].record["email"] == .none)
    }

    @Test func aMapNamesOtherHeadersAndFixesValues() throws {
        let csv = "Programme,Org,Budget 21/22\nSchool nurses,Home Office,120000\n"
        let mapping = ImportMapping(
            source: "map.toml", columns: [.init("Programme", "title"), .init("org", "lead"), .init("Budget 21/22", "ignore")],
            values: [.init("theme", "communities")], defaults: [.init("districts", "West Yorkshire")])
        let plan = Importer.plan(table(csv), into: .project, mapping: mapping, dataset: dataset)
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        let record = try #require(plan.added.first?.record)
        #expect(record.id == "school-nurses")
        #expect(record["lead"] == .text("home-office"))
        #expect(record["theme"] == .text("communities"))
        #expect(record["districts"] == .list(["west-yorkshire"]))
        #expect(plan.unusedColumns.isEmpty)

        let wrong = ImportMapping(source: "map.toml", columns: [.init("Programme", "titel")], values: [.init("theme", "knife")])
        let refused = Importer.plan(table(csv), into: .project, mapping: wrong, dataset: dataset)
        #expect(
            problems(refused, "projects.csv") == [
                "map.toml: [values] theme: unknown theme \"knife\"; use " + Theme.knownIDs.map(Theme.shortName).joined(separator: ", "),
                "map.toml: [columns]: no project field \"titel\"; " + Importer.fieldList(.project),
            ])
    }

    @Test func idColumnsWinOverNameColumnsAndTwoEqualColumnsAreAProblem() {
        let export = "id,title,lead,lead_id,districts,district_ids\ngangs,GANGS schools sessions,No Such Org,wyp,Nowhere,leeds\n"
        let plan = Importer.plan(table(export), into: .project, dataset: dataset)
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        #expect(plan.unchanged == 1)
        #expect(plan.unusedColumns == ["\"lead\" (\"lead_id\" is used)", "\"districts\" (\"district_ids\" is used)"])

        // A blank cell leaves what is recorded alone.
        let blank = Importer.plan(table("id,End date,Summary\nsceptre,,\n"), into: .project, dataset: dataset)
        #expect(blank.problems.isEmpty && blank.changes.isEmpty && blank.unchanged == 1)

        let twice = Importer.plan(table("Title,Project name\nA,B\n"), into: .project, dataset: dataset)
        #expect(
            problems(twice, "p.csv") == [
                "p.csv:1:B: \"Project name\" and column A (\"Title\") both fill Title; remove one, or map one to \"ignore\" in a --map file"
            ])
    }

    @Test func allocationsAreKeyedByStreamProjectAndYear() throws {
        let csv = """
            Stream,Project,Financial year,Amount (£),Spent (£)
            Early Intervention Youth Fund,GANGS schools sessions,2018-19,"£50,000","£12,500.50"
            eiyf,sceptre,2019/20,30000,
            """
        let plan = Importer.plan(table(csv, "allocations.csv"), into: .allocation, dataset: dataset)
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        #expect(
            plan.changes == [
                .set(.allocation, "eiyf/gangs/2018/19", "spent_pence", from: .none, to: .pence(1_250_050)),
                .set(.allocation, "eiyf/sceptre/2019/20", "amount_pence", from: .pence(2_500_000), to: .pence(3_000_000)),
            ])

        let over = Importer.plan(
            table(csv + "\neiyf,sceptre,2018/19,\"1,200,000\",\n", "allocations.csv"), into: .allocation, dataset: dataset)
        #expect(
            problems(over, "allocations.csv") == [
                "allocations.csv: would not load: funding stream \"eiyf\": field \"allocations\": allocations add up to £1,280,000, more than the stream's total of £1,121,395"
            ])
    }

    @Test func fundingStreamsWithYearsAndTotals() throws {
        let csv =
            "Name,Funder,Financial years,Amount (£),Notes\nSerious Violence Fund,home office,2021-22; 2022/23,\"£3,370,000\",From the Home Office letter\n"
        let plan = Importer.plan(table(csv, "funding.csv"), into: .stream, dataset: dataset)
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        let record = try #require(plan.added.first?.record)
        #expect(record.id == "serious-violence-fund")
        #expect(record["years"] == .list(["2021/22", "2022/23"]))
        #expect(record["total_pence"] == .pence(337_000_000))
        #expect(record["funder"] == .text("home-office"))
    }

    @Test func anIdAlreadyUsedByAnotherKindOrNotAnIdIsAProblem() {
        let plan = Importer.plan(
            table("id,Title,Lead,Theme,Districts\nwyp,Police project,wyp,communities,Leeds\nBad Id,X,wyp,communities,Leeds\n"),
            into: .project, dataset: dataset)
        #expect(
            problems(plan, "p.csv") == [
                "p.csv:2:A: the id \"wyp\" already belongs to partner \"wyp\"; ids are shared by every kind of record",
                "p.csv:3:A: \"Bad Id\" is not an id: use lower-case letters, digits and hyphens, such as bad-id",
            ])
    }

    @Test func theExportsFormulaGuardIsTakenOffACSVCell() throws {
        let plan = Importer.plan(table("id,summary\ngangs,'-1 in 5 pupils\n"), into: .project, dataset: dataset)
        #expect(plan.changes == [.set(.project, "gangs", "summary", from: .text("Sessions in schools."), to: .text("-1 in 5 pupils"))])
        let kept = Importer.plan(table("id,summary\ngangs,'quoted'\n"), into: .project, dataset: dataset)
        #expect(kept.changes.first?.to == .text("'quoted'"))
    }
}

/// The preview is checked again when it is saved: a field someone changed since is not overwritten.
@Suite struct ImportSaveTests {
    @Test func aFieldChangedSinceThePreviewRefusesTheWholeImportNamingWho() throws {
        let directory = try MiniData.directory()
        let mine = try DataStore(directory: directory, readOnly: false)
        let table = ImportTable.csv(CSVReader.parse("id,End date,Summary\nsceptre,31/03/2022,Amnesty bins\n"), source: "p.csv")
        let plan = Importer.plan(table, into: .project, dataset: mine.dataset)
        #expect(plan.changes.count == 2)

        let theirs = try DataStore(directory: directory, readOnly: false)
        try theirs.save([.set(.project, "sceptre", "end", from: .text("2021-03-31"), to: .text("2021-06-30"))], author: "bob")

        #expect {
            try mine.save(plan.changes, source: "p.csv", author: "alice")
        } throws: { error in
            let message = (error as? EditRefusal)?.message ?? ""
            return message.contains("is now 2021-06-30 (bob changed it at") && message.hasSuffix("Nothing was saved")
        }
        let reloaded = try DataStore(directory: directory, readOnly: true)
        #expect(reloaded.dataset.project("sceptre")?.summary == "Weapons amnesty.")
        #expect(reloaded.history.count == 1)
    }
}
