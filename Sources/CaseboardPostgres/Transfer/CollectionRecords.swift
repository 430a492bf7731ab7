import CaseboardKit

/// The collections read back from their tables, in file order, with the retired records apart: what
/// DatasetWriter needs to write the data files.
struct CollectionRecords {
    var themes: [Theme] = []
    var organisations: [Organisation] = []
    var contacts: [Contact] = []
    var projects: [Project] = []
    var funding: [FundingStream] = []
    var retired = RetiredRecords()

    static func read(_ connection: PostgresConnection) throws -> CollectionRecords {
        var out = CollectionRecords()
        try out.readThemes(connection.execute("SELECT id, name, description FROM caseboard.themes ORDER BY position"))
        try out.readPartners(
            connection.execute("SELECT id, name, kind, district, provenance, retired FROM caseboard.partners ORDER BY position"))
        try out.readContacts(
            connection.execute("SELECT id, name, role, organisation, email, phone, retired FROM caseboard.contacts ORDER BY position"))
        try out.readProjects(
            connection.execute(
                """
                SELECT id, title, theme, secondary_themes, status, lead, partners, districts, start_date, end_date, summary, contacts,
                tags, risk_reason, risk_owner, review_date, provenance, retired FROM caseboard.projects ORDER BY position
                """))
        let allocations = try connection.execute(
            """
            SELECT stream, project, amount_pence, year, spent_pence, spent_quarters_pence, provenance, retired
            FROM caseboard.allocations ORDER BY stream, position
            """)
        try out.readFunding(
            connection.execute(
                "SELECT id, name, funder, years, total_pence, notes, provenance, retired FROM caseboard.funding_streams ORDER BY position"),
            allocations: allocations)
        return out
    }

    private mutating func readThemes(_ rows: PostgresRows) throws {
        for row in 0..<rows.count {
            let reader = RowReader(rows: rows, row: row, table: "themes")
            themes.append(Theme(id: try reader.text(0), name: try reader.text(1), description: try reader.text(2)))
        }
    }

    private mutating func readPartners(_ rows: PostgresRows) throws {
        for row in 0..<rows.count {
            let reader = RowReader(rows: rows, row: row, table: "partners")
            let partner = Organisation(
                id: try reader.text(0), name: try reader.text(1), kind: try reader.value(2, OrganisationKind.init(rawValue:)),
                district: try reader.value(3, District.init(rawValue:)), provenance: try reader.optional(4, Provenance.init(rawValue:)))
            if try reader.flag(5) { retired.organisations.append(partner) } else { organisations.append(partner) }
        }
    }

    private mutating func readContacts(_ rows: PostgresRows) throws {
        for row in 0..<rows.count {
            let reader = RowReader(rows: rows, row: row, table: "contacts")
            let contact = Contact(
                id: try reader.text(0), name: try reader.text(1), role: try reader.text(2), organisation: try reader.text(3),
                email: try reader.text(4), phone: try reader.text(5))
            if try reader.flag(6) { retired.contacts.append(contact) } else { contacts.append(contact) }
        }
    }

    private mutating func readProjects(_ rows: PostgresRows) throws {
        projects.reserveCapacity(rows.count)
        for row in 0..<rows.count {
            let reader = RowReader(rows: rows, row: row, table: "projects")
            var districts: [District] = []
            for name in try reader.list(7) {
                guard let district = District(rawValue: name) else { throw DatabaseRefusal("projects: unknown district \"\(name)\"") }
                districts.append(district)
            }
            let project = Project(
                id: try reader.text(0), title: try reader.text(1), theme: try reader.text(2), secondaryThemes: try reader.list(3),
                status: try reader.value(4, ProjectStatus.init(rawValue:)), lead: try reader.text(5), partners: try reader.list(6),
                districts: districts, start: reader.optionalText(8), end: reader.optionalText(9), summary: try reader.text(10),
                contacts: try reader.list(11), tags: try reader.list(12), riskReason: reader.optionalText(13),
                riskOwner: reader.optionalText(14), reviewDate: reader.optionalText(15),
                provenance: try reader.optional(16, Provenance.init(rawValue:)))
            if try reader.flag(17) { retired.projects.append(project) } else { projects.append(project) }
        }
    }

    private mutating func readFunding(_ rows: PostgresRows, allocations: PostgresRows) throws {
        var byStream: [String: (inUse: [Allocation], retired: [Allocation])] = [:]
        for row in 0..<allocations.count {
            let reader = RowReader(rows: allocations, row: row, table: "allocations")
            let allocation = Allocation(
                project: try reader.text(1), amount: try reader.integer(2), year: try reader.text(3),
                spent: try reader.optional(4) { Int64($0) }, spentByQuarter: try reader.integers(5),
                provenance: try reader.optional(6, Provenance.init(rawValue:)))
            let stream = try reader.text(0)
            if try reader.flag(7) {
                byStream[stream, default: ([], [])].retired.append(allocation)
            } else {
                byStream[stream, default: ([], [])].inUse.append(allocation)
            }
        }
        for row in 0..<rows.count {
            let reader = RowReader(rows: rows, row: row, table: "funding_streams")
            let id = try reader.text(0)
            let stream = FundingStream(
                id: id, name: try reader.text(1), funder: try reader.text(2), years: try reader.list(3), total: try reader.integer(4),
                allocations: byStream[id]?.inUse ?? [], notes: try reader.text(5),
                provenance: try reader.optional(6, Provenance.init(rawValue:)),
                retiredAllocations: byStream[id]?.retired ?? [])
            if try reader.flag(7) { retired.funding.append(stream) } else { funding.append(stream) }
        }
    }

    /// The data files, exactly as a data directory holds them.
    var files: [(name: String, text: String)] {
        DatasetWriter.files(
            themes: themes, organisations: organisations, contacts: contacts, projects: projects, funding: funding, retired: retired)
    }
}
