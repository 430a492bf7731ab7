import CaseboardKit
import CaseboardPostgres
import Foundation
import Testing

@Suite("db push and db pull")
struct TransferTests {
    @Test func theSampleRoundTripsByteForByte() throws {
        let connection = try TestDatabase().initialised()
        let counts = try DatabasePush.run(directory: TestDatabase.sample, into: connection)
        #expect(counts.rows.first { $0.table == "projects" }?.count == 36)
        let pulled = TestDatabase.scratchPath("pull")
        defer { try? FileManager.default.removeItem(atPath: pulled) }
        _ = try DatabasePull.run(from: connection, to: pulled)
        // The sample is in DatasetWriter's own layout, so the files come back as they were.
        #expect(try TestDatabase.files(in: pulled) == TestDatabase.files(in: TestDatabase.sample))
    }

    @Test func everyOptionalFieldAndRetiredRecordRoundTrips() throws {
        let source = try OptionalFieldsSample.make()
        defer { try? FileManager.default.removeItem(atPath: source) }
        try roundTrip(source)
    }

    @Test func aJournalWithEveryKindOfEventAndItsArchiveRoundTrip() throws {
        let source = try TestDatabase.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: source) }
        let store = try DataStore(directory: source)
        let moved = try store.setStatus(
            project: "programme-precision", to: .atRisk, expecting: .active, note: "funding gap",
            risk: RiskNote(reason: "funding ends in March", owner: "aisha-khan", review: "2026-12-01"), author: "alice")
        try store.addNote(project: "programme-precision", text: "Board meets on Tuesday;\ttabs, \"quotes\" and Zoë", author: "bob")
        _ = try store.compact(author: "alice")
        try store.undo(event: moved.id, author: "alice")
        let edit = try store.save(
            [
                .set(
                    .project, "programme-precision", "summary", from: .text(store.dataset.project("programme-precision")!.summary),
                    to: .text("New summary"))
            ],
            note: "tidying", author: "carol")
        try store.undo(event: edit.id, author: "carol")
        let partner = Organisation(
            id: "new-charity", name: "New charity", kind: .voluntary, district: .calderdale, provenance: .illustrative)
        try store.save([.add(Record(partner))], source: "partners.xlsx", author: "dave")
        try store.save([.retire(.partner, "new-charity")], author: "dave")
        let files = try TestDatabase.files(in: source)
        let lines = String(decoding: (files[JournalFiles.archive] ?? Data()) + (files[JournalFiles.journal] ?? Data()), as: UTF8.self)
        for kind in JournalEvent.Kind.allCases { #expect(lines.contains("\"kind\":\"\(kind.rawValue)\""), "no \(kind) event") }
        for field in ["\"reason\"", "\"owner\"", "\"review\"", "\"source\"", "\"changes\"", "\"undoes\"", "\"from\""] {
            #expect(lines.contains(field), "no event with \(field)")
        }
        #expect(files[JournalFiles.archive] != nil && files[JournalFiles.journal] != nil)
        try roundTrip(source)
    }

    @Test func aPushIntoADatabaseHoldingDataIsRefusedAndWritesNothing() throws {
        let database = try TestDatabase()
        let connection = try database.initialised()
        // One event is enough to make it not empty.
        try connection.execute("INSERT INTO caseboard.events (id, project, kind, note) VALUES ('e1', 'p', 'note', 'hello')")
        let error = #expect(throws: DatabaseRefusal.self) { try DatabasePush.run(directory: TestDatabase.sample, into: connection) }
        #expect(error?.message.contains("already holds data (1 events)") == true, "\(error?.message ?? "")")
        #expect(try connection.execute("SELECT count(*) FROM caseboard.projects").scalar == "0")
        #expect(try connection.execute("SELECT count(*) FROM caseboard.events").scalar == "1")
        // And a second push of the same directory after a first one is refused the same way.
        try connection.execute("DELETE FROM caseboard.events")
        let first = try DatabasePush.run(directory: TestDatabase.sample, into: connection)
        #expect(throws: DatabaseRefusal.self) { try DatabasePush.run(directory: TestDatabase.sample, into: connection) }
        #expect(try TableCounts.read(connection) == first)
    }

    @Test func anInvalidDirectoryIsRefusedBeforeAnythingIsWritten() throws {
        let source = try TestDatabase.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: source) }
        let projects = source + "/projects.json"
        let text = try String(contentsOfFile: projects, encoding: .utf8).replacingOccurrences(
            of: "\"lead\": \"wyp\"", with: "\"lead\": \"nobody\"")
        try text.write(toFile: projects, atomically: true, encoding: .utf8)
        let connection = try TestDatabase().initialised()
        #expect(throws: LoadFailure.self) { try DatabasePush.run(directory: source, into: connection) }
        #expect(try TableCounts.read(connection).isEmpty)
    }

    @Test func aJournalWithAProblemIsRefusedBeforeAnythingIsWritten() throws {
        let connection = try TestDatabase().initialised()
        for journal in [
            "{\"id\": oops}\n", "{\"id\":\"e1\",\"time\":\"2026-11-25T18:30:41.123Z\",\"author\":\"a\",\"project\":\"sceptre\"",
        ] {
            let source = try TestDatabase.sampleCopy()
            defer { try? FileManager.default.removeItem(atPath: source) }
            try Data(journal.utf8).write(to: URL(fileURLWithPath: source + "/" + JournalFiles.journal))
            let error = #expect(throws: DatabaseRefusal.self) { try DatabasePush.run(directory: source, into: connection) }
            #expect(error?.message.contains(JournalFiles.journal) == true, "\(error?.message ?? "")")
            #expect(try TableCounts.read(connection).isEmpty)
        }
    }

    @Test func aPullRefusesADirectoryThatHoldsAnything() throws {
        let connection = try TestDatabase().initialised()
        _ = try DatabasePush.run(directory: TestDatabase.sample, into: connection)
        let target = TestDatabase.scratchPath("occupied")
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: target) }
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: target + "/notes.txt"))
        let error = #expect(throws: DatabaseRefusal.self) { try DatabasePull.run(from: connection, to: target) }
        #expect(error?.message.contains("not empty") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target) == ["notes.txt"])
    }

    @Test func statusCountsTablesAndNamesWhoIsConnected() throws {
        let database = try TestDatabase()
        let connection = try database.initialised()
        _ = try DatabasePush.run(directory: TestDatabase.sample, into: connection)
        try RoleLogins.create(database)
        let viewer = try RoleLogins.connect(database, as: RoleLogins.viewer)
        let status = try DatabaseStatus.read(viewer)
        #expect(status.version == SchemaVersion.supported)
        #expect(status.counts?.rows.first { $0.table == "projects" }?.count == 36)
        #expect(status.counts?.rows.first { $0.table == "themes" }?.count == 4)
        #expect(status.connected.map(\.user).contains(RoleLogins.viewer))
        #expect(status.connected.map(\.user).contains(ThrowawayServer.superuser))
    }

    /// Push `source`, pull it into a new directory, and compare every file byte for byte.
    private func roundTrip(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let connection = try TestDatabase().initialised()
        _ = try DatabasePush.run(directory: source, into: connection)
        let pulled = TestDatabase.scratchPath("pull")
        defer { try? FileManager.default.removeItem(atPath: pulled) }
        _ = try DatabasePull.run(from: connection, to: pulled)
        let expected = try TestDatabase.files(in: source).filter { !$0.key.hasPrefix(".") }
        let actual = try TestDatabase.files(in: pulled)
        #expect(actual.keys.sorted() == expected.keys.sorted(), sourceLocation: sourceLocation)
        for (name, bytes) in expected {
            #expect(actual[name] == bytes, "\(name) differs", sourceLocation: sourceLocation)
        }
    }
}
