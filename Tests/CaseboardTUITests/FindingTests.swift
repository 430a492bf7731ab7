import CaseboardKit
import Foundation
import Testing

@testable import CaseboardTUI
@testable import TerminalKit

/// "Every question in a few keys": the filter panel's letters, search words, jumps back, copy and quit.
@Suite struct FindingTests {
    let size = Size(width: 80, height: 24)

    func after(_ keys: Key..., from start: AppState) -> AppState {
        var state = start
        Sample.press(keys, on: &state)
        return state
    }

    func titles(_ state: AppState) -> [String] { state.visibleProjects.map { Sample.dataset.projects[$0].title } }

    @Test func filterLettersTickAtOnceAndTheListUpdatesLive() {
        let start = Sample.state(size, screen: .projects)
        let state = after(.character("f"), .character("r"), .character("K"), from: start)
        #expect(state.filter == ProjectFilter(statuses: [.atRisk], districts: [.kirklees]))
        #expect(state.overlay == .filterPanel(selected: FilterPanel.option(for: "K", state)!))
        let expected = Sample.dataset.matchingRows(ProjectFilter(statuses: [.atRisk], districts: [.kirklees]))
        #expect(Set(state.visibleProjects) == Set(expected))
        #expect(state.visibleProjects.count == 3)
        // The same letter again unticks; Enter closes with the filter kept.
        #expect(after(.character("r"), from: state).filter == ProjectFilter(districts: [.kirklees]))
        let closed = after(.enter, from: state)
        #expect(closed.overlay == nil && closed.filter == state.filter)
        // A letter that ticks nothing says so and changes nothing.
        let miss = after(.character("z"), from: state)
        #expect(miss.filter == state.filter && miss.message?.tone == .warning)
    }

    @Test func filterLettersAreUniqueAndLeaveThePanelKeysAlone() {
        let letters = FilterPanel.options(Sample.state()).map(\.letter)
        #expect(Set(letters).count == letters.count)
        #expect(FilterPanel.reservedKeys.isDisjoint(with: letters))
        // Statuses lower case, districts upper case.
        #expect(FilterPanel.fixedSections[0].options.allSatisfy { $0.letter.isLowercase })
        #expect(FilterPanel.fixedSections[1].options.allSatisfy { $0.letter.isUppercase })
    }

    @Test func searchFieldWordsAndPlainWordsTogether() {
        let start = Sample.state(size, screen: .projects)
        let state = after(.character("/"), from: start)
        var typed = state
        Sample.press(Key.typing("status:at-risk kirklees"), on: &typed)
        #expect(Set(typed.visibleProjects) == Set(Sample.dataset.matchingRows(ProjectFilter(text: "status:at-risk kirklees"))))
        #expect(typed.visibleProjects.allSatisfy { Sample.dataset.projects[$0].status == .atRisk })
        #expect(typed.message == nil)
    }

    @Test func aBadFieldWordIsSaidInTheFooter() {
        var state = Sample.state(size, screen: .projects)
        Sample.press([.character("/")] + Key.typing("status:risky"), on: &state)
        #expect(state.message?.tone == .warning)
        #expect(state.message?.text.hasPrefix("No status \"risky\"") == true)
        // Still said once the search is kept, and nothing is silently hidden.
        Sample.press(.enter, on: &state)
        #expect(state.message?.text.hasPrefix("No status \"risky\"") == true)
        #expect(state.visibleProjects.count == Sample.dataset.projects.count)
    }

    @Test func enterOnASearchWithOneMatchOpensIt() {
        var state = Sample.state(size, screen: .projects)
        Sample.press([.character("/")] + Key.typing("gangs") + [.enter], on: &state)
        #expect(state.details.map(\.target) == [.project("gangs-schools-programme")])
        // With several matches Enter keeps the search and stays on the list.
        var several = Sample.state(size, screen: .projects)
        Sample.press([.character("/")] + Key.typing("kirklees") + [.enter], on: &several)
        #expect(several.details.isEmpty && several.searchField == nil && several.filter.text == "kirklees")
    }

    @Test func nAndShiftNMoveBetweenMatchesAndWrap() {
        var state = Sample.state(size, screen: .projects)
        #expect(after(.character("n"), from: state).message?.text == "No search is active; / starts one")
        Sample.press([.character("/")] + Key.typing("kirklees") + [.enter], on: &state)
        let count = state.visibleProjects.count
        #expect(count > 2)
        let next = after(.character("n"), from: state)
        #expect(next.cursor(.projects).selected == 1)
        #expect(next.message == Notice("Match 2 of \(count)"))
        #expect(after(.character("N"), from: state).cursor(.projects).selected == count - 1)
    }

    @Test func dashGoesBackThroughEveryViewReached() {
        let start = Sample.state(size, screen: .projects)
        // Projects → a project page → its lead's page → Funding; - retraces each step.
        var state = after(.enter, from: start)
        let project = state.details
        Sample.press(.character("G"), on: &state)
        Sample.press(.enter, on: &state)
        #expect(state.details.count == 2)
        Sample.press(.character("3"), on: &state)
        #expect(state.screen == .funding && state.details.isEmpty)
        Sample.press(.character("-"), on: &state)
        #expect(state.screen == .projects && state.details.count == 2)
        Sample.press(.character("-"), on: &state)
        #expect(state.details.map(\.target) == project.map(\.target))
        Sample.press(.character("-"), on: &state)
        #expect(state.details.isEmpty && state.screen == .projects)
        #expect(after(.character("-"), from: state).message?.tone == .warning)
        // Esc to where the trail ends does not leave a stop for - to reopen.
        var closed = after(.enter, .escape, from: start)
        #expect(closed.trail.isEmpty)
        Sample.press(.character("-"), on: &closed)
        #expect(closed.details.isEmpty)
    }

    @Test func qClosesTheViewAndQuitsAtTheTop() {
        let start = Sample.state(size, screen: .projects)
        let page = after(.enter, .enter, from: start)
        #expect(page.details.count == 2)
        let one = after(.character("q"), from: page)
        #expect(one.details.count == 1 && !one.shouldQuit)
        #expect(after(.character("q"), .character("q"), from: page).details.isEmpty)
        #expect(after(.character("q"), .character("q"), .character("q"), from: page).shouldQuit)
        // The Projects list opened from a theme is closed back to Themes first.
        let theme = after(.enter, from: Sample.state(size))
        #expect(after(.character("q"), from: theme).screen == .themes)
        #expect(!after(.character("q"), from: theme).shouldQuit)
        // Ctrl-C quits from anywhere.
        #expect(after(.control("c"), from: page).shouldQuit)
    }

    @Test func yCopiesTheSelectedIdOrAContactsEmail() {
        var state = Sample.state(size, screen: .projects)
        let id = Sample.dataset.projects.ids[state.visibleProjects[0]]
        #expect(reduce(&state, .keyPressed(.character("y"))) == [.copyToClipboard(id)])
        #expect(state.message == Notice("Copied \(id)", .success))
        // On a project page the first link is a contact: y copies the email.
        var page = Sample.state(size, screen: .projects)
        Sample.press([.character("/")] + Key.typing("gangs") + [.enter], on: &page)
        guard case .contact(let contactID) = page.selectedLink, let contact = Sample.dataset.contact(contactID) else {
            Issue.record("the first link of a project page should be a contact")
            return
        }
        #expect(reduce(&page, .keyPressed(.character("y"))) == [.copyToClipboard(contact.email)])
    }

    @Test func oOpensMailtoOnADesktopAndSaysWhatToCopyWithout() {
        var page = Sample.state(size, screen: .projects)
        Sample.press([.character("/")] + Key.typing("gangs") + [.enter], on: &page)
        guard let contact = page.focusedContact else {
            Issue.record("no contact in focus")
            return
        }
        var remote = page
        #expect(reduce(&remote, .keyPressed(.character("o"))) == [])
        #expect(remote.message == Notice("No desktop to open mailto: links — press y to copy the address", .warning))
        var desktop = page
        desktop.canOpenLinks = true
        #expect(reduce(&desktop, .keyPressed(.character("o"))) == [.openLink("mailto:" + contact.email)])
        // On a list there is no contact to open.
        #expect(after(.character("o"), from: Sample.state(size, screen: .projects)).message?.tone == .warning)
    }

    @Test func theRunnerSendsTheCopyAsOSC52() {
        let backend = MemoryBackend(size: size)
        let runner = AppRunner(state: Sample.state(size, screen: .projects), backend: backend)
        runner.dispatch(.keyPressed(.character("y")))
        let id = Sample.dataset.projects.ids[runner.state.visibleProjects[0]]
        let base64 = Data(id.utf8).base64EncodedString()
        #expect(backend.clipboardWrites == [Array("\u{1B}]52;c;\(base64)\u{07}".utf8)])
    }

    @Test func aCopiedValueNeverReachesTheTerminalRaw() {
        let bytes = Clipboard.osc52("evil\u{1B}]0;pwned\u{07}\n")
        // Only the frame's own ESC and BEL: the payload is base64.
        #expect(bytes.filter { $0 == 0x1B }.count == 1 && bytes.filter { $0 == 0x07 }.count == 1)
        #expect(bytes.dropFirst(7).dropLast().allSatisfy { $0 >= 0x2B && $0 <= 0x7A })
    }

    @Test func gOnAProjectPageSelectsTheLastLinkInViewAndKStaysThere() {
        var state = Sample.state(size, screen: .projects)
        Sample.press([.character("/")] + Key.typing("gangs") + [.enter, .character("G")], on: &state)
        let page = DetailPage.build(state.detail!.target, state)!
        let height = Layout.detailBodyHeight(size)
        let detail = state.detail!
        #expect(detail.scroll == max(0, page.lines.count - height))
        let line = page.linkLines[detail.selectedLink]
        #expect(line >= detail.scroll && line < detail.scroll + height)
        #expect(page.linkLines.lastIndex { $0 < detail.scroll + height } == detail.selectedLink)
        // k moves up one link without jumping the view back to the top.
        Sample.press(.character("k"), on: &state)
        #expect(state.detail!.scroll >= detail.scroll - 1)
        #expect(state.detail!.selectedLink == detail.selectedLink - 1 || state.detail!.scroll == detail.scroll - 1)
    }

    @Test func everyLinkOnAProjectPageOpens() {
        var state = Sample.state(size, screen: .projects)
        Sample.press([.character("/")] + Key.typing("gangs") + [.enter], on: &state)
        let page = DetailPage.build(state.detail!.target, state)!
        #expect(page.linkLines.count > 3)
        for index in page.linkLines.indices {
            var opened = state
            opened.details[0].selectedLink = index
            Sample.press(.enter, on: &opened)
            #expect(opened.details.count == 2)
            #expect(opened.details[1].target == page.lines[page.linkLines[index]].link)
            #expect(DetailPage.build(opened.details[1].target, opened) != nil)
        }
    }

    @Test func themesBodyAndFooterCountTheSameProjects() {
        for digit in ["1", "2", "3", "4"] {
            var state = Sample.state(size)
            Sample.press(.character("t"), .character(Character(digit)), .character("f"), .character("r"), .escape, on: &state)
            let text = render(state).buffer.text()
            let count = state.visibleProjects.count
            let noun = count == 1 ? "project" : "projects"
            #expect(text.contains { $0.contains("  \(count) \(noun) match the filters") })
            #expect(text.last?.hasSuffix("4 themes · \(count) \(noun)") == true)
        }
    }
}
