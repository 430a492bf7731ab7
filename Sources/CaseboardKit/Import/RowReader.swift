import Foundation

/// One spreadsheet row turned into a record's values, its id, and then an addition or changes to a plan.
struct RowReader {
    let row: ImportRow
    let table: ImportTable
    let kind: RecordKind
    let columns: [String: Int]
    let fixed: FixedValues
    let dataset: Dataset
    var problems: [ImportProblem] = []
    /// Whether the id came from the id column, or was made from the title or name.
    private var idFromName = false

    init(row: ImportRow, table: ImportTable, kind: RecordKind, columns: [String: Int], fixed: FixedValues, dataset: Dataset) {
        self.row = row
        self.table = table
        self.kind = kind
        self.columns = columns
        self.fixed = fixed
        self.dataset = dataset
    }

    /// The values of the fields the file has a column for (a blank cell is `.none`), and the map's fixed values.
    mutating func values() -> [String: RecordValue] {
        var out = fixed.values
        for (field, column) in columns.sorted(by: { $0.value < $1.value }) where field != "id" && out[field] == nil {
            guard let spec = kind.field(field) else { continue }
            if let error = row.errors[column] {
                problem(column, "\(spec.label): the cell holds the spreadsheet error \(error)")
                continue
            }
            let text = cellText(column)
            if text.isEmpty {
                out[field] = RecordValue.none
                continue
            }
            switch FieldInput.parse(text, spec, in: dataset) {
            case .success(let value): out[field] = value
            case .failure(let error): problem(column, "\(spec.label): \(error.message)")
            }
        }
        return out
    }

    /// The cell, trimmed, with the `'` that `caseboard export` puts before a would-be formula taken off again.
    private func cellText(_ column: Int) -> String {
        let text = row.cell(column).trimmingCharacters(in: .whitespacesAndNewlines)
        if table.guardedFormulas && text.hasPrefix("'") {
            let rest = String(text.dropFirst())
            if FormulaGuard.neutralise(rest) == text { return rest }
        }
        return text
    }

    private var nameField: String { kind == .project ? "title" : "name" }

    /// The id column's value; else an existing record with the same title or name; else one made from it. An
    /// allocation is always `stream/project/year`.
    mutating func id(_ values: [String: RecordValue]) -> String? {
        if kind == .allocation {
            let parts = ["stream", "project", "year"].map { values[$0]?.text ?? "" }
            if parts.contains(where: \.isEmpty) {
                let absent = ["stream", "project", "year"].filter { (values[$0]?.text ?? "").isEmpty && columns[$0] == nil }
                if !absent.isEmpty || problems.isEmpty {
                    problem(nil, "an allocation needs its funding stream, project and financial year")
                }
                return nil
            }
            return parts.joined(separator: "/")
        }
        if let column = columns["id"] {
            let text = row.cell(column).trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty {
                guard FieldRules.isID(text.utf8) else {
                    problem(
                        column,
                        "\"\(text)\" is not an id: use lower-case letters, digits and hyphens, such as \(RecordIDs.make(from: text))")
                    return nil
                }
                return text
            }
        }
        guard let name = values[nameField]?.text, !name.isEmpty else {
            if problems.isEmpty {
                let label = kind.field(nameField)?.label ?? nameField
                problem(columns[nameField] ?? columns["id"], "no id and no \(label.lowercased()): a row needs one or the other")
            }
            return nil
        }
        idFromName = true
        if let existing = RecordIDs.existing(named: name, kind, in: dataset, field: nameField) { return existing }
        let made = RecordIDs.make(from: name)
        if made.isEmpty {
            problem(columns[nameField], "cannot make an id from \"\(name)\"; add an id column")
            return nil
        }
        return made
    }

    /// The message for a row whose id another row already has.
    func sameID(_ id: String, as earlier: Int) -> String {
        if idFromName {
            return
                "\"\(row.cell(columns[nameField] ?? 0).trimmingCharacters(in: .whitespaces))\" gives the id \"\(id)\", as row \(earlier) does; "
                + "add an id column to tell them apart, or remove one"
        }
        return "the \(kind.label) \"\(id)\" is on row \(earlier) too; each record may appear once"
    }

    /// Adds the row to the plan as a new record or as changes to an existing one. Returns the required fields a
    /// new record lacks because the file has no column for them (reported once for the whole file).
    mutating func add(to plan: inout ImportPlan, id: String, values: [String: RecordValue]) -> [String] {
        if let existing = dataset.record(kind, id) {
            if existing.retired {
                problem(nil, "\(kind.label) \"\(id)\" is retired; an import cannot change it")
                return []
            }
            update(existing.record, values: values, plan: &plan)
            return []
        }
        if let other = RecordIDs.owner(of: id, in: dataset) {
            problem(
                columns["id"] ?? columns[nameField], "the id \"\(id)\" already belongs to \(other); ids are shared by every kind of record")
            return []
        }
        var record = Record(kind: kind, id: id, values: [:])
        var absent: [String] = []
        for spec in kind.fields {
            var value = values[spec.name] ?? RecordValue.none
            if value.isNone, let fallback = fixed.defaults[spec.name] { value = fallback }
            if value.isNone && kind == .project && spec.name == "status" { value = .text(ProjectStatus.proposed.rawValue) }
            if value.isNone && spec.required {
                if let column = columns[spec.name] {
                    problem(column, "\(spec.label) is required for a new \(kind.label)")
                } else {
                    absent.append(spec.name)
                }
            }
            if !value.isNone { record[spec.name] = value }
        }
        if problems.isEmpty && absent.isEmpty { plan.added.append(ImportPlan.Added(row: row.number, record: record)) }
        return absent
    }

    private mutating func update(_ current: Record, values: [String: RecordValue], plan: inout ImportPlan) {
        var sets: [RecordChange] = []
        for spec in kind.fields {
            guard let value = values[spec.name] else { continue }
            // An allocation's stream, project and year are its id.
            if kind == .allocation && ["stream", "project", "year"].contains(spec.name) { continue }
            let old = current[spec.name]
            if old.matches(value) { continue }
            // A blank cell asks for nothing: a sheet filled in as far as someone knew never wipes what is recorded.
            if value.isNone { continue }
            if kind == .project && spec.name == "status" {
                plan.notes.append(
                    "row \(row.number): \(current.id) is \(old.display) in Caseboard and \(value.display) in the file; an import leaves "
                        + "an existing project's status alone (the status rules apply): caseboard set-status \(current.id) \(value.display)"
                )
                continue
            }
            sets.append(.set(kind, current.id, spec.name, from: old, to: value))
        }
        guard problems.isEmpty else { return }
        if sets.isEmpty {
            plan.unchanged += 1
        } else {
            plan.changed.append(ImportPlan.Changed(row: row.number, id: current.id, changes: sets))
        }
    }

    private mutating func problem(_ column: Int?, _ message: String) {
        problems.append(ImportProblem(row: row.number, column: column, message))
    }
}
