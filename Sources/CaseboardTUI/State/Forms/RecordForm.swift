import CaseboardKit

/// Adding a record (`A`) or correcting one (`e`): one line per field of the kind, in the kind's order.
///
/// An edit remembers every value as it was when the form opened: a save sends only the fields that changed,
/// each naming that value, so the store can refuse it if someone else changed the field meanwhile.
public struct RecordForm: Equatable, Sendable {
    public var kind: RecordKind
    /// The record being corrected; nil while adding.
    public var id: String?
    /// The values when the form opened (or was reloaded): what each change says it replaces.
    public var base: Record
    public var fields: [FormField]
    /// The field with the keys.
    public var focus = 0
    /// The list a picked field opened, while it is open.
    public var picker: FieldPicker?
    /// Esc on a changed form asks first; this is that question.
    public var confirmingDiscard = false
    /// A save was tried: every field's problem shows, touched or not.
    public var triedToSave = false
    /// Why the store refused the last save, kept in view (with everything typed) until the form closes.
    public var refusal: String?

    public var isAdding: Bool { id == nil }

    /// A form for a new record, with any values already known (the stream an allocation comes from).
    public static func adding(_ kind: RecordKind, prefilled: [String: RecordValue] = [:], style: DateStyle) -> RecordForm {
        let base = Record(kind: kind, id: "", values: prefilled)
        return RecordForm(kind: kind, id: nil, base: base, fields: kind.fields.map { FormField($0, base[$0.name], style: style) })
    }

    /// A form for a record as it is now.
    public static func editing(_ record: Record, style: DateStyle) -> RecordForm {
        let fields = record.kind.fields.map { FormField($0, record[$0.name], locked: lockReason(record.kind, $0.name), style: style) }
        var form = RecordForm(kind: record.kind, id: record.id, base: record, fields: fields)
        form.focus = fields.firstIndex { $0.locked == nil } ?? 0
        return form
    }

    /// Fields an edit may not change, and why: a status follows its rules, an allocation's key names it.
    static func lockReason(_ kind: RecordKind, _ field: String) -> String? {
        switch (kind, field) {
        case (.project, "status"): return "c changes the status"
        case (.allocation, "stream"), (.allocation, "project"), (.allocation, "year"):
            return "part of its id: retire, add anew"
        default: return nil
        }
    }

    /// The field values as they would be saved; the first problem's field and message when one is wrong.
    func values(in data: Dataset) -> Result<[String: RecordValue], FormProblem> {
        var values: [String: RecordValue] = [:]
        for (index, field) in fields.enumerated() {
            if field.locked != nil {
                values[field.spec.name] = base[field.spec.name]
                continue
            }
            switch field.value(in: data) {
            case .success(let value): values[field.spec.name] = value
            case .failure(let error): return .failure(FormProblem(field: index, message: error.message))
            }
        }
        return .success(values)
    }

    /// True when anything differs from what the form opened with (Esc then asks before throwing it away).
    func hasChanges(in data: Dataset) -> Bool {
        fields.contains { field in
            guard field.locked == nil else { return false }
            switch field.value(in: data) {
            case .success(let value): return !value.matches(base[field.spec.name])
            case .failure: return true
            }
        }
    }

    /// The changes a save sends: the whole record when adding, else one `set` per changed field.
    func changes(in data: Dataset) -> Result<[RecordChange], FormProblem> {
        let values: [String: RecordValue]
        switch self.values(in: data) {
        case .success(let found): values = found
        case .failure(let problem): return .failure(problem)
        }
        guard let id else {
            return .success([.add(Record(kind: kind, id: newID(values, in: data), values: values.filter { !$0.value.isNone }))])
        }
        return .success(
            kind.fields.compactMap { spec in
                let (from, to) = (base[spec.name], values[spec.name] ?? .none)
                return from.matches(to) ? nil : .set(kind, id, spec.name, from: from, to: to)
            })
    }

    /// The id a new record will get: from its title or name, or an allocation's `stream/project/year`.
    func newID(_ values: [String: RecordValue], in data: Dataset) -> String {
        if kind == .allocation {
            return ["stream", "project", "year"].map { values[$0]?.text ?? "" }.joined(separator: "/")
        }
        let name = values["title"]?.text ?? values["name"]?.text ?? ""
        return RecordID.suggest(from: name, kind: kind, in: data)
    }

    /// The id as the form would save it now, for its first line; empty until there is a name to make it from.
    func previewID(in data: Dataset) -> String {
        if let id { return id }
        var values: [String: RecordValue] = [:]
        for field in fields { values[field.spec.name] = (try? field.value(in: data).get()) ?? RecordValue.none }
        if kind == .allocation {
            return ["stream", "project", "year"].allSatisfy { !(values[$0] ?? .none).isNone } ? newID(values, in: data) : ""
        }
        return RecordID.slug(values["title"]?.text ?? values["name"]?.text ?? "").isEmpty ? "" : newID(values, in: data)
    }
}

/// A field whose value cannot be saved, and why.
public struct FormProblem: Error, Equatable, Sendable {
    public var field: Int
    public var message: String
}

extension RecordForm {
    /// The form reopened after the store refused it: everything typed kept, the reason in view, and beside
    /// each field someone else changed meanwhile, what it is now (Ctrl-R takes those as the new base).
    func refused(_ reason: String, now data: Dataset, style: DateStyle) -> RecordForm {
        var form = noticing(data, style: style)
        form.refusal = reason
        return form
    }

    /// The form with each field someone else has changed since it opened saying what it is now: said while
    /// typing, before a save is refused for it.
    func noticing(_ data: Dataset, style: DateStyle) -> RecordForm {
        var form = self
        guard let id, let current = data.record(kind, id) else { return form }
        for index in form.fields.indices {
            let field = form.fields[index]
            let now = current.record[field.spec.name]
            form.fields[index].meanwhile =
                base[field.spec.name].matches(now) ? nil : "now \(FieldText.display(now, field.spec.type, data, style))"
        }
        return form
    }
}
