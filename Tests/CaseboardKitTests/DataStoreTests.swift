import Foundation
import Testing

@testable import CaseboardKit

/// The journal: append and replay, conflicts, undo, compaction, torn lines, read-only, live refresh.
@Suite struct DataStoreTests {
    let directory: String

    init() throws { directory = try MiniData.directory() }

    var journalPath: String { directory + "/" + JournalFiles.journal }

    func journalLines() throws -> [String] {
        try String(contentsOfFile: journalPath, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func aStatusChangeIsAppendedAndReplayed() throws {
        let store = try DataStore(directory: directory)
        let date = try #require(JournalTime.parse("2026-11-25T18:30:41.123Z"))
        let event = try store.setStatus(project: "gangs", to: .atRisk, expecting: .active, note: "Venue lost", author: "alice", at: date)
        #expect(event.from == .active)
        #expect(event.to == .atRisk)
        #expect(store.dataset.project("gangs")?.status == .atRisk)
        #expect(
            try journalLines() == [
                #"{"id":"\#(event.id)","time":"2026-11-25T18:30:41.123Z","author":"alice","project":"gangs","kind":"status","from":"active","to":"at-risk","note":"Venue lost","reason":"Venue lost"}"#
            ])
        // projects.json is untouched; a new session replays the journal over it.
        #expect(try DatasetLoader.load(directory: directory).project("gangs")?.status == .active)
        let again = try DataStore(directory: directory)
        #expect(again.dataset.project("gangs")?.status == .atRisk)
        #expect(again.history.timeline(of: "gangs") == [event])
    }

    @Test func openingADirectoryWritesNothing() throws {
        let before = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        let store = try DataStore(directory: directory)
        #expect(store.refresh() == .unchanged)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == before)
    }

    @Test func theRulesAreEnforced() throws {
        let store = try DataStore(directory: directory)
        #expect(
            throws: EditRefusal(
                "GANGS schools sessions: a project cannot move from active to proposed; from active it can move to at-risk, paused, completed, closed"
            )
        ) {
            try store.setStatus(project: "gangs", to: .proposed, author: "alice")
        }
        #expect(throws: EditRefusal("No project has id \"nope\"")) { try store.setStatus(project: "nope", to: .active, author: "alice") }
        #expect(throws: EditRefusal("The note is empty; nothing was saved")) {
            try store.addNote(project: "gangs", text: "  ", author: "alice")
        }
        #expect(!FileManager.default.fileExists(atPath: journalPath))
    }

    @Test func aChangeBasedOnAStaleStatusIsRefusedNamingWhoChangedIt() throws {
        let mine = try DataStore(directory: directory)
        let theirs = try DataStore(directory: directory)
        let date = try #require(JournalTime.parse("2026-11-25T18:30:41.123Z"))
        try theirs.setStatus(project: "gangs", to: .paused, expecting: .active, note: "Venue under review", author: "bob", at: date)
        // `mine` still shows active; its change expects active and must not overwrite bob's.
        #expect(mine.dataset.project("gangs")?.status == .active)
        #expect(
            throws: EditRefusal(
                "Refused: bob changed GANGS schools sessions to paused at 2026-11-25 18:30 UTC; your change was based on active. Nothing was saved"
            )
        ) {
            try mine.setStatus(project: "gangs", to: .completed, expecting: .active, author: "alice")
        }
        // The refusal brought `mine` up to date, so its screen shows bob's change.
        #expect(mine.dataset.project("gangs")?.status == .paused)
        #expect(try journalLines().count == 1)
    }

    @Test func otherSessionsChangesArriveOnRefresh() throws {
        let watcher = try DataStore(directory: directory)
        let writer = try DataStore(directory: directory)
        #expect(watcher.refresh() == .unchanged)
        let event = try writer.addNote(project: "sceptre", text: "Bins emptied", author: "carol")
        let status = try writer.setStatus(project: "sceptre", to: .active, author: "carol")
        #expect(watcher.refresh() == .appended([event, status]))
        #expect(watcher.dataset.project("sceptre")?.status == .active)
        #expect(watcher.refresh() == .unchanged)
    }

    @Test func undoTakesBackYourOwnChangeOnly() throws {
        let store = try DataStore(directory: directory)
        let change = try store.setStatus(project: "gangs", to: .paused, note: "Venue under review", author: "alice")
        #expect(throws: EditRefusal("That change was made by alice; only they can undo it")) {
            try store.undo(event: change.id, author: "bob")
        }
        let undo = try store.undo(event: change.id, author: "alice")
        #expect(undo.kind == .undo && undo.from == .paused && undo.to == .active && undo.undoes == change.id)
        #expect(store.dataset.project("gangs")?.status == .active)
        #expect(throws: EditRefusal("That change has already been undone")) { try store.undo(event: change.id, author: "alice") }
        // A change someone made after yours cannot be silently reverted.
        let mine = try store.setStatus(project: "sceptre", to: .paused, note: "Venue under review", author: "alice")
        try store.setStatus(project: "sceptre", to: .active, author: "bob", at: try #require(JournalTime.parse("2026-11-26T09:00:00Z")))
        #expect(
            throws: EditRefusal("Cannot undo: bob changed Operation Sceptre to active at 2026-11-26 09:00 UTC, after your change")
        ) { try store.undo(event: mine.id, author: "alice") }
        // Notes are withdrawn, and stay in the audit trail.
        let note = try store.addNote(project: "gangs", text: "Wrong project", author: "alice")
        try store.undo(event: note.id, author: "alice")
        #expect(store.history.isUndone(note))
        #expect(try DataStore(directory: directory).history.isUndone(note))
    }

    @Test func compactionFoldsTheJournalAndArchivesEveryEvent() throws {
        let store = try DataStore(directory: directory)
        try store.setStatus(project: "gangs", to: .paused, note: "Venue under review", author: "alice")
        try store.addNote(project: "gangs", text: "Waiting on the schools", author: "alice")
        try store.setStatus(project: "sceptre", to: .completed, author: "bob")
        let before = try DataStore(directory: directory)
        let summary = try store.compact(author: "admin")
        #expect(
            summary
                == CompactionSummary(events: 3, lines: 3, statusChanges: 2, notes: 1, rewrittenFiles: ["projects.json"], author: "admin"))
        #expect(try journalLines().isEmpty)
        let archive = try String(contentsOfFile: directory + "/" + JournalFiles.archive, encoding: .utf8)
        #expect(archive.split(separator: "\n").count == 3)
        let files = try DatasetLoader.load(directory: directory)
        #expect(files.project("gangs")?.status == .paused)
        #expect(files.project("sceptre")?.status == .completed)
        let after = try DataStore(directory: directory)
        #expect(after.dataset.projects == before.dataset.projects)
        #expect(after.history.events == before.history.events)
        #expect(try store.compact(author: "admin").events == 0)
        // Another session notices the files were replaced and reloads to the same state.
        #expect(before.refresh() == .reloaded)
        #expect(before.dataset.projects == after.dataset.projects)
    }

    @Test func anInterruptedCompactionReplaysToTheSameState() throws {
        let store = try DataStore(directory: directory)
        try store.setStatus(project: "gangs", to: .paused, note: "Venue under review", author: "alice")
        try store.setStatus(project: "gangs", to: .active, author: "alice")
        let expected = store.dataset.projects
        // As if the process died after archiving and rewriting projects.json but before emptying the journal.
        let journal = try Data(contentsOf: URL(fileURLWithPath: journalPath))
        try journal.write(to: URL(fileURLWithPath: directory + "/" + JournalFiles.archive))
        try DatasetWriter.save(store.dataset, to: directory)
        let reopened = try DataStore(directory: directory)
        #expect(reopened.dataset.projects == expected)
        #expect(reopened.history.count == 2)
    }

    @Test func aTornLastLineIsSetAsideReportedOnceAndNeverStopsLoading() throws {
        let store = try DataStore(directory: directory)
        let kept = try store.setStatus(project: "gangs", to: .paused, note: "Venue under review", author: "alice")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journalPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"id":"half","time":"2026-11-25T18:3"#.utf8))
        try handle.close()
        let reopened = try DataStore(directory: directory)
        let warnings = reopened.takeWarnings()
        #expect(warnings.count == 1)
        #expect(
            warnings.first?.contains("the last entry was unfinished (a save was interrupted); its 36 bytes were moved to journal.torn-")
                == true)
        #expect(reopened.takeWarnings().isEmpty)
        #expect(reopened.dataset.project("gangs")?.status == .paused)
        #expect(reopened.history.events == [kept])
        #expect(try journalLines().count == 1)
        let sideFiles = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("journal.torn-") }
        #expect(sideFiles.count == 1)
        #expect(try DataStore(directory: directory).takeWarnings().isEmpty)
        // Appends after the repair land on a clean line.
        try reopened.addNote(project: "gangs", text: "after the crash", author: "alice")
        #expect(try journalLines().count == 2)
    }

    @Test func aBadLineIsReportedWithItsPositionAndSkipped() throws {
        let store = try DataStore(directory: directory)
        try store.setStatus(project: "gangs", to: .paused, note: "Venue under review", author: "alice")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journalPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"id\":\"x\",\"time\":\"yesterday\"}\n".utf8))
        try handle.close()
        let reopened = try DataStore(directory: directory, readOnly: true)
        #expect(
            reopened.takeWarnings() == [
                "\(journalPath):2:18: event \"x\": field \"time\": \"yesterday\" is not a UTC time like 2026-11-25T18:30:41.123Z; the line is skipped"
            ])
        #expect(reopened.dataset.project("gangs")?.status == .paused)
    }

    @Test func readOnlyRefusesEveryChange() throws {
        let store = try DataStore(directory: directory, readOnly: true)
        #expect(store.readOnlyReason == "started with --read-only")
        #expect(throws: EditRefusal("Read-only (started with --read-only): nothing was changed")) {
            try store.setStatus(project: "gangs", to: .paused, note: "Venue under review", author: "alice")
        }
        #expect(!FileManager.default.fileExists(atPath: journalPath))
        #expect(!FileManager.default.fileExists(atPath: directory + "/" + JournalFiles.lock))
    }

    @Test func authorComesFromTheFlagThenTheEnvironmentThenTheLogin() {
        #expect(Author.resolve(explicit: "alice", environment: ["CASEBOARD_AUTHOR": "bob"]) == "alice")
        #expect(Author.resolve(explicit: nil, environment: ["CASEBOARD_AUTHOR": "bob", "USER": "carol"]) == "bob")
        #expect(!Author.resolve(explicit: nil, environment: [:]).isEmpty)
        #expect(Author.problem("a\u{1B}b") == "the author name contains control characters")
    }
}
