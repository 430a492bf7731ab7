/// Encodes a data set into its files: fixed key order, two-space indent, so `git diff` shows exactly what changed.
public enum DatasetWriter {
    public static func files(_ dataset: Dataset) -> [(name: String, text: String)] {
        files(
            themes: dataset.themes, organisations: dataset.organisations, contacts: dataset.contacts, projects: Array(dataset.projects),
            funding: dataset.funding, retired: dataset.retired)
    }

    /// The same files from the collections themselves: for a store that holds them elsewhere (a database).
    public static func files(
        themes: [Theme], organisations: [Organisation], contacts: [Contact], projects: [Project], funding: [FundingStream],
        retired: RetiredRecords
    ) -> [(name: String, text: String)] {
        [
            (DataFiles.themes, JSONWriter.write(.array(themes.map(encode)))),
            (DataFiles.partners, JSONWriter.write(.array(organisations.map(encode) + retired.organisations.map(retire)))),
            (DataFiles.contacts, JSONWriter.write(.array(contacts.map(encode) + retired.contacts.map(retire)))),
            (DataFiles.projects, JSONWriter.write(.array(projects.map(encode) + retired.projects.map(retire)))),
            (DataFiles.funding, JSONWriter.write(.array(funding.map(encode) + retired.funding.map(retire)))),
        ]
    }

    /// Saves every collection atomically into `directory` (created 0700 when missing).
    public static func save(_ dataset: Dataset, to directory: String) throws(AtomicFile.WriteError) {
        try AtomicFile.makeDirectory(directory)
        for file in files(dataset) {
            try AtomicFile.write(Array(file.text.utf8), to: directory + "/" + file.name)
        }
    }

    static func strings(_ values: [String]) -> JSONOutput { .array(values.map { .string($0) }) }

    /// projects.json: the projects in use, then the retired ones.
    public static func projectsText(_ dataset: Dataset) -> String {
        JSONWriter.write(.array(dataset.projects.map(encode) + dataset.retired.projects.map(retire)))
    }

    static func retire<Record>(_ record: Record) -> JSONOutput {
        let encoded: JSONOutput
        switch record {
        case let value as Organisation: encoded = encode(value)
        case let value as Contact: encoded = encode(value)
        case let value as Project: encoded = encode(value)
        case let value as FundingStream: encoded = encode(value)
        default: preconditionFailure("no encoding for \(Record.self)")
        }
        return marked(encoded)
    }

    private static func marked(_ encoded: JSONOutput) -> JSONOutput {
        guard case .object(let members) = encoded else { return encoded }
        return .object(members + [("retired", .bool(true))])
    }

    private static func provenance(_ value: Provenance?, _ members: inout [(String, JSONOutput)]) {
        if let value { members.append(("provenance", .string(value.rawValue))) }
    }

    public static func encode(_ allocation: Allocation) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("project", .string(allocation.project)), ("amount_pence", .integer(allocation.amount)), ("year", .string(allocation.year)),
        ]
        if let spent = allocation.spent { members.append(("spent_pence", .integer(spent))) }
        if !allocation.spentByQuarter.isEmpty {
            members.append(("spent_quarters_pence", .array(allocation.spentByQuarter.map { .integer($0) })))
        }
        provenance(allocation.provenance, &members)
        return .object(members)
    }

    public static func encode(_ theme: Theme) -> JSONOutput {
        .object([("id", .string(theme.id)), ("name", .string(theme.name)), ("description", .string(theme.description))])
    }

    public static func encode(_ organisation: Organisation) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("id", .string(organisation.id)), ("name", .string(organisation.name)),
            ("kind", .string(organisation.kind.rawValue)), ("district", .string(organisation.district.rawValue)),
        ]
        provenance(organisation.provenance, &members)
        return .object(members)
    }

    public static func encode(_ contact: Contact) -> JSONOutput {
        .object([
            ("id", .string(contact.id)), ("name", .string(contact.name)), ("role", .string(contact.role)),
            ("organisation", .string(contact.organisation)), ("email", .string(contact.email)),
            ("phone", .string(contact.phone)),
        ])
    }

    public static func encode(_ project: Project) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("id", .string(project.id)), ("title", .string(project.title)), ("theme", .string(project.theme)),
        ]
        if !project.secondaryThemes.isEmpty { members.append(("secondary_themes", strings(project.secondaryThemes))) }
        members.append(("status", .string(project.status.rawValue)))
        members.append(("lead", .string(project.lead)))
        if !project.partners.isEmpty { members.append(("partners", strings(project.partners))) }
        members.append(("districts", strings(project.districts.map(\.rawValue))))
        if let start = project.start { members.append(("start", .string(start))) }
        if let end = project.end { members.append(("end", .string(end))) }
        members.append(("summary", .string(project.summary)))
        if !project.contacts.isEmpty { members.append(("contacts", strings(project.contacts))) }
        if !project.tags.isEmpty { members.append(("tags", strings(project.tags))) }
        if let reason = project.riskReason { members.append(("risk_reason", .string(reason))) }
        if let owner = project.riskOwner { members.append(("risk_owner", .string(owner))) }
        if let review = project.reviewDate { members.append(("review_date", .string(review))) }
        provenance(project.provenance, &members)
        return .object(members)
    }

    public static func encode(_ stream: FundingStream) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("id", .string(stream.id)), ("name", .string(stream.name)), ("funder", .string(stream.funder)),
            ("years", strings(stream.years)), ("total_pence", .integer(stream.total)),
            ("allocations", .array(stream.allocations.map(encode) + stream.retiredAllocations.map { marked(encode($0)) })),
        ]
        if !stream.notes.isEmpty { members.append(("notes", .string(stream.notes))) }
        provenance(stream.provenance, &members)
        return .object(members)
    }
}
