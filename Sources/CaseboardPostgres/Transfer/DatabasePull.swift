import CaseboardKit
import Foundation

/// `caseboard db pull DIR`: the database written out as a data directory (the collection files as
/// DatasetWriter writes them, the journal and its archive as Caseboard writes their lines), from one
/// consistent snapshot, into a directory that is new or empty. The result is then loaded, as validate would,
/// so a pull never hands over a directory Caseboard cannot open.
public enum DatabasePull {
    public static func run(from connection: PostgresConnection, to directory: String) throws -> TableCounts {
        try refuseNonEmpty(directory)
        let (records, archive, journal, counts) = try connection.snapshot {
            _ = try SchemaVersion.require(connection)
            return (
                try CollectionRecords.read(connection), try EventRows.events(connection.execute(EventRows.selectArchive)),
                try EventRows.events(connection.execute(EventRows.selectJournal)), try TableCounts.read(connection)
            )
        }
        try AtomicFile.makeDirectory(directory)
        for file in records.files { try AtomicFile.write(Array(file.text.utf8), to: directory + "/" + file.name) }
        // A directory without events has no journal files, as a fresh one has none.
        if !archive.isEmpty { try AtomicFile.write(lines(archive), to: directory + "/" + JournalFiles.archive) }
        if !journal.isEmpty { try AtomicFile.write(lines(journal), to: directory + "/" + JournalFiles.journal) }
        let store = try DataStore(directory: directory, readOnly: true)
        let warnings = store.takeWarnings()
        if !warnings.isEmpty { throw DatabaseRefusal("the pulled journal does not read back:\n" + warnings.joined(separator: "\n")) }
        return counts
    }

    private static func lines(_ events: [JournalEvent]) -> [UInt8] {
        var bytes: [UInt8] = []
        for event in events {
            bytes += event.jsonLine.utf8
            bytes.append(0x0A)
        }
        return bytes
    }

    /// Never mixes a pull with files already there: a stale journal beside pulled collections would replay.
    private static func refuseNonEmpty(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw DatabaseRefusal("\(directory) is a file; db pull writes a new or empty directory") }
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory)
        if !entries.isEmpty {
            throw DatabaseRefusal(
                "\(directory) is not empty (\(entries.count) entr\(entries.count == 1 ? "y" : "ies")); db pull writes a new or empty "
                    + "directory, so nothing there is overwritten")
        }
    }
}
