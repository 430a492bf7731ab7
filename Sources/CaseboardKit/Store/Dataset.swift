/// Where one allocation sits: its stream's row and its index in that stream.
public struct AllocationRef: Equatable, Sendable {
    public var stream: Int
    public var index: Int
}

/// Everything in a data directory, validated and indexed for the queries the UI and CLI make.
public struct Dataset: Sendable {
    public private(set) var themes: [Theme]
    public private(set) var organisations: [Organisation]
    public private(set) var contacts: [Contact]
    public private(set) var projects: [Project]
    public private(set) var funding: [FundingStream]

    public private(set) var themeIndex: [String: Int] = [:]
    public private(set) var organisationIndex: [String: Int] = [:]
    public private(set) var contactIndex: [String: Int] = [:]
    public private(set) var projectIndex: [String: Int] = [:]
    public private(set) var fundingIndex: [String: Int] = [:]
    /// Per project: everything allocated to it, across all streams.
    public private(set) var projectFunding: [Pence] = []
    /// Per project: its allocations as (stream row, allocation index) pairs.
    public private(set) var allocationsByProject: [[AllocationRef]] = []
    /// Per project: folded title, summary, partner and contact names, for free-text search.
    public private(set) var searchKeys = SearchKeys()
    /// Per organisation: folded name, for sorting and searching by name.
    public private(set) var organisationSortKeys: [String] = []
    /// Per organisation: project rows it leads or delivers, contact rows who work there.
    public private(set) var projectsByOrganisation: [[Int]] = []
    public private(set) var contactsByOrganisation: [[Int]] = []
    /// Per contact: project rows that name them.
    public private(set) var projectsByContact: [[Int]] = []
    /// Per organisation: how many contacts work there.
    public var contactCounts: [Int] { contactsByOrganisation.map(\.count) }

    public init(
        themes: [Theme], organisations: [Organisation], contacts: [Contact], projects: [Project],
        funding: [FundingStream]
    ) {
        self.themes = themes
        self.organisations = organisations
        self.contacts = contacts
        self.projects = projects
        self.funding = funding
        reindex()
    }

    private mutating func reindex() {
        themeIndex = Self.index(themes.map(\.id))
        organisationIndex = Self.index(organisations.map(\.id))
        contactIndex = Self.index(contacts.map(\.id))
        projectIndex = Self.index(projects.map(\.id))
        fundingIndex = Self.index(funding.map(\.id))
        projectFunding = Array(repeating: 0, count: projects.count)
        allocationsByProject = Array(repeating: [], count: projects.count)
        for (streamRow, stream) in funding.enumerated() {
            for (index, allocation) in stream.allocations.enumerated() {
                guard let row = projectIndex[allocation.project] else { continue }
                projectFunding[row] += allocation.amount
                allocationsByProject[row].append(AllocationRef(stream: streamRow, index: index))
            }
        }
        organisationSortKeys = organisations.map { SearchKeys.fold($0.name) }
        projectsByOrganisation = Array(repeating: [], count: organisations.count)
        contactsByOrganisation = Array(repeating: [], count: organisations.count)
        projectsByContact = Array(repeating: [], count: contacts.count)
        for (row, contact) in contacts.enumerated() {
            if let organisation = organisationIndex[contact.organisation] { contactsByOrganisation[organisation].append(row) }
        }
        for (row, project) in projects.enumerated() {
            var seen: [Int] = []
            for id in [project.lead] + project.partners {
                guard let organisation = organisationIndex[id], !seen.contains(organisation) else { continue }
                seen.append(organisation)
                projectsByOrganisation[organisation].append(row)
            }
            for id in project.contacts {
                if let contact = contactIndex[id] { projectsByContact[contact].append(row) }
            }
        }
        var keys = SearchKeys()
        keys.reserve(projects: projects.count)
        for project in projects {
            var parts = [project.title, project.summary, project.id]
            parts.append(contentsOf: project.tags)
            for id in [project.lead] + project.partners {
                if let row = organisationIndex[id] { parts.append(organisations[row].name) }
            }
            for id in project.contacts {
                if let row = contactIndex[id] { parts.append(contacts[row].name) }
            }
            keys.append(parts.joined(separator: "\u{1F}"))
        }
        searchKeys = keys
    }

    private static func index(_ ids: [String]) -> [String: Int] {
        var out: [String: Int] = [:]
        out.reserveCapacity(ids.count)
        for (row, id) in ids.enumerated() where out[id] == nil { out[id] = row }
        return out
    }

    public func project(_ id: String) -> Project? { projectIndex[id].map { projects[$0] } }
    public func organisation(_ id: String) -> Organisation? { organisationIndex[id].map { organisations[$0] } }
    public func contact(_ id: String) -> Contact? { contactIndex[id].map { contacts[$0] } }
    public func theme(_ id: String) -> Theme? { themeIndex[id].map { themes[$0] } }
    public func stream(_ id: String) -> FundingStream? { fundingIndex[id].map { funding[$0] } }

    public func organisationName(_ id: String) -> String { organisation(id)?.name ?? id }
    public func themeName(_ id: String) -> String { theme(id)?.name ?? id }

    /// Changes one project's status in place; the only mutation the journal needs.
    /// Search keys and funding do not depend on status, so nothing is re-indexed.
    public mutating func setStatus(_ status: ProjectStatus, ofProjectAt row: Int) {
        projects[row].status = status
    }
}
