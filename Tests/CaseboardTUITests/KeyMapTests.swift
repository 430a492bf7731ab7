import Foundation
import Testing

@testable import CaseboardTUI
@testable import TerminalKit

@Suite struct KeyMapTests {
    @Test func docsKeysMatchesTheKeyMap() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/keys.md").path
        let onDisk = try String(contentsOfFile: path, encoding: .utf8)
        #expect(onDisk == KeyMap.markdown(), "docs/keys.md is stale: run `swift run caseboard keys > docs/keys.md`")
    }

    @Test func noKeyMeansTwoThingsAtOnce() {
        #expect(KeyMap.standard.clashes() == [])
    }

    @Test func everyCommandHasAStableNameThatReadsBack() {
        for binding in KeyMap.bindings {
            #expect(Command(name: binding.command.name) == binding.command, "\(binding.command.name)")
        }
        #expect(Command(name: "quit") == .quit)
        #expect(Command(name: "move_down") == .moveDown)
        #expect(Command(name: "show_projects") == .showScreen(.projects))
        #expect(Command(name: "fly") == nil)
    }

    @Test func keyNamesReadBackAsTheSameKey() {
        for binding in KeyMap.bindings {
            for key in binding.keys { #expect(Key(configName: key.configName) == key, "\(key.configName)") }
        }
        #expect(Key(configName: "ctrl-q") == .control("q"))
        #expect(Key(configName: "Q") == .character("Q"))
        #expect(Key(configName: "PgDn") == .pageDown)
        #expect(Key(configName: "hyper-x") == nil)
    }

    @Test func theHelpOverlayListsEveryBinding() {
        let help = Overlays.helpLines(Sample.state()).map { $0.map(\.text).joined() }
        for binding in KeyMap.bindings {
            #expect(help.contains { $0.hasPrefix(binding.keyLabel) && $0.contains(binding.summary) }, "\(binding.summary)")
        }
    }

    @Test func footerHintsOnlyOfferWhatWorksNow() {
        let themes = KeyMap.hints(for: Sample.state())
        #expect(!themes.contains { $0.label == "back" })
        #expect(!themes.contains { $0.label == "sort" })
        let projects = KeyMap.hints(for: Sample.state(screen: .projects))
        #expect(projects.contains { $0.label == "sort" })
    }
}
