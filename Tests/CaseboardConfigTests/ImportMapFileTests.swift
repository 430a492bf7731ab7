import CaseboardKit
import Testing

@testable import CaseboardConfig

/// The --map file of docs/import.md, read into the importer's mapping; mistakes with their line and column.
@Suite struct ImportMapFileTests {
    @Test func theDocumentedExampleReadsInFileOrder() {
        let text = """
            # Our programme tracker's own headers.
            [columns]
            "Programme" = "title"
            "Delivered by" = "lead"
            "Budget 21/22" = "ignore"

            [values]
            theme = "early-intervention"

            [defaults]
            status = "approved"
            districts = ["Kirklees", "Calderdale"]
            """
        let (mapping, problems) = ImportMapFile.parse(text, source: "tracker-map.toml")
        #expect(problems.isEmpty)
        #expect(mapping.source == "tracker-map.toml")
        #expect(mapping.columns == [.init("Programme", "title"), .init("Delivered by", "lead"), .init("Budget 21/22", "ignore")])
        #expect(mapping.values == [.init("theme", "early-intervention")])
        #expect(mapping.defaults == [.init("status", "approved"), .init("districts", "Kirklees; Calderdale")])
    }

    @Test func mistakesHaveTheirPlace() {
        let (_, problems) = ImportMapFile.parse("[colums]\nTitle = \"title\"\n[defaults]\nstart = 2021-04-01\n", source: "m.toml")
        #expect(
            problems.map(\.description) == [
                "1:1: unknown section \"colums\"; use [columns], [values] and [defaults]",
                "4:1: start must be a string in quotes, a number, or a list of strings",
            ])
        let (_, broken) = ImportMapFile.parse("[columns\n", source: "m.toml")
        #expect(broken.count == 1 && broken[0].line == 1)
    }
}
