import CaseboardKit
import Testing

@testable import CaseboardTUI
@testable import TerminalKit

/// State + action → the whole expected state.
@Suite struct ReducerTests {
    let size = Size(width: 80, height: 24)

    func after(_ keys: Key..., from start: AppState) -> AppState {
        var state = start
        Sample.press(keys, on: &state)
        return state
    }

    @Test func movingThroughTheProjectList() {
        let store = TestStore(Sample.state(size, screen: .projects))
        store.press(.down) { $0.cursors[.projects] = ListCursor(selected: 1, offset: 0) }
        store.press(.character("k")) { $0.cursors[.projects] = ListCursor(selected: 0, offset: 0) }
        // Up at the top stays put.
        store.press(.up)
        // A page is the visible rows less one; the selection scrolls into view.
        let height = Layout.listHeight(.projects, size)
        store.press(.pageDown) { $0.cursors[.projects] = ListCursor(selected: height - 1, offset: 0) }
        let last = store.state.visibleProjects.count - 1
        store.press(.character("G")) { $0.cursors[.projects] = ListCursor(selected: last, offset: last - height + 1) }
        store.press(.down)
        store.press(.character("g")) { $0.cursors[.projects] = ListCursor() }
        store.press(.end) { $0.cursors[.projects] = ListCursor(selected: last, offset: last - height + 1) }
        store.press(.home) { $0.cursors[.projects] = ListCursor() }
    }

    @Test func switchingScreens() {
        let store = TestStore(Sample.state(size))
        /// A screen left behind, on the trail `-` walks back.
        func left(_ screen: Screen) -> ViewStop { ViewStop(screen: screen, details: [], backScreen: nil, filter: ProjectFilter()) }
        store.press(.character("3")) {
            $0.screen = .funding
            $0.trail = [left(.themes)]
        }
        store.press(.tab) {
            $0.screen = .partners
            $0.trail.append(left(.funding))
        }
        // Back to where the trail ends takes that stop off, so - never undoes a step back.
        store.press(.backTab) {
            $0.screen = .funding
            $0.trail.removeLast()
        }
        var from = Screen.funding
        for screen in [Screen.partners, .activity, .reports, .themes, .projects, .funding] {
            store.press(.character("]")) {
                $0.screen = screen
                $0.trail.append(left(from))
            }
            from = screen
        }
    }

    @Test func quitClosesADetailPageFirstAndCtrlCQuitsFromAnywhere() {
        let store = TestStore(Sample.state(size, screen: .projects))
        let first = Sample.dataset.projects.ids[store.state.visibleProjects[0]]
        store.press(.enter) {
            $0.details = [DetailState(target: .project(first))]
            $0.trail = [ViewStop(screen: .projects, details: [], backScreen: nil, filter: ProjectFilter())]
        }
        store.press(.character("q")) {
            $0.details = []
            $0.trail = []
        }
        store.press(.character("f")) { $0.overlay = .filterPanel(selected: 0) }
        store.press(.control("c"), effects: [.quit]) { $0.shouldQuit = true }
    }

    @Test func themePickerSetsTheThemeFilter() {
        let start = Sample.state(size, screen: .projects)
        var expected = start
        expected.overlay = .themePicker(selected: 0)
        let opened = after(.character("t"), from: start)
        #expect(opened == expected)
        let chosen = after(.down, .down, .enter, from: opened)
        expected = start
        expected.filter = ProjectFilter(themes: ["early-intervention"])
        expected.cursors[.themes] = ListCursor(selected: 1, offset: 0)
        expected.visibleProjects = start.visibleProjects.filter { Sample.dataset.projects[$0].allThemes.contains("early-intervention") }
        expected.message = Notice("Showing Early intervention and prevention")
        #expect(chosen == expected)
        #expect(!chosen.visibleProjects.isEmpty)
        // A digit picks directly; 0 is all themes again.
        #expect(after(.character("t"), .character("2"), from: start) == expected)
        let cleared = after(.character("t"), .character("0"), from: chosen)
        #expect(cleared.filter.isEmpty)
        #expect(cleared.visibleProjects == start.visibleProjects)
    }

    @Test func enterOnAThemeOpensItsProjects() {
        let start = Sample.state(size)
        let state = after(.down, .down, .down, .enter, from: start)
        #expect(state.screen == .projects)
        #expect(state.filter == ProjectFilter(themes: ["law-enforcement"]))
        #expect(state.visibleProjects.allSatisfy { Sample.dataset.projects[$0].allThemes.contains("law-enforcement") })
        #expect(state.visibleProjects.count == 14)
    }

    @Test func escGoesBackToTheThemesAfterEnterOpenedATheme() {
        let start = Sample.state(size)
        let opened = after(.down, .enter, from: start)
        #expect(opened.screen == .projects)
        #expect(opened.backScreen == .themes)
        let back = after(.escape, from: opened)
        #expect(back.screen == .themes)
        #expect(back.backScreen == nil)
        // The theme chosen stays chosen; Esc only moves back.
        #expect(back.filter == ProjectFilter(themes: ["early-intervention"]))
    }

    @Test func aNewSortStartsAtTheTop() {
        let start = after(.character("G"), from: Sample.state(size, screen: .projects))
        #expect(start.cursor(.projects).selected > 0)
        #expect(after(.character("s"), from: start).cursor(.projects) == ListCursor())
        #expect(after(.character("S"), from: start).cursor(.projects) == ListCursor())
    }

    @Test func leftAndRightCrossTheFilterPanel() {
        let open = after(.character("f"), .down, .down, from: Sample.state(size, screen: .projects))
        #expect(open.overlay == .filterPanel(selected: 2))
        let districts = after(.right, from: open)
        #expect(districts.overlay == .filterPanel(selected: ProjectStatus.allCases.count + 2))
        #expect(after(.left, from: districts).overlay == .filterPanel(selected: 2))
    }

    @Test func searchNarrowsAsYouTypeEnterKeepsEscClears() {
        let start = Sample.state(size, screen: .projects)
        var expected = start
        expected.searchDraft = ""
        #expect(after(.character("/"), from: start) == expected)
        let typed = after(.character("/"), .character("k"), .character("n"), .character("i"), from: start)
        #expect(typed.searchDraft == "kni")
        #expect(typed.filter.text == "kni")
        #expect(
            Sample.ids(typed.visibleProjects).allSatisfy { id in
                let project = Sample.dataset.project(id)!
                return (project.title + project.summary + project.tags.joined()).lowercased().contains("kni")
                    || Sample.dataset.searchKeys.contains(Array("kni".utf8), row: Sample.row(id))
            })
        #expect(typed.visibleProjects.count < start.visibleProjects.count)
        var kept = typed
        kept.searchDraft = nil
        #expect(after(.enter, from: typed) == kept)
        #expect(after(.escape, from: typed) == start)
        #expect(after(.backspace, .backspace, .backspace, .escape, from: typed) == start)
    }

    @Test func narrowingAsYouTypeGivesTheSameAnswerAsAFreshSearch() {
        var state = Sample.state(size, screen: .projects)
        Sample.press(.character("/"), on: &state)
        let sorted = Sample.dataset.sorted(Array(Sample.dataset.projects.indices), by: state.sort)
        for letter in "knife crime " {
            Sample.press(.character(letter), on: &state)
            #expect(
                state.visibleProjects == Sample.dataset.matchingRows(state.filter, among: sorted),
                "after \(state.filter.text.debugDescription)")
        }
        // Deleting a letter widens the search again.
        Sample.press(.backspace, .backspace, .backspace, on: &state)
        #expect(state.visibleProjects == Sample.dataset.matchingRows(state.filter, among: sorted))
    }

    @Test func sortCyclesAndReverses() {
        // Wide enough for the theme column, the one after the title.
        let start = Sample.state(Size(width: 140, height: 40), screen: .projects)
        let byTheme = after(.character("s"), from: start)
        #expect(byTheme.sort == ProjectSort(.theme))
        #expect(byTheme.visibleProjects == Sample.dataset.sorted(Array(Sample.dataset.projects.indices), by: ProjectSort(.theme)))
        #expect(byTheme.message == Notice("Sorted by theme (ascending)"))
        let reversed = after(.character("S"), from: byTheme)
        #expect(reversed.sort == ProjectSort(.theme, descending: true))
        let ranks = reversed.visibleProjects.map { Sample.dataset.themeIndex[Sample.dataset.projects[$0].theme]! }
        #expect(ranks == ranks.sorted(by: >))
        // Sorting is for the project list only.
        let elsewhere = after(.character("s"), from: Sample.state(size, screen: .funding))
        #expect(elsewhere.message == Notice("Sorting applies to the project list", .warning))
    }

    @Test func selectionStaysOnTheSameProjectAcrossFilterChanges() {
        let start = Sample.state(size, screen: .projects)
        let kirklees = start.visibleProjects.firstIndex(of: Sample.row("kirklees-mst"))!
        var state = start
        Sample.press(Array(repeating: Key.down, count: kirklees), on: &state)
        #expect(state.selectedProjectRow == Sample.row("kirklees-mst"))
        Sample.press(.character("f"), .down, .down, .down, .character(" "), .escape, on: &state)
        #expect(state.filter.statuses == [.atRisk])
        #expect(state.selectedProjectRow == Sample.row("kirklees-mst"))
        #expect(state.cursor(.projects).selected == state.visibleProjects.firstIndex(of: Sample.row("kirklees-mst")))
    }

    @Test func whatIsAtRiskInKirklees() {
        var state = Sample.state(size, screen: .projects)
        let rows = ProjectStatus.allCases.firstIndex(of: .atRisk)!
        let kirklees = ProjectStatus.allCases.count + District.allCases.firstIndex(of: .kirklees)!
        Sample.press([.character("f")] + Array(repeating: .down, count: rows) + [.character(" ")], on: &state)
        Sample.press(Array(repeating: .down, count: kirklees - rows) + [.character(" "), .escape], on: &state)
        #expect(state.filter == ProjectFilter(statuses: [.atRisk], districts: [.kirklees]))
        #expect(Set(Sample.ids(state.visibleProjects)) == ["kirklees-mst", "youth-work-point-of-arrest", "dewsbury-mentoring"])
        #expect(after(.character("x"), from: state).filter.isEmpty)
    }

    @Test func detailPagesOpenAndGoBack() {
        let start = Sample.state(size, screen: .projects)
        let opened = after(.enter, from: start)
        let first = Sample.dataset.projects[start.visibleProjects[0]].id
        var expected = start
        expected.details = [DetailState(target: .project(first))]
        expected.trail = [start.currentStop]
        #expect(opened == expected)
        // Enter on the first link (a contact) opens the contact card; Esc and h come back.
        let card = after(.enter, from: opened)
        #expect(card.details.count == 2)
        #expect(after(.escape, from: card) == opened)
        #expect(after(.character("h"), .character("h"), from: card) == start)
        // q leaves a detail page before it quits.
        #expect(after(.character("q"), from: opened) == start)
    }

    @Test func quitFromTheTopAndCtrlCAnywhere() {
        var state = Sample.state(size)
        #expect(reduce(&state, .keyPressed(.character("q"))) == [.quit])
        #expect(state.shouldQuit)
        var typing = after(.character("/"), from: Sample.state(size))
        #expect(reduce(&typing, .keyPressed(.control("c"))) == [.quit])
        var redraw = Sample.state(size)
        #expect(reduce(&redraw, .keyPressed(.control("l"))) == [.redrawAll])
        #expect(reduce(&redraw, .keyPressed(.control("z"))) == [.suspend])
    }

    @Test func resizeKeepsTheSelectionInView() {
        let start = after(.character("G"), from: Sample.state(size, screen: .projects))
        var state = start
        _ = reduce(&state, .terminalResized(Size(width: 100, height: 16)))
        let height = Layout.listHeight(.projects, state.size)
        var expected = start
        expected.size = Size(width: 100, height: 16)
        expected.cursors[.projects] = ListCursor(selected: start.visibleProjects.count - 1, offset: start.visibleProjects.count - height)
        expected.cursors[.themes] = ListCursor(selected: 0, offset: 0)
        #expect(state.cursor(.projects) == expected.cursor(.projects))
        #expect(state.size == expected.size)
    }

    @Test func aTooSmallTerminalIgnoresKeysButQ() {
        var state = Sample.state(Size(width: 40, height: 10), screen: .projects)
        let before = state
        Sample.press(.down, .character("t"), .character("2"), on: &state)
        #expect(state == before)
        #expect(reduce(&state, .keyPressed(.character("q"))) == [.quit])
    }

    @Test func unavailableKeysSayWhy() {
        let state = after(.character("x"), from: Sample.state(size))
        #expect(state.message == Notice("No filters are set", .warning))
        let unknown = after(.character("z"), from: Sample.state(size))
        #expect(unknown.message == Notice("z does nothing here; press ? for the keys", .warning))
    }

    @Test func mouseClicksSelectThenOpenAndTabsSwitch() {
        let start = Sample.state(size, screen: .projects)
        let partnersTab = Header.tabs(width: size.width).first { $0.screen == .partners }!
        #expect(after(.mouse(MouseEvent(kind: .press, x: partnersTab.x + 1, y: 0)), from: start).screen == .partners)
        let clicked = after(.mouse(MouseEvent(kind: .press, x: 5, y: Layout.listTop + 2)), from: start)
        #expect(clicked.cursor(.projects).selected == 2)
        let opened = after(.mouse(MouseEvent(kind: .press, x: 5, y: Layout.listTop + 2)), from: clicked)
        #expect(opened.details == [DetailState(target: .project(Sample.dataset.projects[start.visibleProjects[2]].id))])
        #expect(after(.mouse(MouseEvent(kind: .wheelDown, x: 5, y: 5)), from: start).cursor(.projects).selected == 3)
    }

    @Test func helpOverlayOpensScrollsAndCloses() {
        let start = Sample.state(size)
        let open = after(.character("?"), from: start)
        #expect(open.overlay == .help(scroll: 0))
        #expect(after(.down, from: open).overlay == .help(scroll: 1))
        #expect(after(.escape, from: open) == start)
        #expect(after(.function(1), from: open) == start)
    }
}
