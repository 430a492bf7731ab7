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
