import ArgumentParser
import CaseboardKit
import Foundation

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List recorded changes (status changes, notes, edits, imports, undos), newest first.",
        discussion: "Reads the archive and the journal, so compacted changes are included.")

    @Argument(help: "Only this project's changes.") var project: String?
    @Option(name: .long, help: "Only changes at or after this date (YYYY-MM-DD, UTC) or time (2026-11-25T18:30:00Z).") var since: String?
    @Option(name: .long, help: "table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var data: DataOptions

    /// The earliest journal time to include, as comparable text.
    func sinceTime() throws -> String? {
        guard let since else { return nil }
        if CalendarDate.isValid(since) { return since + "T00:00:00.000Z" }
        // Stored times all have milliseconds; compare like with like.
        if let date = JournalTime.parse(since) { return JournalTime.format(date) }
        throw ValidationError("--since takes a date such as 2026-11-25 or a UTC time such as 2026-11-25T18:30:00Z")
    }

    func validate() throws { _ = try sinceTime() }

    func run() throws {
        let store = try data.openStore(readOnly: true)
        if let project, store.dataset.project(project) == nil, store.history.timeline(of: project).isEmpty {
            Output.error("caseboard: no project has id \"\(project)\"; find ids with `caseboard list projects --search WORDS`")
            throw ExitCode(1)
        }
        let since = try sinceTime()
        let all = store.history.events
        let events = Self.newestFirst(project.map { id in all.filter { $0.project == id } } ?? all)
            .filter { event in since.map { event.time >= $0 } ?? true }
        let listing = Self.listing(events, store)
        Output.data(listing.render(format), as: format)
        if format == .table { Output.error("\(events.count) change\(events.count == 1 ? "" : "s")") }
    }

    /// Newest first by time, whatever order the lines are in: clocks differ between machines and a journal may
    /// have been merged by hand. Events with the same time keep their journal order, the later line first.
    static func newestFirst(_ events: [JournalEvent]) -> [JournalEvent] {
        let keyed = events.enumerated().map { offset, event in
            (offset: offset, time: event.date?.timeIntervalSince1970 ?? -.infinity, event: event)
        }
        return keyed.sorted { a, b in a.time != b.time ? a.time > b.time : a.offset > b.offset }.map(\.event)
    }

    static func listing(_ events: [JournalEvent], _ store: DataStore) -> Listing {
        let columns = [
            Column(id: "time", header: "TIME (UTC)"), Column(id: "author", header: "AUTHOR"), Column(id: "project", header: "PROJECT"),
            Column(id: "kind", header: "KIND"), Column(id: "from", header: "FROM"), Column(id: "to", header: "TO"),
            Column(id: "note", header: "NOTE"), Column(id: "changes", header: "CHANGES"), Column(id: "id", header: "EVENT"),
        ]
        let rows = events.map { event -> [Field] in
            // A move to at risk or paused says why; an edit says what it changed in its own column.
            var note = event.note ?? ""
            if let risk = event.risk, event.kind == .status, risk.reason != event.note {
                note += (note.isEmpty ? "" : " — ") + "reason: " + risk.reason
            }
            if store.history.isUndone(event) { note = "(undone) " + note }
            return [
                .date(event.time), .text(event.author), .text(event.project), .text(event.kind.rawValue), .text(event.from?.rawValue ?? ""),
                .text(event.to?.rawValue ?? ""), .text(note), .text(event.changes.isEmpty ? "" : event.changesSummary), .text(event.id),
            ]
        }
        return Listing(columns: columns, rows: rows)
    }
}
