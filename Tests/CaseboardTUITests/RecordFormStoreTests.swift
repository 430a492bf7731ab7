import CaseboardKit
import Foundation
import Testing

@testable import CaseboardTUI
@testable import TerminalKit

/// Forms, allocations and retiring against the real store on a copy of the sample: what the store accepts,
/// what it refuses and how the browser shows it.
@Suite struct RecordFormStoreTests {
    let size = Size(width: 80, height: 24)

    func runner(on screen: Screen) throws -> (AppRunner, DataStore) {
        let directory = NSTemporaryDirectory() + "caseboard-form-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: Sample.directory, toPath: directory)
        let store = try DataStore(directory: directory)
        let state = AppState(dataset: store.dataset, history: store.history, size: size, screen: screen, author: "alice")
        return (AppRunner(state: state, backend: MemoryBackend(size: size), store: store), store)
    }

    func press(_ keys: [Key], _ runner: AppRunner) { for key in keys { runner.dispatch(.keyPressed(key)) } }

    @Test func aPartnerAddedOnThePartnersScreenIsSaved() throws {
        let (runner, store) = try runner(on: .partners)
        press([.character("A"), .character("p")] + Key.typing("Wakefield Boxing Club") + [.enter], runner)
        press(Key.typing("volun") + [.enter] + Key.typing("wake") + [.enter, .control("s")], runner)
        #expect(runner.state.message == Notice("added partner wakefield-boxing-club, saved", .success))
        #expect(store.dataset.organisation("wakefield-boxing-club")?.kind == .voluntary)
        #expect(runner.state.dataset.organisation("wakefield-boxing-club")?.district == .wakefield)
    }

    /// On a stream's page `A` adds an allocation from it; `e` asks whether the stream or the selected
    /// allocation is meant, and an allocation's stream, project and year cannot be changed.
    @Test func allocationsAreAddedAndCorrectedFromTheStreamsPage() throws {
        let (runner, store) = try runner(on: .funding)
        press([.enter, .character("A")], runner)
        guard case .recordForm(let form) = runner.state.overlay else {
            Issue.record("no form: \(runner.state)")
            return
        }
        #expect(form.kind == .allocation)
        #expect(form.fields[0].picked == ["eiyf-2018-20"])
        press([.tab] + Key.typing("knife crime work") + [.enter] + Key.typing("2019-20") + [.tab] + Key.typing("10000"), runner)
        press([.control("s")], runner)
        let id = "eiyf-2018-20/wakefield-schools-knife-workshops/2019/20"
        #expect(runner.state.message == Notice("added allocation \(id), saved", .success))
        #expect(store.dataset.record(.allocation, id)?.record["amount_pence"] == .pence(1_000_000))
        // More than the stream has left is refused by the store, and the form stays open with the amount.
        press([.character("e")], runner)
        guard case .recordChooser(let chooser) = runner.state.overlay else {
            Issue.record("e on a stream page should ask which: \(runner.state)")
            return
        }
        #expect(chooser.choices.map(\.label).first == "This funding stream")
        press([.character("a")], runner)
        guard case .recordForm(let allocation) = runner.state.overlay else {
            Issue.record("no allocation form: \(runner.state)")
            return
        }
        #expect(allocation.fields.filter { $0.locked != nil }.map(\.spec.name) == ["stream", "project", "year"])
        #expect(allocation.fields[allocation.focus].spec.name == "amount_pence")
        press([.control("u")] + Key.typing("£5,000,000") + [.control("s")], runner)
        guard case .recordForm(let refused) = runner.state.overlay else {
            Issue.record("the refused form closed: \(runner.state)")
            return
        }
        #expect(refused.refusal?.hasSuffix("Nothing was saved") == true)
        #expect(refused.fields[allocation.focus].text.text == "£5,000,000")
        press([.control("u")] + Key.typing("62,500.50") + [.control("s")], runner)
        let first = "eiyf-2018-20/calderdale-early-intervention-team/2018/19"
        #expect(runner.state.message == Notice("allocated: £62,500 → £62,500.50, saved", .success))
        #expect(store.dataset.record(.allocation, first)?.record["amount_pence"] == .pence(6_250_050))
    }

    /// Retiring asks first; the store refuses while anything points at the record and says what does; a
    /// retired record leaves the lists, its page closes, and `u` brings it back.
    @Test func retiringIsRefusedWhileInUseAndUndoBringsARecordBack() throws {
        let (runner, store) = try runner(on: .partners)
        press([.character("/")] + Key.typing("bradford youth offending") + [.enter], runner)
        press([.character("R"), .character("y")], runner)
        guard case .retireQuestion(let question) = runner.state.overlay else {
            Issue.record("the refusal is not in the question: \(runner.state)")
            return
        }
        #expect(question.refusal?.hasPrefix("Cannot retire partner bradford-yot: contact \"") == true)
        #expect(question.refusal?.contains("still point at it; nothing was saved") == true)
        #expect(store.dataset.organisation("bradford-yot") != nil)
        press([.escape], runner)
        // Tomasz Nowak is named on no project: he can be retired from his card.
        let link = DetailOutline(.organisation("bradford-yot"), runner.state)!.targets.firstIndex(of: .contact("tomasz-nowak"))!
        press(Array(repeating: Key.down, count: link) + [.enter, .character("R"), .character("y")], runner)
        #expect(runner.state.message == Notice("retired contact tomasz-nowak, saved", .success))
        #expect(store.dataset.contact("tomasz-nowak") == nil)
        #expect(runner.state.detail?.target == .organisation("bradford-yot"))
        press([.character("u")], runner)
        #expect(store.dataset.contact("tomasz-nowak") != nil)
        #expect(runner.state.message?.text.hasPrefix("Undone: ") == true)
    }
}

extension RecordFormStoreTests {
    /// A project added or retired in one session changes the rows of every list: both sessions' lists
    /// (sorted, filtered) take it in, and the adding session selects it.
    @Test func addedAndRetiredProjectsJoinAndLeaveEverySessionsList() throws {
        let (alice, store) = try runner(on: .projects)
        let bobStore = try DataStore(directory: store.directory)
        let bob = AppRunner(
            state: AppState(dataset: bobStore.dataset, history: bobStore.history, size: size, screen: .projects, author: "bob"),
            backend: MemoryBackend(size: size), store: bobStore)
        press([.character("A")] + Key.typing("Aardvark outreach") + [.enter] + Key.typing("early") + [.enter, .enter, .enter], alice)
        press(Key.typing("leeds csp") + [.enter, .enter] + Key.typing("leeds") + [.enter, .control("s")], alice)
        guard let row = store.dataset.projectIndex["aardvark-outreach"] else {
            Issue.record("not saved: \(alice.state)")
            return
        }
        #expect(alice.state.visibleProjects.count == 37)
        #expect(alice.state.visibleProjects.contains(row))
        #expect(alice.state.focusedProject == row)
        bob.tick()
        #expect(bob.state.visibleProjects.count == 37)
        #expect(bob.state.visibleProjects.contains(bobStore.dataset.projectIndex["aardvark-outreach"]!))
        press([.character("R"), .character("y")], alice)
        #expect(alice.state.message == Notice("retired project aardvark-outreach, saved", .success))
        #expect(alice.state.visibleProjects.count == 36)
        bob.tick()
        #expect(bob.state.visibleProjects.count == 36)
        #expect(bob.state.visibleProjects.allSatisfy { $0 < bobStore.dataset.projects.count })
        _ = render(bob.state)
    }
}
