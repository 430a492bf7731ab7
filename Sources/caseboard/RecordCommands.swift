import ArgumentParser
import CaseboardKit
import Foundation

/// `--title "…" --end 31/03/2023`: field options for `add` and `edit`, read against the kind's fields so
/// every field can be given without a fixed list of options here.
struct FieldArguments {
    var id: String?
    var values: [(spec: FieldSpec, text: String)] = []

    static let money = ["total_pence": "total", "amount_pence": "amount", "spent_pence": "spent", "spent_quarters_pence": "spent-quarters"]

    /// The option a field is given with: `--secondary-themes`, and money without the `_pence`: `--amount`.
    static func option(_ spec: FieldSpec) -> String { money[spec.name] ?? spec.option }

    static func help(_ kind: RecordKind) -> String {
        kind.fields.map { "--\(option($0))\($0.required ? " (required)" : "")" }.joined(separator: ", ")
    }

    init(_ words: [String], kind: RecordKind) throws {
        var index = 0
        while index < words.count {
            let word = words[index]
            guard word.hasPrefix("--"), word.count > 2 else {
                throw ValidationError("expected a field option such as --title, found \"\(word)\"")
            }
            var name = String(word.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            } else if index + 1 < words.count {
                index += 1
                value = words[index]
            }
            guard let value else { throw ValidationError("--\(name) needs a value") }
            if name == "id" {
                id = value
            } else if let spec = kind.fields.first(where: { Self.option($0) == name || $0.name == name }) {
                values.append((spec, value))
            } else {
                throw ValidationError("a \(kind.label) has no field --\(name); its fields are \(Self.help(kind))")
            }
            index += 1
        }
    }

    /// Each value read as its field expects; every problem at once.
    func parsed(in dataset: Dataset) throws -> [String: RecordValue] {
        var out: [String: RecordValue] = [:]
        var problems: [String] = []
        for (spec, text) in values {
            switch FieldInput.parse(text, FieldSpec(spec.name, spec.label, spec.type), in: dataset) {
            case .success(let value): out[spec.name] = value
            case .failure(let error): problems.append("--\(Self.option(spec)): \(error.message)")
            }
        }
        if !problems.isEmpty { throw ValidationError(problems.joined(separator: "\n")) }
        return out
    }
}

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a project, partner, contact, funding stream or allocation (one journal event; undo takes it back).",
        discussion: """
            Give each field as an option. Dates as 31/03/2023, 31 March 2023 or 2023-03-31; money in pounds (£1,250.50); \
            several values separated by ";"; organisations, contacts, themes and districts by id or name.
              project:    \(FieldArguments.help(.project))
              partner:    \(FieldArguments.help(.partner))
              contact:    \(FieldArguments.help(.contact))
              stream:     \(FieldArguments.help(.stream))
              allocation: \(FieldArguments.help(.allocation))
            --id sets the id (lower-case letters, digits, hyphens); without it one is made from the title or name.
            """)

    @Argument(help: "What to add: project, partner, contact, stream or allocation.") var kind: String
    @Argument(parsing: .allUnrecognized, help: "Field options, e.g. --title \"Knife crime workshops\" --theme early-intervention.")
    var fields: [String] = []
    @OptionGroup var author: AuthorOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        guard let kind = RecordKind(lenient: kind) else {
            throw ValidationError("cannot add \"\(self.kind)\"; use project, partner, contact, stream or allocation")
        }
        let arguments = try FieldArguments(fields, kind: kind)
        let store = try data.openStore(readOnly: false)
        var values = try arguments.parsed(in: store.dataset)
        if kind == .project && values["status"] == nil { values["status"] = .text(ProjectStatus.proposed.rawValue) }
        let missing = kind.fields.filter { $0.required && (values[$0.name]?.isNone ?? true) }
        if !missing.isEmpty {
            throw ValidationError("a \(kind.label) needs " + missing.map { "--\(FieldArguments.option($0))" }.joined(separator: ", "))
        }
        let id = try arguments.id ?? Self.makeID(kind, values, store.dataset)
        do {
            let event = try store.save([.add(Record(kind: kind, id: id, values: values))], author: author.name)
            Output.print("Added \(kind.label) \(id) (event \(event.id)); `caseboard undo \(event.id)` takes it back\n")
        } catch {
            throw refuse(error)
        }
    }

    /// From the title or name, or an allocation's stream, project and year.
    static func makeID(_ kind: RecordKind, _ values: [String: RecordValue], _ dataset: Dataset) throws -> String {
        if kind == .allocation {
            return "\(values["stream"]?.text ?? "")/\(values["project"]?.text ?? "")/\(values["year"]?.text ?? "")"
        }
        let base = RecordID.slug(values["title"]?.text ?? values["name"]?.text ?? "")
        guard !base.isEmpty else { throw ValidationError("give an --id: the \(kind == .project ? "title" : "name") makes none") }
        return base
    }
}

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change fields of a record by its id (one journal event; undo takes it back).",
        discussion: """
            Fields as for `caseboard add`; an empty value ("") clears an optional field. The change is refused if \
            someone else changed the same field in the meantime, naming who. A project's status changes with set-status.
            """)

    @Argument(help: "The record's id (an allocation's is stream/project/year).") var id: String
    @Argument(parsing: .allUnrecognized, help: "Field options, e.g. --end 31/03/2023.") var fields: [String] = []
    @OptionGroup var author: AuthorOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        let store = try data.openStore(readOnly: false)
        guard let (kind, found) = RecordKind.allCases.lazy.compactMap({ kind in store.dataset.record(kind, id).map { (kind, $0) } }).first
        else {
            Output.error("caseboard: no record has id \"\(id)\"\n")
            throw ExitCode(1)
        }
        let arguments = try FieldArguments(fields, kind: kind)
        guard !arguments.values.isEmpty else {
            throw ValidationError("say what to change, e.g. --\(FieldArguments.option(kind.fields[0])) …")
        }
        let values = try arguments.parsed(in: store.dataset)
        let changes = kind.fields.compactMap { spec -> RecordChange? in
            guard let value = values[spec.name] else { return nil }
            let current = found.record[spec.name]
            if current.matches(value) { return nil }
            return .set(kind, id, spec.name, from: current, to: value)
        }
        guard !changes.isEmpty else {
            Output.print("Nothing to change: \(kind.label) \(id) already has those values\n")
            return
        }
        do {
            let event = try store.save(changes, author: author.name)
            for change in changes { Output.print("\(kind.label) \(id): \(change.summary)\n") }
            Output.print("Saved (event \(event.id)); `caseboard undo \(event.id)` takes it back\n")
        } catch {
            throw refuse(error)
        }
    }
}

struct RetireCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retire", abstract: "Take a record out of use; it stays in history and exports, and undo brings it back.",
        discussion: "Refused while records in use still point at it (a project's lead, a contact's organisation…), naming them.")

    @Argument(help: "The record's id.") var id: String
    @OptionGroup var author: AuthorOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        let store = try data.openStore(readOnly: false)
        guard let kind = RecordKind.allCases.first(where: { store.dataset.record($0, id) != nil }) else {
            Output.error("caseboard: no record has id \"\(id)\"\n")
            throw ExitCode(1)
        }
        do {
            let event = try store.save([.retire(kind, id)], author: author.name)
            Output.print("Retired \(kind.label) \(id) (event \(event.id)); `caseboard undo \(event.id)` brings it back\n")
        } catch {
            throw refuse(error)
        }
    }
}
