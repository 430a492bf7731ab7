/// Encodes a data set into its files: fixed key order, two-space indent, so `git diff` shows exactly what changed.
public enum DatasetWriter {
    public static func files(_ dataset: Dataset) -> [(name: String, text: String)] {
        [
            (DataFiles.themes, JSONWriter.write(.array(dataset.themes.map(encode)))),
            (DataFiles.partners, JSONWriter.write(.array(dataset.organisations.map(encode)))),
            (DataFiles.contacts, JSONWriter.write(.array(dataset.contacts.map(encode)))),
            (DataFiles.projects, JSONWriter.write(.array(dataset.projects.map(encode)))),
            (DataFiles.funding, JSONWriter.write(.array(dataset.funding.map(encode)))),
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

    public static func encode(_ theme: Theme) -> JSONOutput {
        .object([("id", .string(theme.id)), ("name", .string(theme.name)), ("description", .string(theme.description))])
    }

    public static func encode(_ organisation: Organisation) -> JSONOutput {
        .object([
            ("id", .string(organisation.id)), ("name", .string(organisation.name)),
            ("kind", .string(organisation.kind.rawValue)), ("district", .string(organisation.district.rawValue)),
        ])
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
        return .object(members)
    }

    public static func encode(_ stream: FundingStream) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("id", .string(stream.id)), ("name", .string(stream.name)), ("funder", .string(stream.funder)),
            ("years", strings(stream.years)), ("total_pence", .integer(stream.total)),
            (
                "allocations",
                .array(
                    stream.allocations.map {
                        .object([("project", .string($0.project)), ("amount_pence", .integer($0.amount)), ("year", .string($0.year))])
                    })
            ),
        ]
        if !stream.notes.isEmpty { members.append(("notes", .string(stream.notes))) }
        return .object(members)
    }
}
