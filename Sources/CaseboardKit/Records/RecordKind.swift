/// The kinds of record a VRU keeps in Caseboard, as `add`, `edit`, `retire` and `import` name them.
public enum RecordKind: String, CaseIterable, Sendable {
    case project
    case partner
    case contact
    case stream
    case allocation

    public var label: String {
        switch self {
        case .project: return "project"
        case .partner: return "partner"
        case .contact: return "contact"
        case .stream: return "funding stream"
        case .allocation: return "allocation"
        }
    }

    /// Also accepts the plural and the names the files use ("partners", "funding").
    public init?(lenient text: String) {
        switch text.lowercased() {
        case "project", "projects": self = .project
        case "partner", "partners", "organisation", "organisations": self = .partner
        case "contact", "contacts": self = .contact
        case "stream", "streams", "funding", "funding-stream": self = .stream
        case "allocation", "allocations": self = .allocation
        default: return nil
        }
    }

    /// The fields a record of this kind has, in the order forms and exports show them. `id` is not one.
    public var fields: [FieldSpec] {
        switch self {
        case .project:
            return [
                FieldSpec("title", "Title", .text, required: true), FieldSpec("theme", "Theme", .theme, required: true),
                FieldSpec("secondary_themes", "Secondary themes", .themes), FieldSpec("status", "Status", .status, required: true),
                FieldSpec("lead", "Lead organisation", .organisation, required: true), FieldSpec("partners", "Partners", .organisations),
                FieldSpec("districts", "Districts", .districts, required: true), FieldSpec("start", "Start date", .date),
                FieldSpec("end", "End date", .date), FieldSpec("summary", "Summary", .longText),
                FieldSpec("contacts", "Contacts", .contacts), FieldSpec("tags", "Tags", .tags),
                FieldSpec("risk_reason", "Risk or pause reason", .text), FieldSpec("risk_owner", "Risk owner", .contact),
                FieldSpec("review_date", "Review date", .date), FieldSpec("provenance", "Provenance", .provenance),
            ]
        case .partner:
            return [
                FieldSpec("name", "Name", .text, required: true), FieldSpec("kind", "Kind", .organisationKind, required: true),
                FieldSpec("district", "District", .district, required: true), FieldSpec("provenance", "Provenance", .provenance),
            ]
        case .contact:
            return [
                FieldSpec("name", "Name", .text, required: true), FieldSpec("role", "Role", .text, required: true),
                FieldSpec("organisation", "Organisation", .organisation, required: true), FieldSpec("email", "Email", .email),
                FieldSpec("phone", "Phone", .phone),
            ]
        case .stream:
            return [
                FieldSpec("name", "Name", .text, required: true), FieldSpec("funder", "Funder", .organisation, required: true),
                FieldSpec("years", "Financial years", .years, required: true), FieldSpec("total_pence", "Total", .money, required: true),
                FieldSpec("notes", "Notes", .longText), FieldSpec("provenance", "Provenance", .provenance),
            ]
        case .allocation:
            return [
                FieldSpec("stream", "Funding stream", .stream, required: true), FieldSpec("project", "Project", .project, required: true),
                FieldSpec("year", "Financial year", .year, required: true), FieldSpec("amount_pence", "Allocated", .money, required: true),
                FieldSpec("spent_pence", "Spent", .money), FieldSpec("spent_quarters_pence", "Spent by quarter", .quarters),
                FieldSpec("provenance", "Provenance", .provenance),
            ]
        }
    }

    public func field(_ name: String) -> FieldSpec? { fields.first { $0.name == name } }
}

/// One field of a record kind: its name in files, the journal and on the command line (`--end`), its label on
/// screen, and what kind of value it holds.
public struct FieldSpec: Equatable, Sendable {
    public enum ValueType: Equatable, Sendable {
        case text, longText, date, money, quarters, email, phone, tags
        case theme, themes, status, district, districts, organisationKind, year, years, provenance
        case organisation, organisations, contact, contacts, project, stream

        /// Several values, written one per line in a form or separated by ";" on the command line.
        public var isList: Bool {
            switch self {
            case .themes, .districts, .organisations, .contacts, .tags, .years, .quarters: return true
            default: return false
            }
        }
    }

    public var name: String
    public var label: String
    public var type: ValueType
    public var required: Bool

    public init(_ name: String, _ label: String, _ type: ValueType, required: Bool = false) {
        self.name = name
        self.label = label
        self.type = type
        self.required = required
    }

    /// `--secondary-themes`: the command-line spelling.
    public var option: String { name.replacingOccurrences(of: "_", with: "-") }
}
