import CaseboardKit

/// The collections as COPY rows, in the column order of the `COPY` statements below; `position` is each
/// record's place in its file as DatasetWriter writes it (records in use, then retired ones).
enum CollectionRows {
    static let themes: StaticString = "COPY caseboard.themes (id, position, name, description) FROM STDIN"
    static let partners: StaticString = "COPY caseboard.partners (id, position, name, kind, district, provenance, retired) FROM STDIN"
    static let contacts: StaticString =
        "COPY caseboard.contacts (id, position, name, role, organisation, email, phone, retired) FROM STDIN"
    static let projects: StaticString = """
        COPY caseboard.projects (id, position, title, theme, secondary_themes, status, lead, partners, districts, start_date,
        end_date, summary, contacts, tags, risk_reason, risk_owner, review_date, provenance, retired) FROM STDIN
        """
    static let streams: StaticString =
        "COPY caseboard.funding_streams (id, position, name, funder, years, total_pence, notes, provenance, retired) FROM STDIN"
    static let allocations: StaticString = """
        COPY caseboard.allocations (stream, position, project, amount_pence, year, spent_pence, spent_quarters_pence, provenance,
        retired) FROM STDIN
        """

    static func themes(_ themes: [Theme]) throws(PostgresError) -> CopyRows {
        var rows = CopyRows()
        for (position, theme) in themes.enumerated() { try rows.append([theme.id, String(position), theme.name, theme.description]) }
        return rows
    }

    static func partners(_ inUse: [Organisation], retired: [Organisation]) throws(PostgresError) -> CopyRows {
        var rows = CopyRows()
        for (position, (partner, isRetired)) in flagged(inUse, retired).enumerated() {
            try rows.append([
                partner.id, String(position), partner.name, partner.kind.rawValue, partner.district.rawValue,
                partner.provenance?.rawValue, flag(isRetired),
            ])
        }
        return rows
    }

    static func contacts(_ inUse: [Contact], retired: [Contact]) throws(PostgresError) -> CopyRows {
        var rows = CopyRows()
        for (position, (contact, isRetired)) in flagged(inUse, retired).enumerated() {
            try rows.append([
                contact.id, String(position), contact.name, contact.role, contact.organisation, contact.email, contact.phone,
                flag(isRetired),
            ])
        }
        return rows
    }

    static func projects(_ inUse: [Project], retired: [Project]) throws(PostgresError) -> CopyRows {
        var rows = CopyRows()
        for (position, (project, isRetired)) in flagged(inUse, retired).enumerated() {
            try rows.append([
                project.id, String(position), project.title, project.theme, PostgresArray.literal(project.secondaryThemes),
                project.status.rawValue, project.lead, PostgresArray.literal(project.partners),
                PostgresArray.literal(project.districts.map(\.rawValue)), project.start, project.end, project.summary,
                PostgresArray.literal(project.contacts), PostgresArray.literal(project.tags), project.riskReason, project.riskOwner,
                project.reviewDate, project.provenance?.rawValue, flag(isRetired),
            ])
        }
        return rows
    }

    /// The streams, and every stream's allocations (in use, then retired) as their own rows.
    static func funding(_ inUse: [FundingStream], retired: [FundingStream]) throws(PostgresError) -> (
        streams: CopyRows, allocations: CopyRows
    ) {
        var streams = CopyRows()
        var allocations = CopyRows()
        for (position, (stream, isRetired)) in flagged(inUse, retired).enumerated() {
            try streams.append([
                stream.id, String(position), stream.name, stream.funder, PostgresArray.literal(stream.years), String(stream.total),
                stream.notes, stream.provenance?.rawValue, flag(isRetired),
            ])
            for (index, (allocation, allocationRetired)) in flagged(stream.allocations, stream.retiredAllocations).enumerated() {
                try allocations.append([
                    stream.id, String(index), allocation.project, String(allocation.amount), allocation.year,
                    allocation.spent.map { String($0) }, PostgresArray.literal(allocation.spentByQuarter),
                    allocation.provenance?.rawValue, flag(allocationRetired),
                ])
            }
        }
        return (streams, allocations)
    }

    private static func flagged<Record>(_ inUse: [Record], _ retired: [Record]) -> [(Record, Bool)] {
        inUse.map { ($0, false) } + retired.map { ($0, true) }
    }

    private static func flag(_ value: Bool) -> String { value ? "t" : "f" }
}
