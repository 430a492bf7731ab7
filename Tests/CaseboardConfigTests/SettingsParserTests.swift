import CaseboardKit
import Testing

@testable import CaseboardConfig
@testable import CaseboardTUI
@testable import TerminalKit

/// The config file: every setting read, every problem placed at its line and column.
@Suite struct SettingsParserTests {
    @Test func readsEverySetting() {
        let text = """
            # mine
            default_screen = "projects"
            date_style = "uk"
            colors = "never"
            theme = "light"

            [keys]
            quit = ["Q", "ctrl-q"]
            move_down = ["j", "down", "ctrl-n"]

            [keys.filter_panel]
            close_panel = ["esc"]

            [views.at-risk-kirklees]
            screen = "projects"
            statuses = ["at-risk"]
            districts = ["kirklees"]
            search = "youth"
            sort = "status"
            direction = "descending"
            """
        let (settings, problems) = SettingsParser.parse(text)
        #expect(problems == [])
        #expect(settings.defaultScreen == .projects)
        #expect(settings.dateStyle == .uk)
        #expect(settings.colors == .never)
        #expect(settings.theme == .light)
        #expect(
            settings.keyRemaps == [
                KeyRemap(command: .quit, keys: [.character("Q"), .control("q")]),
                KeyRemap(command: .moveDown, keys: [.character("j"), .down, .control("n")]),
                KeyRemap(command: .closePanel, keys: [.escape], scope: .filterPanel),
            ])
        #expect(
            settings.views == [
                SavedView(
                    name: "at-risk-kirklees", screen: .projects,
                    filter: ProjectFilter(statuses: [.atRisk], districts: [.kirklees], text: "youth"),
                    sort: ProjectSort(.status, descending: true))
            ])
        let map = settings.keyMap().map
        #expect(map.binding(for: .character("Q"), in: [.everywhere])?.command == .quit)
        #expect(map.binding(for: .character("q"), in: [.everywhere]) == nil)
    }

    @Test func aSyntaxErrorIsPlacedWhereTOMLKitFoundIt() {
        let (settings, problems) = SettingsParser.parse("date_style = \"uk\"\n\n[keys\nquit = [\"Q\"]\n")
        #expect(settings == Settings())
        #expect(problems.count == 1)
        #expect(problems.first?.line == 3)
        #expect(problems.first.map { $0.column > 1 } == true)
    }

    @Test func anUnknownCommandIsPlacedAtItsName() {
        let (settings, problems) = SettingsParser.parse("[keys]\nquit = [\"Q\"]\n  fly = [\"x\"]\n")
        #expect(problems == [ConfigProblem(line: 3, column: 3, "unknown command \"fly\"; docs/keys.md lists every command's name")])
        // The good line still counts.
        #expect(settings.keyRemaps == [KeyRemap(command: .quit, keys: [.character("Q")])])
    }

    @Test func anUnknownKeyNameIsPlacedAtTheString() {
        let (_, problems) = SettingsParser.parse("[keys]\nmove_down = [\"j\", \"hyper-x\"]\n")
        #expect(problems.map { "\($0.line):\($0.column)" } == ["2:19"])
        #expect(problems.first?.message.hasPrefix("unknown key name \"hyper-x\"") == true)
    }

    @Test func aClashIsPlacedAtTheKeyAndTheRemapIgnored() {
        let (settings, problems) = SettingsParser.parse("[keys]\nquit = [\"Q\"]\nopen_filters = [\"j\"]\n")
        #expect(
            problems == [
                ConfigProblem(
                    line: 3, column: 17, "j would mean both move_down and open_filters (in everywhere and lists); this remap is ignored")
            ])
        // Left out of the map at start-up, so j still moves down.
        #expect(settings.keyMap().map.binding(for: .character("j"), in: [.everywhere, .lists])?.command == .moveDown)
        #expect(settings.keyMap().refused.count == 1)
    }

    @Test func unknownSettingsScreensAndWordsAreNamed() {
        let text =
            "colour = \"auto\"\ndefault_screen = \"maps\"\ndate_style = \"us\"\n[views.x]\nscreen = \"projects\"\nstatuses = [\"lost\"]\n"
        let (_, problems) = SettingsParser.parse(text)
        #expect(problems.map(\.line) == [1, 2, 3, 6])
        #expect(problems[0].message.hasPrefix("unknown setting \"colour\""))
        #expect(problems[1].message.hasPrefix("unknown screen \"maps\""))
        #expect(problems[2].message == "date_style must be \"uk\" or \"iso\", not \"us\"")
        #expect(problems[3].message.hasPrefix("unknown status \"lost\""))
        #expect(problems[3].column == 13)
    }

    @Test func theExampleFileIsValid() {
        let (settings, problems) = SettingsParser.parse(ExampleConfig.text)
        #expect(problems == [])
        #expect(settings == Settings())
    }
}
