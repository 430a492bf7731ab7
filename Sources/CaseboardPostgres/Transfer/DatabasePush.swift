import CaseboardKit
import Foundation

/// `caseboard db push DIR`: a data directory, checked as `caseboard validate` checks it, loaded into an empty
/// database in one transaction (so a failure leaves the database empty). Every table goes in with one COPY.
public enum DatabasePush {
    /// Reads and checks the directory, then loads it. Problems with the directory are a `LoadFailure` (the
    /// same FILE:LINE:COLUMN lines as validate); a database that already holds data is a `DatabaseRefusal`.
    public static func run(directory: String, into connection: PostgresConnection) throws -> TableCounts {
        let source = try DirectoryContents.read(directory)
        try connection.transaction {
            _ = try SchemaVersion.require(connection)
            // Nobody else writes while this runs, so "empty" stays true until the commit.
            try connection.execute(
                """
                LOCK TABLE caseboard.themes, caseboard.partners, caseboard.contacts, caseboard.projects, caseboard.funding_streams,
                caseboard.allocations, caseboard.events, caseboard.events_archive IN EXCLUSIVE MODE
                """)
            let before = try TableCounts.read(connection)
            guard before.isEmpty else {
                throw DatabaseRefusal(
                    "the database already holds data (\(before.summary)); db push loads only into an empty database, "
                        + "so nothing was written: use a new database, or db pull this one first")
            }
            let dataset = source.dataset
            let retired = dataset.retired
            try connection.copyIn(CollectionRows.themes, CollectionRows.themes(dataset.themes))
            try connection.copyIn(CollectionRows.partners, CollectionRows.partners(dataset.organisations, retired: retired.organisations))
            try connection.copyIn(CollectionRows.contacts, CollectionRows.contacts(dataset.contacts, retired: retired.contacts))
            try connection.copyIn(CollectionRows.projects, CollectionRows.projects(Array(dataset.projects), retired: retired.projects))
            let funding = try CollectionRows.funding(dataset.funding, retired: retired.funding)
            try connection.copyIn(CollectionRows.streams, funding.streams)
            try connection.copyIn(CollectionRows.allocations, funding.allocations)
            try connection.copyIn(EventRows.copyArchive, EventRows.rows(source.archive))
            try connection.copyIn(EventRows.copyJournal, EventRows.rows(source.journal))
        }
        return try TableCounts.read(connection)
    }
}

/// A data directory as push loads it: the collection files as they are on disk (not with the journal
/// replayed: the events go in beside them, as the directory keeps them), the archive and the journal.
struct DirectoryContents {
    var dataset: Dataset
    var archive: [JournalEvent]
    var journal: [JournalEvent]

    static func read(_ directory: String) throws -> DirectoryContents {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DatabaseRefusal("no data directory at \(directory)")
        }
        // Opening it as a store checks the files and replays the journal, as validate does; read-only, so it
        // repairs nothing and creates nothing.
        let store = try DataStore(directory: directory, readOnly: true)
        let warnings = store.takeWarnings()
        if !warnings.isEmpty {
            throw DatabaseRefusal(
                "the change journal has \(warnings.count) problem\(warnings.count == 1 ? "" : "s"); "
                    + "fix them (caseboard validate lists them) and push again:\n" + warnings.joined(separator: "\n"))
        }
        let archive = try events(directory, JournalFiles.archive)
        let journal = try events(directory, JournalFiles.journal)
        return DirectoryContents(dataset: try DatasetLoader.load(directory: directory), archive: archive, journal: journal)
    }

    /// One journal file's events in file order, refusing anything a validate would report.
    private static func events(_ directory: String, _ file: String) throws -> [JournalEvent] {
        var history = History()
        let batch = Journal(directory: directory, fileName: file).readNew(into: &history)
        if let unreadable = batch.unreadable { throw DatabaseRefusal("\(unreadable.path): \(unreadable.reason)") }
        if !batch.warnings.isEmpty { throw DatabaseRefusal(batch.warnings.joined(separator: "\n")) }
        if batch.unfinishedBytes > 0 {
            throw DatabaseRefusal(
                "\(directory)/\(file): the last line is unfinished (a save was interrupted); open the directory in Caseboard once to set it aside"
            )
        }
        if batch.repeated.contains(true) {
            throw DatabaseRefusal("\(directory)/\(file): an event id appears twice; caseboard validate names the line")
        }
        return history.events
    }
}
