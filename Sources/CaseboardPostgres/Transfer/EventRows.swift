import CaseboardKit

/// Journal events as rows of `caseboard.events` (and `events_archive`), and back.
enum EventRows {
    static let copyJournal: StaticString = """
        COPY caseboard.events (id, time, author, project, kind, from_status, to_status, note, undoes, source, reason, owner, review,
        changes) FROM STDIN
        """
    static let copyArchive: StaticString = """
        COPY caseboard.events_archive (id, time, author, project, kind, from_status, to_status, note, undoes, source, reason, owner,
        review, changes) FROM STDIN
        """
    /// Times come back in the journal's own form (UTC, milliseconds, `Z`), so a pulled line matches the pushed one.
    static let selectJournal: StaticString = """
        SELECT id, to_char(time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), author, project, kind, from_status, to_status,
        note, undoes, source, reason, owner, review, changes::text FROM caseboard.events ORDER BY seq
        """
    static let selectArchive: StaticString = """
        SELECT id, to_char(time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), author, project, kind, from_status, to_status,
        note, undoes, source, reason, owner, review, changes::text FROM caseboard.events_archive ORDER BY seq
        """

    static func rows(_ events: [JournalEvent]) throws(PostgresError) -> CopyRows {
        var rows = CopyRows()
        for event in events {
            try rows.append([
                event.id, event.time, event.author, event.project, event.kind.rawValue, event.from?.rawValue, event.to?.rawValue,
                event.note, event.undoes, event.source, event.risk?.reason, event.risk?.owner, event.risk?.review,
                event.changes.isEmpty ? nil : RecordChange.jsonText(event.changes),
            ])
        }
        return rows
    }

    /// The events in rows selected by `selectJournal` or `selectArchive`.
    static func events(_ rows: PostgresRows) throws -> [JournalEvent] {
        var out: [JournalEvent] = []
        out.reserveCapacity(rows.count)
        for row in 0..<rows.count {
            let reader = RowReader(rows: rows, row: row, table: "events")
            let id = try reader.text(0)
            var event = JournalEvent(
                id: id, time: try reader.text(1), author: try reader.text(2), project: try reader.text(3),
                kind: try reader.value(4, JournalEvent.Kind.init(rawValue:)), from: try reader.optional(5, ProjectStatus.init(rawValue:)),
                to: try reader.optional(6, ProjectStatus.init(rawValue:)), note: reader.optionalText(7), undoes: reader.optionalText(8))
            event.source = reader.optionalText(9)
            if let reason = reader.optionalText(10) {
                event.risk = RiskNote(reason: reason, owner: reader.optionalText(11), review: reader.optionalText(12))
            }
            if let changes = reader.optionalText(13) {
                do {
                    event.changes = try RecordChange.list(fromJSON: changes)
                } catch {
                    throw DatabaseRefusal("event \(id): its changes cannot be read: \(error.message)")
                }
            }
            out.append(event)
        }
        return out
    }
}
