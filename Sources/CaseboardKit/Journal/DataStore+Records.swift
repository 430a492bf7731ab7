import Foundation

extension DataStore {
    /// Saves record changes as one event, all or nothing: under the lock, after catching up with other
    /// sessions. Each `set` names the value its author saw; if someone changed that field since, the whole
    /// event is refused naming who, when and to what. The result must load cleanly (references, dates, money
    /// within totals), or nothing is saved and the problems are named.
    @discardableResult
    public func save(
        _ changes: [RecordChange], note: String? = nil, source: String? = nil, author: String, at date: Date = Date()
    ) throws(EditRefusal) -> JournalEvent {
        try Self.checkAuthor(author)
        let note = try Self.cleanNote(note)
        guard !changes.isEmpty else { throw EditRefusal("Nothing to change; nothing was saved") }
        return try write { () throws(EditRefusal) -> JournalEvent in
            var batch = BatchView()
            for change in changes { try check(change, &batch) }
            try checkResult(of: changes)
            var event = JournalEvent(
                id: JournalEvent.newID(), time: JournalTime.format(date), author: author, project: Self.filedUnder(changes), kind: .edit,
                note: note)
            event.changes = changes
            event.source = source
            return event
        }
    }

    /// The id an event is filed under: its first project, else its first record.
    static func filedUnder(_ changes: [RecordChange]) -> String {
        for change in changes {
            if change.kind == .project { return change.id }
            if change.kind == .allocation, let key = Record.allocationKey(change.id) { return key.project }
        }
        return changes.first?.id ?? "-"
    }

    /// Records as the changes before this one in the same event leave them (an import adds a partner, then a
    /// project led by it).
    struct BatchView {
        var records: [String: (record: Record, retired: Bool)?] = [:]

        func key(_ change: RecordChange) -> String { change.kind.rawValue + " " + change.id }
    }

    private func check(_ change: RecordChange, _ batch: inout BatchView) throws(EditRefusal) {
        let key = batch.key(change)
        let existing = batch.records[key] ?? dataset.record(change.kind, change.id)
        defer {
            switch change.operation {
            case .add: batch.records[key] = (change.record, false)
            case .set:
                if var now = existing, let field = change.field {
                    now.record[field] = change.to
                    batch.records[key] = now
                }
            case .retire: batch.records[key] = existing.map { ($0.record, true) }
            case .restore: batch.records[key] = existing.map { ($0.record, false) }
            case .remove: batch.records[key] = .some(nil)
            }
        }
        let name = "\(change.kind.label) \"\(change.id)\""
        switch change.operation {
        case .add:
            if let existing {
                throw EditRefusal(
                    "A \(change.kind.label) with id \"\(change.id)\" already exists\(existing.retired ? " (retired)" : ""); nothing was saved"
                )
            }
            // Ids are unique across every kind of record, as the loader checks.
            if change.kind != .allocation {
                if let other = RecordKind.allCases.first(where: { $0 != .allocation && dataset.record($0, change.id) != nil }) {
                    throw EditRefusal("The id \"\(change.id)\" is already used by a \(other.label); choose another. Nothing was saved")
                }
                if dataset.theme(change.id) != nil {
                    throw EditRefusal("The id \"\(change.id)\" is a theme's; choose another. Nothing was saved")
                }
            }
            if change.kind != .allocation && !FieldRules.isID(change.id.utf8) {
                throw EditRefusal("\"\(change.id)\" is not a valid id; use lower-case letters, digits and hyphens")
            }
        case .set:
            guard let existing else { throw EditRefusal("No \(name); nothing was saved") }
            guard let field = change.field, change.kind.field(field) != nil else {
                throw EditRefusal("A \(change.kind.label) has no field \"\(change.field ?? "")\"")
            }
            if change.kind == .project && field == "status" {
                throw EditRefusal("Status changes follow the status rules: use `caseboard status` or `c` in the browser")
            }
            if ["stream", "project", "year"].contains(field) && change.kind == .allocation {
                throw EditRefusal("An allocation's stream, project and year identify it: retire it and add another")
            }
            let current = existing.record[field]
            if !current.matches(change.from) {
                throw EditRefusal(fieldConflict(change, current: current))
            }
        case .retire:
            guard let existing, !existing.retired else { throw EditRefusal("No \(name) in use to retire") }
        case .restore:
            guard let existing, existing.retired else { throw EditRefusal("No retired \(name) to restore") }
        case .remove:
            guard existing != nil else { throw EditRefusal("No \(name) to take away") }
        }
    }

    /// The refusal for an edit based on a value that is no longer current, naming who changed it.
    private func fieldConflict(_ change: RecordChange, current: RecordValue) -> String {
        let field = change.field ?? ""
        let label = change.kind.field(field)?.label.lowercased() ?? field
        let base =
            "Refused: your change to the \(label) of \(change.kind.label) \(change.id) was based on \(change.from.display), but it is now \(current.display)"
        for index in history.indices(touching: change.kind, change.id).reversed() {
            let event = history[index]
            if event.changes.contains(where: { $0.kind == change.kind && $0.id == change.id && ($0.field == field || $0.operation == .add) }
            ) {
                return base + " (\(event.author) changed it at \(event.shortTime)). Nothing was saved"
            }
        }
        return base + " (changed outside Caseboard). Nothing was saved"
    }

    /// Checks the state the changes lead to, as a load would: retiring something still pointed at, a dangling
    /// reference, an end before a start, allocations over the total.
    private func checkResult(of changes: [RecordChange]) throws(EditRefusal) {
        var records = RecordSet(dataset)
        for change in changes { records.apply(change) }
        for change in changes where change.operation == .retire || change.operation == .remove {
            let pointing = records.references(to: change.kind, change.id)
            if !pointing.isEmpty {
                let listed = pointing.prefix(5).joined(separator: ", ") + (pointing.count > 5 ? " and \(pointing.count - 5) more" : "")
                let verb = change.operation == .retire ? "retire" : "take away"
                throw EditRefusal("Cannot \(verb) \(change.kind.label) \(change.id): \(listed) still point at it; nothing was saved")
            }
        }
        if case .failure(let failure) = records.checked(touchedBy: changes) {
            let listed = failure.problems.prefix(5).map(\.message).joined(separator: "; ")
            throw EditRefusal(listed + (failure.total > 5 ? "; and \(failure.total - 5) more" : "") + ". Nothing was saved")
        }
        prepared = records.dataset
    }

    /// The changes that take an edit back, checked like any edit: each field must still hold the value the edit
    /// gave it.
    func reversal(of target: JournalEvent) throws(EditRefusal) -> [RecordChange] {
        // Taking back an add would throw away whatever was changed in that record since: refused, naming who.
        if let targetIndex = history.index(ofID: target.id) {
            for change in target.changes where change.operation == .add {
                guard let now = dataset.record(change.kind, change.id)?.record, !Self.sameValues(now, change.record) else { continue }
                let later = history.indices(touching: change.kind, change.id).filter { $0 > targetIndex }
                if let latest = later.last.map({ history[$0] }) {
                    throw EditRefusal(
                        "Cannot undo: \(latest.author) changed \(change.kind.label) \(change.id) at \(latest.shortTime), after it was added; "
                            + "undo that first. Nothing was saved")
                }
            }
        }
        let reversed = target.changes.reversed().map(\.reversed)
        var batch = BatchView()
        for change in reversed {
            do {
                try check(change, &batch)
            } catch {
                throw EditRefusal("Cannot undo: " + error.message.replacingOccurrences(of: "Refused: your change", with: "the change"))
            }
        }
        do {
            try checkResult(of: reversed)
        } catch {
            throw EditRefusal("Cannot undo: " + error.message)
        }
        return reversed
    }
}

extension DataStore {
    /// Equal field by field, an empty value the same as a missing one.
    static func sameValues(_ a: Record, _ b: Record) -> Bool {
        a.kind.fields.allSatisfy { a[$0.name].matches(b[$0.name]) }
    }
}
