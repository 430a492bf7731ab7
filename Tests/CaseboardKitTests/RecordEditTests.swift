import Foundation
import Testing

@testable import CaseboardKit

/// Adding, editing and retiring records through the journal: conflicts, undo, validation, replay, compaction.
@Suite struct RecordEditTests {
    let directory: String

    init() throws { directory = try MiniData.directory() }

    /// Everything a data set holds, as the files would have it: two states are equal when these are.
    func files(_ dataset: Dataset) -> [String] { DatasetWriter.files(dataset).map(\.text) }

    func newProject(_ id: String = "knife-workshops") -> Record {
        Record(
            kind: .project, id: id,
            values: [
                "title": .text("Knife crime workshops"), "theme": .text("early-intervention"), "status": .text("proposed"),
                "lead": .text("kirklees-yot"), "districts": .list(["kirklees"]), "start": .text("2022-04-01"),
                "end": .text("2023-03-31"),
            ])
    }

    @Test func anAddedProjectIsReplayedByTheNextSession() throws {
        let store = try DataStore(directory: directory)
        let event = try store.save([.add(newProject())], author: "alice")
        #expect(event.kind == .edit)
        #expect(store.dataset.project("knife-workshops")?.lead == "kirklees-yot")
        let again = try DataStore(directory: directory)
        #expect(again.takeWarnings() == [])
        #expect(again.dataset.project("knife-workshops")?.end == "2023-03-31")
        #expect(again.history.timeline(of: "knife-workshops").map(\.id) == [event.id])
        #expect(files(again.dataset) == files(store.dataset))
    }

    @Test func anEditBasedOnAStaleValueIsRefusedNamingWhoChangedIt() throws {
        let mine = try DataStore(directory: directory)
        let theirs = try DataStore(directory: directory)
        try theirs.save([.set(.project, "sceptre", "end", from: .text("2021-03-31"), to: .text("2021-06-30"))], author: "bob")
        #expect(throws: EditRefusal.self) {
            try mine.save([.set(.project, "sceptre", "end", from: .text("2021-03-31"), to: .text("2022-03-31"))], author: "alice")
        }
        do {
            try mine.save([.set(.project, "sceptre", "end", from: .text("2021-03-31"), to: .text("2022-03-31"))], author: "alice")
        } catch {
            #expect(error.message.contains("bob changed it at"))
            #expect(error.message.contains("now 2021-06-30"))
        }
        // Bob's change stands; Alice's session caught up while refusing.
        #expect(mine.dataset.project("sceptre")?.end == "2021-06-30")
        // A different field of the same record is not a conflict.
        try mine.save([.set(.project, "sceptre", "summary", from: .text("Weapons amnesty."), to: .text("Amnesty bins"))], author: "alice")
        let replayed = try DataStore(directory: directory)
        #expect(replayed.dataset.project("sceptre")?.end == "2021-06-30")
        #expect(replayed.dataset.project("sceptre")?.summary == "Amnesty bins")
    }

    @Test func whatWouldNotLoadIsRefusedAndNothingIsWritten() throws {
        let store = try DataStore(directory: directory)
        let journal = directory + "/" + JournalFiles.journal
        let before = FileManager.default.contents(atPath: journal)
        let cases: [(RecordChange, String)] = [
            (.set(.project, "sceptre", "end", from: .text("2021-03-31"), to: .text("2019-01-01")), "before start date"),
            (.set(.project, "gangs", "lead", from: .text("wyp"), to: .text("nobody")), "no organisation has id \"nobody\""),
            (.set(.project, "gangs", "status", from: .text("active"), to: .text("closed")), "status rules"),
            (.add(newProject("gangs")), "already exists"),
            (
                .add(
                    Record(
                        kind: .partner, id: "gangs", values: ["name": .text("G"), "kind": .text("voluntary"), "district": .text("leeds")])),
                "already used by a project"
            ),
            (
                .set(.allocation, "eiyf/gangs/2018/19", "amount_pence", from: .pence(5_000_000), to: .pence(200_000_000)),
                "more than the stream's total"
            ),
            (.retire(.partner, "wyp"), "still point at it"),
        ]
        for (change, expected) in cases {
            do {
                try store.save([change], author: "alice")
                Issue.record("\(change.summary) was saved")
            } catch {
                #expect(error.message.contains(expected), "\(error.message)")
            }
        }
        #expect(FileManager.default.contents(atPath: journal) == before)
    }

    @Test func retiredRecordsAreKeptApartAndUndoBringsThemBack() throws {
        let store = try DataStore(directory: directory)
        let before = files(store.dataset)
        try store.save([.set(.project, "gangs", "contacts", from: .list(["c-one"]), to: .list([]))], author: "alice")
        let retire = try store.save([.retire(.contact, "c-one")], author: "alice")
        #expect(store.dataset.contact("c-one") == nil)
        #expect(store.dataset.retired.contacts.map(\.id) == ["c-one"])
        #expect(DatasetWriter.files(store.dataset).first { $0.name == DataFiles.contacts }!.text.contains("\"retired\": true"))
        // A project in use may not point at a retired contact.
        #expect(throws: EditRefusal.self) {
            try store.save([.set(.project, "gangs", "contacts", from: .list([]), to: .list(["c-one"]))], author: "alice")
        }
        try store.undo(event: retire.id, author: "alice")
        #expect(store.dataset.contact("c-one")?.name == "Zoë Example")
        let last = try #require(store.history.events.first { $0.kind == .edit && $0.changes.first?.field == "contacts" })
        try store.undo(event: last.id, author: "alice")
        #expect(files(store.dataset) == before)
        #expect(files(try DataStore(directory: directory).dataset) == before)
    }

    @Test func undoOfAnEditIsRefusedOnceSomeoneChangedTheFieldAgain() throws {
        let store = try DataStore(directory: directory)
        let mine = try store.save([.set(.project, "sceptre", "end", from: .text("2021-03-31"), to: .text("2021-09-30"))], author: "alice")
        let other = try DataStore(directory: directory)
        try other.save([.set(.project, "sceptre", "end", from: .text("2021-09-30"), to: .text("2021-12-31"))], author: "bob")
        do {
            try store.undo(event: mine.id, author: "alice")
            Issue.record("the undo overwrote bob's change")
        } catch {
            #expect(error.message.contains("bob"), "\(error.message)")
        }
        #expect(try DataStore(directory: directory).dataset.project("sceptre")?.end == "2021-12-31")
    }

    @Test func compactionFoldsEditsIntoEveryFileAndReplaysTheSame() throws {
        let store = try DataStore(directory: directory)
        try store.save(
            [
                .add(
                    Record(
                        kind: .partner, id: "leeds-council",
                        values: ["name": .text("Leeds City Council"), "kind": .text("local-authority"), "district": .text("leeds")])),
                .add(newProject()),
                .set(.project, "knife-workshops", "partners", from: .none, to: .list(["leeds-council"])),
            ], author: "alice")
        try store.save([.set(.project, "gangs", "contacts", from: .list(["c-one"]), to: .list([]))], author: "alice")
        try store.save([.retire(.contact, "c-one")], author: "alice")
        try store.save(
            [.set(.allocation, "eiyf/gangs/2018/19", "spent_pence", from: .none, to: .pence(1_000_000))], author: "alice")
        let expected = files(store.dataset)
        let summary = try store.compact(author: "alice")
        #expect(summary.edits == 4)
        #expect(Set(summary.rewrittenFiles) == [DataFiles.partners, DataFiles.contacts, DataFiles.projects, DataFiles.funding])
        #expect(try String(contentsOfFile: directory + "/" + JournalFiles.journal, encoding: .utf8).isEmpty)
        #expect(files(try DatasetLoader.load(directory: directory)) == expected)
        let again = try DataStore(directory: directory)
        #expect(again.takeWarnings() == [])
        #expect(files(again.dataset) == expected)
        #expect(again.history.events.filter { $0.kind == .edit }.count == 4)
    }

    @Test func anEventReadFromTheArchiveAndTheJournalReplaysToTheSameState() throws {
        // An interrupted compaction: the events are in the archive and still in the journal, and the files are new.
        let store = try DataStore(directory: directory)
        try store.save([.add(newProject())], author: "alice")
        try store.save([.set(.project, "knife-workshops", "end", from: .text("2023-03-31"), to: .text("2024-03-31"))], author: "alice")
        let expected = files(store.dataset)
        let journal = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + JournalFiles.journal))
        _ = try store.compact(author: "alice")
        try journal.write(to: URL(fileURLWithPath: directory + "/" + JournalFiles.journal))
        let replayed = try DataStore(directory: directory)
        #expect(files(replayed.dataset) == expected)
    }

    @Test func undoingAnAddIsRefusedOnceTheRecordWasChangedAndAllowedWhenThatIsUndone() throws {
        let store = try DataStore(directory: directory)
        let added = try store.save([.add(newProject())], author: "alice")
        let edit = try store.save(
            [.set(.project, "knife-workshops", "end", from: .text("2023-03-31"), to: .text("2023-06-30"))], author: "alice")
        do {
            try store.undo(event: added.id, author: "alice")
            Issue.record("the undo threw away a later change")
        } catch {
            #expect(error.message.contains("alice changed project knife-workshops at"), "\(error.message)")
        }
        #expect(store.dataset.project("knife-workshops") != nil)
        try store.undo(event: edit.id, author: "alice")
        try store.undo(event: added.id, author: "alice")
        #expect(store.dataset.project("knife-workshops") == nil)
    }
}
