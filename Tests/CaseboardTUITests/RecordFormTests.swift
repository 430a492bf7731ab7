import CaseboardKit
import Foundation
import Testing

@testable import CaseboardTUI
@testable import TerminalKit

/// Adding and correcting records in a form: the reducer's side, key by key, for every kind of field.
@Suite struct RecordFormTests {
    let size = Size(width: 80, height: 24)

    func form(_ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) -> RecordForm? {
        guard case .recordForm(let form) = state.overlay else {
            Issue.record("no form open: \(state)", sourceLocation: sourceLocation)
            return nil
        }
        return form
    }

    /// A new-project form on the Projects screen.
    func newProject() -> AppState {
        var state = AppState(dataset: Sample.dataset, size: size, screen: .projects, author: "alice", today: Sample.today)
        Sample.press(.character("A"), on: &state)
        return state
    }

    /// The projects screen with `id` selected and its form open.
    func editing(_ id: String) -> AppState {
        var state = AppState(dataset: Sample.dataset, size: size, screen: .projects, author: "alice", today: Sample.today)
        let index = state.visibleProjects.firstIndex(of: Sample.row(id))!
        Sample.press(Array(repeating: Key.down, count: index) + [.character("e")], on: &state)
        return state
    }

    /// Moves the focus down to the field called `name`.
    func focus(_ name: String, _ state: inout AppState) {
        for _ in 0..<20 {
            guard let form = form(state), form.fields[form.focus].spec.name != name else { return }
            Sample.press(.tab, on: &state)
        }
        Issue.record("no field \(name)")
    }

    func field(_ name: String, _ state: AppState) -> FormField? { form(state)?.fields.first { $0.spec.name == name } }

    func value(_ name: String, _ state: AppState) -> RecordValue? { try? field(name, state)?.value(in: state.dataset).get() }

    @Test func textFieldsTakeTypingAndPasteAndTheIdFollowsTheTitle() {
        var state = newProject()
        #expect(form(state)?.isAdding == true)
        #expect(form(state)?.fields.map(\.spec.name) == RecordKind.project.fields.map(\.name))
        Sample.press(Key.typing("Street Doctors "), on: &state)
        Sample.press(.paste("Wakefield\n"), on: &state)
        #expect(field("title", state)?.text.text == "Street Doctors Wakefield ")
        #expect(value("title", state) == .text("Street Doctors Wakefield"))
        #expect(form(state)?.previewID(in: state.dataset) == "street-doctors-wakefield")
        #expect(render(state).buffer.text().contains { $0.contains("street-doctors-wakefield  (from the title)") })
    }

    @Test func longTextHoldsMoreThanOneLineShowsAndScrolls() {
        var state = newProject()
        focus("summary", &state)
        let long = String(repeating: "Mentoring in A&E after an assault. ", count: 20)
        Sample.press(.paste(long), on: &state)
        #expect(value("summary", state) == .text(long.trimmingCharacters(in: .whitespaces)))
        // The form line shows the end being typed, with the cursor on it.
        #expect(
            render(state).buffer.text().contains {
                $0.contains("│ Summary               ter an assault. Mentoring in A&E after an assault.")
            })
        #expect(render(state).cursor != nil)
        Sample.press(.paste(String(repeating: "x", count: 2_000)), on: &state)
        #expect(field("summary", state)?.text.characters.count == FieldInput.maxLongText)
        #expect(state.message?.text == "Summary can be at most 2,000 characters; the rest was left out")
    }

    @Test(arguments: ["31/03/2022", "31 March 2022", "2022-03-31", "31 Mar 2022"])
    func datesAreReadAsTypedAndShownInFull(typed: String) {
        var state = newProject()
        focus("end", &state)
        Sample.press(Key.typing(typed), on: &state)
        #expect(value("end", state) == .text("2022-03-31"))
        let expected = typed == "31 Mar 2022" ? nil : "✓ 31 Mar 2022"
        #expect(RecordFormView.note(field("end", state)!, form(state)!, state)?.text == expected)
    }

    @Test func anImpossibleDateIsSaidBesideTheFieldAsItIsTyped() {
        var state = newProject()
        focus("start", &state)
        // Nothing is said before anything is typed.
        #expect(RecordFormView.note(field("start", state)!, form(state)!, state) == nil)
        Sample.press(Key.typing("31/02/2022"), on: &state)
        let note = RecordFormView.note(field("start", state)!, form(state)!, state)
        #expect(note?.text == "\"31/02/2022\" is not a date; write 31/03/2022, 31 March 2022 or 2022-03-31")
        #expect(note?.role == .warning)
        #expect(render(state).buffer.text().contains { $0.contains("Start date: \"31/02/2022\" is not a date") })
        Sample.press([.control("u")] + Key.typing("28/02/2022"), on: &state)
        #expect(value("start", state) == .text("2022-02-28"))
    }

    @Test func amountsAreTypedInPoundsAndPence() {
        var state = AppState(dataset: Sample.dataset, size: size, screen: .funding, author: "alice", today: Sample.today)
        Sample.press(.character("A"), on: &state)
        guard case .recordChooser(let chooser) = state.overlay else {
            Issue.record("Funding should ask which kind: \(state)")
            return
        }
        #expect(chooser.choices.map(\.letter) == ["s", "a"])
        Sample.press(.character("s"), on: &state)
        #expect(form(state)?.kind == .stream)
        focus("total_pence", &state)
        Sample.press(Key.typing("£1,121,395.5"), on: &state)
        #expect(value("total_pence", state) == .pence(112_139_550))
        #expect(RecordFormView.note(field("total_pence", state)!, form(state)!, state)?.text == "✓ £1,121,395.50")
        Sample.press(.character("m"), on: &state)
        #expect(value("total_pence", state) == nil)
        #expect(field("total_pence", state)?.problem(in: state.dataset)?.contains("is not an amount in pounds") == true)
    }

    @Test func aSinglePickerNarrowsAsYouTypeAndEnterPicks() {
        var state = newProject()
        focus("lead", &state)
        // A letter opens the list already narrowed by it.
        Sample.press(Key.typing("kirklees y"), on: &state)
        guard let picker = form(state)?.picker else {
            Issue.record("no picker: \(state)")
            return
        }
        #expect(picker.query.text == "kirklees y")
        #expect(picker.matches.map(\.id) == ["kirklees-yot"])
        #expect(render(state).buffer.text().contains { $0.contains("Kirklees Youth Offending Team") })
        Sample.press(.enter, on: &state)
        #expect(form(state)?.picker == nil)
        #expect(field("lead", state)?.picked == ["kirklees-yot"])
        #expect(value("lead", state) == .text("kirklees-yot"))
        // Picking moves on to the next field, as typing and Enter do.
        #expect(form(state)?.fields[form(state)!.focus].spec.name == "partners")
        // Backspace on a picked field clears it; Esc in the list changes nothing.
        Sample.press(.backTab, .backspace, on: &state)
        #expect(field("lead", state)?.picked == [])
        Sample.press(.character(" "), .down, .escape, on: &state)
        #expect(field("lead", state)?.picked == [])
    }

    @Test func aMultiPickerTicksWithSpaceAndEnterKeepsTheTicks() {
        var state = newProject()
        focus("districts", &state)
        Sample.press(.character(" "), on: &state)
        #expect(form(state)?.picker?.multi == true)
        #expect(form(state)?.picker?.matches.count == District.allCases.count)
        Sample.press(Key.typing("kirk") + [.character(" ")], on: &state)
        Sample.press([.backspace, .backspace, .backspace, .backspace] + Key.typing("brad") + [.character(" ")], on: &state)
        #expect(form(state)?.picker?.ticked == ["kirklees", "bradford"])
        // Space again unticks.
        Sample.press(.character(" "), .character(" "), on: &state)
        #expect(form(state)?.picker?.ticked == ["kirklees", "bradford"])
        Sample.press(.enter, on: &state)
        #expect(value("districts", state) == .list(["kirklees", "bradford"]))
        #expect(form(state)?.fields[form(state)!.focus].spec.name == "districts")
        #expect(render(state).buffer.text().contains { $0.contains("Kirklees, Bradford") })
    }

    @Test func escapeAsksBeforeThrowingChangesAway() {
        // Nothing changed: Esc just closes.
        var state = editing("kirklees-mst")
        Sample.press(.escape, on: &state)
        #expect(state.overlay == nil)
        #expect(state.message == Notice("Closed; nothing was changed"))
        state = editing("kirklees-mst")
        Sample.press(Key.typing(" (pilot)"), on: &state)
        Sample.press(.escape, on: &state)
        #expect(form(state)?.confirmingDiscard == true)
        #expect(render(state).buffer.text().contains { $0.contains("Discard changes? y/n") })
        // n goes back to the form with the typing kept; a y/n question takes no typing.
        Sample.press(.character("n"), on: &state)
        #expect(form(state)?.confirmingDiscard == false)
        #expect(value("title", state) == .text("Multi-systemic therapy for 10–14s (Kirklees) (pilot)"))
        Sample.press(.escape, .character("x"), .character("y"), on: &state)
        #expect(state.overlay == nil)
        #expect(state.message == Notice("Changes discarded; nothing was saved"))
    }

    @Test func addingSavesTheWholeRecordAsOneAdd() {
        var state = newProject()
        Sample.press(Key.typing("Street Doctors Wakefield") + [.enter], on: &state)
        Sample.press(Key.typing("early") + [.enter], on: &state)
        Sample.press(.enter, on: &state)  // no secondary themes
        // Status is chosen when adding; proposed is offered first.
        #expect(field("status", state)?.picked == ["proposed"])
        Sample.press(Key.typing("act") + [.enter], on: &state)
        Sample.press(Key.typing("wakefield csp") + [.enter], on: &state)
        Sample.press(.enter, on: &state)  // no partners
        Sample.press(Key.typing("wake") + [.character(" "), .enter, .enter], on: &state)
        Sample.press(Key.typing("1 April 2024") + [.enter] + Key.typing("31/03/2025"), on: &state)
        let effects = reduce(&state, .keyPressed(.control("s")))
        let record = Record(
            kind: .project, id: "street-doctors-wakefield",
            values: [
                "title": .text("Street Doctors Wakefield"), "theme": .text("early-intervention"), "status": .text("active"),
                "lead": .text("wakefield-csp"), "districts": .list(["wakefield"]), "start": .text("2024-04-01"), "end": .text("2025-03-31"),
            ])
        #expect(effects == [.saveRecords([.add(record)])])
        #expect(state.overlay == nil)
        guard case .recordForm = state.pendingEdit else {
            Issue.record("the form is not kept until the store answers")
            return
        }
    }

    @Test func aSaveWithMissingFieldsGoesToTheFirstAndSaysWhy() {
        var state = newProject()
        Sample.press(Key.typing("Street Doctors"), on: &state)
        #expect(reduce(&state, .keyPressed(.control("s"))) == [])
        #expect(form(state)?.fields[form(state)!.focus].spec.name == "theme")
        #expect(state.message == Notice("Theme: Theme is required", .warning))
        #expect(RecordFormView.note(field("districts", state)!, form(state)!, state)?.text == "Districts is required")
    }

    @Test func anEditSendsOnlyTheChangedFieldsEachNamingWhatItWas() {
        var state = editing("kirklees-mst")
        // Status is shown but follows the rules: the focus passes over it.
        #expect(field("status", state)?.locked == "c changes the status")
        focus("end", &state)
        Sample.press(Key.typing("31/03/2025"), on: &state)
        focus("tags", &state)
        Sample.press([.control("u")] + Key.typing("eiyf; families"), on: &state)
        #expect(
            reduce(&state, .keyPressed(.control("s"))) == [
                .saveRecords([
                    .set(.project, "kirklees-mst", "end", from: .none, to: .text("2025-03-31")),
                    .set(.project, "kirklees-mst", "tags", from: .list(["eiyf", "families", "therapy"]), to: .list(["eiyf", "families"])),
                ])
            ])
        // Enter on the last field saves too; with nothing changed there is nothing to send.
        state = editing("kirklees-mst")
        focus("provenance", &state)
        #expect(reduce(&state, .keyPressed(.enter)) == [])
        #expect(state.overlay == nil)
        #expect(state.message == Notice("Nothing changed; nothing was saved"))
    }

    @Test func aRefusedEditKeepsTheTypingAndReloadStartsFromTheSavedValues() {
        var state = editing("kirklees-mst")
        focus("end", &state)
        Sample.press(Key.typing("31/03/2025"), on: &state)
        _ = reduce(&state, .keyPressed(.control("s")))
        // Meanwhile bob changed the end date and the summary.
        let bob: [RecordChange] = [
            .set(.project, "kirklees-mst", "end", from: .none, to: .text("2024-03-31")),
            .set(
                .project, "kirklees-mst", "summary", from: Record(Sample.dataset.project("kirklees-mst")!)["summary"], to: .text("Paused.")),
        ]
        let now = Sample.dataset.applying(bob)
        let reason = "Refused: your change to the end date of project kirklees-mst was based on (none), but it is now 2024-03-31"
        _ = reduce(&state, .changeRefused(reason, now, History()))
        #expect(form(state)?.refusal == reason)
        #expect(field("end", state)?.text.text == "31/03/2025")
        #expect(field("end", state)?.meanwhile == "now 31 Mar 2024")
        #expect(render(state).buffer.text().contains { $0.contains("Refused: your change to the end date") })
        Sample.press(.control("r"), on: &state)
        #expect(state.message == Notice("Reloaded the saved values; your changes to 1 field are kept and will replace them"))
        #expect(field("summary", state)?.text.text == "Paused.")
        #expect(field("end", state)?.meanwhile == "saved meanwhile: 31 Mar 2024")
        #expect(
            reduce(&state, .keyPressed(.control("s"))) == [
                .saveRecords([.set(.project, "kirklees-mst", "end", from: .text("2024-03-31"), to: .text("2025-03-31"))])
            ])
    }

    @Test func onAPartnerPageAddingMeansAContactThere() {
        var state = AppState(dataset: Sample.dataset, size: size, screen: .partners, author: "alice", today: Sample.today)
        Sample.press(.character("A"), on: &state)
        guard case .recordChooser(let chooser) = state.overlay else {
            Issue.record("Partners should ask which kind: \(state)")
            return
        }
        let first = state.dataset.organisations[state.visiblePartners[0]]
        #expect(chooser.choices.map(\.label) == ["Partner organisation", "Contact at \(first.name)"])
        Sample.press(.escape, .enter, .character("A"), on: &state)
        #expect(form(state)?.kind == .contact)
        #expect(field("organisation", state)?.picked == [first.id])
    }

    @Test func retiringAsksFirstAndShowsWhatStillPointsAtIt() {
        var state = AppState(dataset: Sample.dataset, size: size, screen: .partners, author: "alice", today: Sample.today)
        Sample.press(.character("R"), on: &state)
        guard case .retireQuestion(let question) = state.overlay else {
            Issue.record("no question: \(state)")
            return
        }
        let id = state.dataset.organisations[state.visiblePartners[0]].id
        #expect(question.id == id)
        #expect(render(state).buffer.text().contains { $0.contains("Retire this partner? y/n") })
        Sample.press(.character("n"), on: &state)
        #expect(state.overlay == nil)
        #expect(state.message == Notice("Nothing was retired"))
        Sample.press(.character("R"), on: &state)
        #expect(reduce(&state, .keyPressed(.character("y"))) == [.saveRecords([.retire(.partner, id)])])
        let reason = "Cannot retire partner \(id): contact \"x\" still point at it; nothing was saved"
        _ = reduce(&state, .changeRefused(reason, Sample.dataset, History()))
        guard case .retireQuestion(let refused) = state.overlay else {
            Issue.record("the refusal is not shown in the question: \(state)")
            return
        }
        #expect(refused.refusal == reason)
        #expect(render(state).buffer.text().contains { $0.contains("still point at it") })
    }

    @Test func themesAndReadOnlySessionsSayWhyNothingOpens() {
        var themes = Sample.state(size)
        Sample.press(.character("A"), on: &themes)
        #expect(themes.overlay == nil)
        #expect(themes.message?.text.hasPrefix("Themes come from the strategy") == true)
        var readOnly = AppState(dataset: Sample.dataset, size: size, screen: .projects, readOnlyReason: "started with --read-only")
        Sample.press(.character("e"), on: &readOnly)
        #expect(readOnly.overlay == nil)
        #expect(readOnly.message == Notice("Changes are off in this session (read-only: started with --read-only)", .warning))
    }
}

extension RecordFormTests {
    /// Someone else's change to a field being edited shows beside it when it arrives, before any save.
    @Test func aFieldChangedElsewhereSaysSoWhileTheFormIsOpen() {
        var state = editing("kirklees-mst")
        focus("end", &state)
        Sample.press(Key.typing("31/03/2025"), on: &state)
        let now = Sample.dataset.applying([.set(.project, "kirklees-mst", "start", from: .text("2018-11-05"), to: .text("2019-01-07"))])
        _ = reduce(&state, .dataChanged(now, History(), sameRows: true, warnings: []))
        #expect(field("start", state)?.meanwhile == "now 07 Jan 2019")
        #expect(field("end", state)?.meanwhile == nil)
        #expect(field("end", state)?.text.text == "31/03/2025")
    }

    /// A value one line cannot show (a line break, a control character) is kept exactly while its field is left
    /// alone: opening the form changes nothing, and saving another field leaves it as it was.
    @Test func aValueOneLineCannotShowIsKeptWhileItsFieldIsLeftAlone() throws {
        let summary = Sample.dataset.project("kirklees-mst")!.summary
        let odd = "First paragraph.\n\nSecond\u{1B}[2J paragraph."
        let data = Sample.dataset.applying([.set(.project, "kirklees-mst", "summary", from: .text(summary), to: .text(odd))])
        var state = AppState(dataset: data, size: size, screen: .projects, author: "alice", today: Sample.today)
        let index = try #require(state.visibleProjects.firstIndex(of: data.projectIndex["kirklees-mst"]!))
        Sample.press(Array(repeating: Key.down, count: index) + [.character("e")], on: &state)
        let opened = try #require(form(state))
        #expect(!opened.hasChanges(in: data))
        focus("end", &state)
        Sample.press([.control("u")] + "31/03/2025".map { Key.character($0) }, on: &state)
        let edited = try #require(form(state))
        guard case .success(let changes) = edited.changes(in: data) else {
            Issue.record("the edit was not accepted: \(edited.changes(in: data))")
            return
        }
        #expect(changes.map(\.field) == ["end"])
    }

    /// In a list too short for a line of its own, "nothing matches" is said whole, not written over by the count.
    @Test func aShortListSaysNothingMatchesWhole() throws {
        var state = editing("kirklees-mst")
        focus("provenance", &state)
        Sample.press("zz".map { Key.character($0) }, on: &state)
        let screen = render(state).buffer.text().joined(separator: "\n")
        #expect(screen.contains("Nothing matches; Backspace widens the list"), "\(screen)")
    }

    /// The project page gives the review date in the browser's date style, flagged once it has passed.
    @Test func theReviewDateReadsLikeEveryOtherDate() throws {
        let data = Sample.dataset.applying([.set(.project, "kirklees-mst", "review_date", from: .none, to: .text("2026-11-30"))])
        var state = AppState(dataset: data, size: size, screen: .projects, author: "alice", today: CalendarDate("2026-12-02")!)
        let index = try #require(state.visibleProjects.firstIndex(of: data.projectIndex["kirklees-mst"]!))
        Sample.press(Array(repeating: Key.down, count: index) + [.enter], on: &state)
        let screen = render(state).buffer.text().joined(separator: "\n")
        #expect(screen.contains("Review      30 Nov 2026 — overdue"), "\(screen)")
    }
}
