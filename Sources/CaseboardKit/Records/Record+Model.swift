/// Model values to records and back. Building a model value never fails: a record that was checked
/// reads back whole, and a field missing from a damaged one becomes empty (validation says so).
extension Record {
    public init(_ project: Project) {
        self.init(
            kind: .project, id: project.id,
            values: [
                "title": .text(project.title), "theme": .text(project.theme), "secondary_themes": .list(project.secondaryThemes),
                "status": .text(project.status.rawValue), "lead": .text(project.lead), "partners": .list(project.partners),
                "districts": .list(project.districts.map(\.rawValue)), "start": .optional(project.start), "end": .optional(project.end),
                "summary": .optional(project.summary), "contacts": .list(project.contacts), "tags": .list(project.tags),
                "risk_reason": .optional(project.riskReason), "risk_owner": .optional(project.riskOwner),
                "review_date": .optional(project.reviewDate), "provenance": .optional(project.provenance?.rawValue),
            ])
    }

    public init(_ organisation: Organisation) {
        self.init(
            kind: .partner, id: organisation.id,
            values: [
                "name": .text(organisation.name), "kind": .text(organisation.kind.rawValue),
                "district": .text(organisation.district.rawValue), "provenance": .optional(organisation.provenance?.rawValue),
            ])
    }

    public init(_ contact: Contact) {
        self.init(
            kind: .contact, id: contact.id,
            values: [
                "name": .text(contact.name), "role": .text(contact.role), "organisation": .text(contact.organisation),
                "email": .optional(contact.email), "phone": .optional(contact.phone),
            ])
    }

    public init(_ stream: FundingStream) {
        self.init(
            kind: .stream, id: stream.id,
            values: [
                "name": .text(stream.name), "funder": .text(stream.funder), "years": .list(stream.years),
                "total_pence": .pence(stream.total), "notes": .optional(stream.notes),
                "provenance": .optional(stream.provenance?.rawValue),
            ])
    }

    public init(_ allocation: Allocation, stream: String) {
        self.init(
            kind: .allocation, id: allocation.id(stream: stream),
            values: [
                "stream": .text(stream), "project": .text(allocation.project), "year": .text(allocation.year),
                "amount_pence": .pence(allocation.amount), "spent_pence": .optional(allocation.spent),
                "spent_quarters_pence": .list(allocation.spentByQuarter.map(String.init)),
                "provenance": .optional(allocation.provenance?.rawValue),
            ])
    }

    private func string(_ field: String) -> String { self[field].text ?? "" }
    private func optional(_ field: String) -> String? { self[field].isNone ? nil : self[field].text }
    private var provenance: Provenance? { optional("provenance").flatMap(Provenance.init(rawValue:)) }

    public var project: Project {
        Project(
            id: id, title: string("title"), theme: string("theme"), secondaryThemes: self["secondary_themes"].list,
            status: ProjectStatus(rawValue: string("status")) ?? .proposed, lead: string("lead"), partners: self["partners"].list,
            districts: self["districts"].list.compactMap(District.init(rawValue:)), start: optional("start"), end: optional("end"),
            summary: string("summary"), contacts: self["contacts"].list, tags: self["tags"].list, riskReason: optional("risk_reason"),
            riskOwner: optional("risk_owner"), reviewDate: optional("review_date"), provenance: provenance)
    }

    public var organisation: Organisation {
        Organisation(
            id: id, name: string("name"), kind: OrganisationKind(rawValue: string("kind")) ?? .voluntary,
            district: District(rawValue: string("district")) ?? .westYorkshire, provenance: provenance)
    }

    public var contact: Contact {
        Contact(
            id: id, name: string("name"), role: string("role"), organisation: string("organisation"), email: string("email"),
            phone: string("phone"))
    }

    /// The stream's own fields; its allocations are records of their own.
    public func stream(allocations: [Allocation], retiredAllocations: [Allocation]) -> FundingStream {
        FundingStream(
            id: id, name: string("name"), funder: string("funder"), years: self["years"].list, total: self["total_pence"].pence ?? 0,
            allocations: allocations, notes: string("notes"), provenance: provenance, retiredAllocations: retiredAllocations)
    }

    public var allocation: Allocation {
        Allocation(
            project: string("project"), amount: self["amount_pence"].pence ?? 0, year: string("year"), spent: self["spent_pence"].pence,
            spentByQuarter: self["spent_quarters_pence"].list.compactMap { Pence($0) }, provenance: provenance)
    }

    /// `stream/project/2021/22` → its three parts.
    public static func allocationKey(_ id: String) -> (stream: String, project: String, year: String)? {
        let parts = id.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty, !parts[2].isEmpty else { return nil }
        return (String(parts[0]), String(parts[1]), String(parts[2]))
    }
}
