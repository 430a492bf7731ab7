import CaseboardKit
import Foundation
import Testing

@testable import CaseboardConfig
@testable import CaseboardTUI

/// Saving views rewrites only the view tables: the user's comments and other settings stay as written.
@Suite struct ViewsWriterTests {
    let kirklees = SavedView(
        name: "at-risk-kirklees", screen: .projects, filter: ProjectFilter(statuses: [.atRisk], districts: [.kirklees]),
        sort: ProjectSort(.status))

    @Test func viewsReplaceViewsAndNothingElse() {
        let text = """
            # my settings
            date_style = "uk"  # I'm in Leeds

            [views.old]
            screen = "funding"

            # keys I like
            [keys]
            quit = ["Q"]
            """
        let updated = ViewsWriter.replacingViews(in: text, with: [kirklees])
        #expect(updated.contains("# my settings\ndate_style = \"uk\"  # I'm in Leeds\n"))
        #expect(updated.contains("# keys I like\n[keys]\nquit = [\"Q\"]\n"))
        #expect(!updated.contains("[views.old]"))
        let (settings, problems) = SettingsParser.parse(updated)
        #expect(problems == [])
        #expect(settings.views == [kirklees])
        #expect(settings.dateStyle == .uk)
        #expect(settings.keyRemaps == [KeyRemap(command: .quit, keys: [.character("Q")])])
    }

    @Test func aSearchWithQuotesAndBackslashesReadsBackTheSame() {
        var view = kirklees
        view.filter.text = "say \"hi\" \\ there"
        let (settings, problems) = SettingsParser.parse(ViewsWriter.replacingViews(in: "", with: [view]))
        #expect(problems == [])
        #expect(settings.views == [view])
    }

    @Test func aViewKeepsItsDateFilterAndTheSearchsFieldWords() {
        var view = kirklees
        view.filter.dates = DateFilter(
            endsFrom: CalendarDate(year: 2025, month: 4, day: 1), endsThrough: CalendarDate(year: 2026, month: 3, day: 31))
        view.filter.text = "status:at-risk youth ends:2026"
        var open = SavedView(name: "open-ended", screen: .projects)
        open.filter.dates = .openEnded
        open.filter.dates.startsFrom = CalendarDate(year: 2019, month: 4, day: 1)?.number
        let text = ViewsWriter.replacingViews(in: "", with: [view, open])
        #expect(text.contains("ends_from = \"2025-04-01\"\nends_through = \"2026-03-31\"\n"))
        #expect(text.contains("no_end_date = true"))
        let (settings, problems) = SettingsParser.parse(text)
        #expect(problems == [])
        #expect(settings.views == [view, open])
    }

    @Test func aDateThatIsNotOneIsNamed() {
        let (settings, problems) = SettingsParser.parse("[views.x]\nends_from = \"31/03/2026\"\nno_end_date = \"yes\"\n")
        #expect(settings.views.isEmpty)
        #expect(
            problems.map(\.message) == [
                "ends_from must be a date written YYYY-MM-DD, not \"31/03/2026\"", "no_end_date must be true or false",
            ])
    }

    @Test func savingCreatesTheFileAndRefusesToBreakABrokenOne() throws {
        let folder = NSTemporaryDirectory() + "caseboard-views-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/caseboard/config.toml"
        try ViewsWriter.save([kirklees], to: path)
        #expect(SettingsParser.parse(try String(contentsOfFile: path, encoding: .utf8)).settings.views == [kirklees])
        try "[keys\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ViewsWriter.Failure.self) { try ViewsWriter.save([], to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "[keys\n")
    }
}
