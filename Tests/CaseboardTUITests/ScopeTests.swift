import CaseboardKit
import Testing

@testable import CaseboardTUI
@testable import TerminalKit

/// Every panel and prompt takes its keys from its own scope of the key map, so remapping reaches them.
@Suite struct ScopeTests {
    let size = Size(width: 80, height: 24)

    @Test func helpScrollsAndClosesWithItsOwnKeys() {
        let store = TestStore(Sample.state(size))
        store.press(.character("?")) { $0.overlay = .help(scroll: 0) }
        store.press(.character("j")) { $0.overlay = .help(scroll: 1) }
        store.press(.character(" ")) { $0.overlay = .help(scroll: 11) }
        store.press(.pageUp) { $0.overlay = .help(scroll: 1) }
        // A screen key means nothing here: the help has the keys.
        store.press(.character("3"))
        store.press(.escape) { $0.overlay = nil }
    }

    @Test func themePickerMovesChoosesAndJumps() {
        let store = TestStore(Sample.state(size, screen: .projects))
        store.press(.character("t")) { $0.overlay = .themePicker(selected: 0) }
        store.press(.tab) { $0.overlay = .themePicker(selected: 1) }
        store.press(.backTab) { $0.overlay = .themePicker(selected: 0) }
        store.press(.character("t")) { $0.overlay = nil }
        store.press(.character("t")) { $0.overlay = .themePicker(selected: 0) }
        let theme = Sample.dataset.themes[2]
        store.press(.character("3")) {
            $0.overlay = nil
            $0.filter.themes = [theme.id]
            $0.cursors[.themes] = ListCursor(selected: 2)
            $0.visibleProjects = Sample.dataset.matchingRows(ProjectFilter(themes: [theme.id]), among: $0.visibleProjects)
            $0.message = Notice("Showing \(theme.name)")
        }
    }

    @Test func filterPanelTicksAndClears() {
        let store = TestStore(Sample.state(size, screen: .projects))
        let all = store.state.visibleProjects
        store.press(.character("f")) { $0.overlay = .filterPanel(selected: 0) }
        store.press(.character(" ")) {
            $0.filter.statuses = [ProjectStatus.allCases[0]]
            $0.visibleProjects = Sample.dataset.matchingRows($0.filter, among: all)
        }
        // The selection stays on the same project as the list widens again.
        let selected = Sample.dataset.matchingRows(ProjectFilter(statuses: [ProjectStatus.allCases[0]]), among: all)[0]
        store.press(.character("x")) {
            $0.filter = ProjectFilter()
            $0.visibleProjects = all
            $0.cursors[.projects] = ListCursor(selected: all.firstIndex(of: selected)!)
        }
        store.press(.character("f")) { $0.overlay = nil }
    }

    @Test func searchTypesEditsAndKeepsWithBindings() {
        let store = TestStore(Sample.state(size, screen: .projects))
        let all = store.state.visibleProjects
        store.press(.character("/")) { $0.searchDraft = "" }
        for (index, letter) in "knif".enumerated() {
            let text = String("knif".prefix(index + 1))
            store.press(.character(letter)) {
                $0.searchDraft = text
                $0.filter.text = text
                $0.visibleProjects = Sample.dataset.matchingRows(ProjectFilter(text: text), among: all)
            }
        }
        // The editing keys are bindings of the text-field scope: Ctrl-W deletes the word.
        store.press(.control("w")) {
            $0.searchDraft = ""
            $0.filter.text = ""
            $0.visibleProjects = all
        }
        store.press(.enter) { $0.searchField = nil }
    }

    @Test func noteEditorSavesAsAnEffectAndCancelsWithEsc() {
        var start = Sample.state(size, screen: .projects)
        start.author = "amira"
        let store = TestStore(start)
        let project = Sample.dataset.projects.ids[store.state.visibleProjects[0]]
        store.press(.character("a")) { $0.overlay = .noteEditor(project: project, field: TextField()) }
        store.press(.character("h")) { $0.overlay = .noteEditor(project: project, field: TextField("h")) }
        store.press(.character("i")) { $0.overlay = .noteEditor(project: project, field: TextField("hi")) }
        store.press(.enter, effects: [.saveNote(project: project, text: "hi")]) {
            $0.overlay = nil
            $0.pendingEdit = .noteEditor(project: project, field: TextField("hi"))
        }
    }

    @Test func savingAViewAsksForANameAndSavesAsAnEffect() {
        let store = TestStore(Sample.state(size, screen: .projects))
        store.press(.character("v")) { $0.overlay = .viewPrompt(TextField(limit: SavedView.nameLimit)) }
        var field = TextField(limit: SavedView.nameLimit)
        for letter in "mine" {
            _ = field.type(.character(letter))
            let typed = field
            store.press(.character(letter)) { $0.overlay = .viewPrompt(typed) }
        }
        let view = SavedView(name: "mine", screen: .projects)
        store.press(.enter, effects: [.saveViews([view])]) {
            $0.overlay = nil
            $0.views = [view]
            $0.message = Notice("View mine saved; V opens it, caseboard --view mine too")
        }
    }

    @Test func theViewListOpensAndDeletesOnlyAfterASecondD() {
        var start = Sample.state(size)
        let kirklees = SavedView(name: "kirklees", screen: .projects, filter: ProjectFilter(districts: [.kirklees]))
        let funding = SavedView(name: "money", screen: .funding)
        start.views = [kirklees, funding]
        let store = TestStore(start)
        store.press(.character("V")) { $0.overlay = .viewList(ViewList()) }
        store.press(.character("d")) { $0.overlay = .viewList(ViewList(confirmingDelete: true)) }
        store.press(.escape) { $0.overlay = .viewList(ViewList()) }
        store.press(.down) { $0.overlay = .viewList(ViewList(selected: 1)) }
        store.press(.character("d")) { $0.overlay = .viewList(ViewList(selected: 1, confirmingDelete: true)) }
        store.press(.character("d"), effects: [.saveViews([kirklees])]) {
            $0.views = [kirklees]
            $0.overlay = .viewList(ViewList(selected: 0))
            $0.message = Notice("View money deleted", .success)
        }
        store.press(.enter) {
            $0.overlay = nil
            $0.screen = .projects
            $0.filter = kirklees.filter
            $0.visibleProjects = Sample.dataset.matchingRows(kirklees.filter, among: start.visibleProjects)
            $0.message = Notice("Showing view kirklees")
            // A view is a place like any other: - comes back from it, with the filter it replaced.
            $0.trail = [ViewStop(screen: .themes, details: [], backScreen: nil, filter: ProjectFilter(), restoresFilter: true)]
        }
    }

    @Test func remappedKeysReplaceTheStandardOnesEverywhereTheCommandIsBound() {
        var start = Sample.state(size, screen: .projects)
        let (map, refused) = KeyMap.standard.applying([
            KeyRemap(command: .quit, keys: [.character("Q")]), KeyRemap(command: .moveDown, keys: [.character(";"), .down]),
        ])
        #expect(refused.isEmpty)
        start.keyMap = map
        let store = TestStore(start)
        store.press(.character("q")) { $0.message = Notice("q does nothing here; press ? for the keys", .warning) }
        store.press(.character(";")) {
            $0.message = nil
            $0.cursors[.projects] = ListCursor(selected: 1)
        }
        // The same command in the help panel moved too.
        store.press(.character("?")) { $0.overlay = .help(scroll: 0) }
        store.press(.character(";")) { $0.overlay = .help(scroll: 1) }
        store.press(.escape) { $0.overlay = nil }
        store.press(.character("Q"), effects: [.quit]) { $0.shouldQuit = true }
    }

    @Test func aRemapThatClashesIsLeftOutAndNamed() {
        let (map, refused) = KeyMap.standard.applying([KeyRemap(command: .quit, keys: [.character("j")])])
        #expect(map == KeyMap.standard)
        #expect(refused.count == 1)
        #expect(refused.first?.clash.commands == [.moveDown, .quit])
        // A key used by a panel only does not clash with the screens: they never have the keys together.
        let (_, none) = KeyMap.standard.applying([KeyRemap(command: .quit, keys: [.character("Q"), .control("q")])])
        #expect(none.isEmpty)
    }

    @Test func panelHintsNameTheKeysAsRemapped() {
        let (map, refused) = KeyMap.standard.applying([
            KeyRemap(command: .closePanel, keys: [.character("F")], scope: .filterPanel),
            KeyRemap(command: .moveDown, keys: [.control("n")]), KeyRemap(command: .moveUp, keys: [.control("p")]),
        ])
        #expect(refused.isEmpty)
        let hints = Footer.overlayHints(.filterPanel(selected: 0), map) ?? []
        // The letters are the panel's table, not bindings: they read the same under any map.
        #expect(hints.map(\.key) == ["letter", "Ctrl-P/Ctrl-N", "Space", "x", "F"])
        // The standard map keeps the hints people know.
        #expect(Footer.overlayHints(.filterPanel(selected: 0))?.map(\.key) == ["letter", "↑↓", "Space", "x", "Esc"])
    }
}
