import Foundation

/// Where one allocation sits: its stream's row and its index in that stream.
public struct AllocationRef: Equatable, Sendable {
    public var stream: Int
    public var index: Int
}

/// Search keys built once, off the path to the first frame, and shared by every copy of the dataset (they do
/// not depend on status, the one thing that changes).
final class SearchIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var table: ProjectTable?
    private var built: SearchKeys?

    init(_ table: ProjectTable) {
        self.table = table
        // A thread, not a queue: loading has just used both cores and this must not wait behind anything.
        Thread { [self] in _ = keys }.start()
    }

    var keys: SearchKeys {
        lock.withLock {
            if let built { return built }
            let keys = SearchKeys(table ?? ProjectTable())
            built = keys
            table = nil
            return keys
        }
    }
}

/// Each project's allocated money and where its allocations sit.
struct ProjectMoney: Sendable {
    var totals: [Pence]
    var allocations: [Int: [AllocationRef]] = [:]
    /// Per stream, per allocation: the project's row (-1 if unknown), so sums never look ids up again.
    var rows: [[Int32]] = []

    init(_ funding: [FundingStream], projectIndex: [String: Int], count: Int) {
        totals = Array(repeating: 0, count: count)
        for (streamRow, stream) in funding.enumerated() {
            var streamRows: [Int32] = []
            streamRows.reserveCapacity(stream.allocations.count)
            for (index, allocation) in stream.allocations.enumerated() {
                guard let row = projectIndex[allocation.project] else {
                    streamRows.append(-1)
                    continue
                }
                streamRows.append(Int32(row))
                totals[row] += allocation.amount
                allocations[row, default: []].append(AllocationRef(stream: streamRow, index: index))
            }
            rows.append(streamRows)
        }
    }
}

/// Who works with which project, and organisations and contacts by name: built from the table alone, so the
/// loader can make it on one core while another does the rest.
struct ProjectLinks: Sendable {
    var organisationSortKeys: [String]
    var organisationRanks: [Int32]
    var contactSortKeys: [String]
    var projectsByOrganisation: [[Int]]
    var contactsByOrganisation: [[Int]]
    var projectsByContact: [[Int]]

    init(_ projects: ProjectTable, organisations: [Organisation], contacts: [Contact]) {
        organisationSortKeys = organisations.map { SearchKeys.fold($0.name) }
        organisationRanks = Dataset.ranks(of: organisationSortKeys)
        contactSortKeys = contacts.map { SearchKeys.fold($0.name) }
        let organisationIndex = Dataset.index(organisations.map(\.id))
        projectsByOrganisation = Array(repeating: [], count: organisations.count)
        contactsByOrganisation = Array(repeating: [], count: organisations.count)
        projectsByContact = Array(repeating: [], count: contacts.count)
        for (row, contact) in contacts.enumerated() {
            if let organisation = organisationIndex[contact.organisation] { contactsByOrganisation[organisation].append(row) }
        }
        for row in projects.indices {
            let lead = Int(projects.leads[row])
            projectsByOrganisation[lead].append(row)
            for partner in projects.partners[row] where Int(partner) != lead {
                if projectsByOrganisation[Int(partner)].last != row { projectsByOrganisation[Int(partner)].append(row) }
            }
            for contact in projects.contacts[row] where projectsByContact[Int(contact)].last != row {
                projectsByContact[Int(contact)].append(row)
            }
        }
    }
}

/// Everything in a data directory, validated and indexed for the queries the UI and CLI make.
public struct Dataset: Sendable {
    public private(set) var themes: [Theme]
    public private(set) var organisations: [Organisation]
    public private(set) var contacts: [Contact]
    public private(set) var projects: ProjectTable
    public private(set) var funding: [FundingStream]
    /// Retired records, apart from the ones in use (which never point at them).
    public internal(set) var retired = RetiredRecords()

    public private(set) var themeIndex: [String: Int] = [:]
    public private(set) var organisationIndex: [String: Int] = [:]
    public private(set) var contactIndex: [String: Int] = [:]
    public private(set) var projectIndex: [String: Int]
    public private(set) var fundingIndex: [String: Int] = [:]
    /// For each index of `Theme.knownIDs` (the table's theme column), the row in `themes`.
    public private(set) var themeRows: [Int] = []
    /// Per project: everything allocated to it, across all streams.
    public private(set) var projectFunding: [Pence] = []
    /// Per stream, per allocation: the row of the project it funds (-1 when unknown).
    public private(set) var allocationRows: [[Int32]] = []
    /// Per project: its allocations as (stream row, allocation index) pairs, empty for most.
    public private(set) var allocationsByProject: [Int: [AllocationRef]] = [:]
    /// Folded title, summary, id and tags per project, for free-text search: built on another core as
    /// soon as the data is loaded (the first frame does not need them), or on first use if that comes sooner.
    private let searchIndex: SearchIndex
    public var searchKeys: SearchKeys { searchIndex.keys }
    /// Per project: where its folded title ranks (equal titles share a rank), for sorting.
    public private(set) var titleRanks: [Int32] = []
    /// Per contact: folded name, for searching.
    public private(set) var contactSortKeys: [String] = []
    /// Per organisation: folded name, for sorting and searching by name; and its rank by that name.
    public private(set) var organisationSortKeys: [String] = []
    public private(set) var organisationRanks: [Int32] = []
    /// Per organisation: project rows it leads or delivers, contact rows who work there.
    public private(set) var projectsByOrganisation: [[Int]] = []
    public private(set) var contactsByOrganisation: [[Int]] = []
    /// Per contact: project rows that name them.
    public private(set) var projectsByContact: [[Int]] = []

    public init(themes: [Theme], organisations: [Organisation], contacts: [Contact], projects: [Project], funding: [FundingStream]) {
        let organisationIndex = Self.index(organisations.map(\.id))
        let contactIndex = Self.index(contacts.map(\.id))
        var table = ProjectTable(organisationIDs: organisations.map(\.id), contactIDs: contacts.map(\.id))
        table.reserve(projects.count, textBytes: projects.count * 160)
        for project in projects { table.append(project, organisationIndex: organisationIndex, contactIndex: contactIndex) }
        self.init(themes: themes, organisations: organisations, contacts: contacts, table: table, funding: funding)
    }

    /// From a table built straight from the file (the loader's fast path), with the parts the loader already
    /// made on other cores.
    init(
        themes: [Theme], organisations: [Organisation], contacts: [Contact], table: ProjectTable, projectIndex: [String: Int]? = nil,
        funding: [FundingStream], titleRanks: [Int32]? = nil, links: ProjectLinks? = nil,
        money: ProjectMoney? = nil
    ) {
        self.themes = themes
        self.organisations = organisations
        self.contacts = contacts
        self.projects = table
        self.funding = funding
        searchIndex = SearchIndex(table)
        self.projectIndex = projectIndex ?? Self.index(table.ids)
        let money = money ?? ProjectMoney(funding, projectIndex: self.projectIndex, count: table.count)
        projectFunding = money.totals
        allocationsByProject = money.allocations
        allocationRows = money.rows
        reindex(links: links ?? ProjectLinks(table, organisations: organisations, contacts: contacts))
        self.titleRanks = titleRanks ?? TitleRanks.compute(table)
    }

    private mutating func reindex(links: ProjectLinks) {
        themeIndex = Self.index(themes.map(\.id))
        themeRows = Theme.knownIDs.map { themeIndex[$0] ?? 0 }
        organisationIndex = Self.index(organisations.map(\.id))
        contactIndex = Self.index(contacts.map(\.id))
        fundingIndex = Self.index(funding.map(\.id))
        organisationSortKeys = links.organisationSortKeys
        organisationRanks = links.organisationRanks
        contactSortKeys = links.contactSortKeys
        projectsByOrganisation = links.projectsByOrganisation
        contactsByOrganisation = links.contactsByOrganisation
        projectsByContact = links.projectsByContact
        LoadTrace.mark("indexes")
    }

    static func index(_ ids: [String]) -> [String: Int] {
        var out: [String: Int] = [:]
        out.reserveCapacity(ids.count)
        for (row, id) in ids.enumerated() where out[id] == nil { out[id] = row }
        return out
    }

    /// Rank of each string in sorted order; equal strings share a rank.
    static func ranks(of keys: [String]) -> [Int32] {
        let order = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        var ranks = [Int32](repeating: 0, count: keys.count)
        var rank: Int32 = 0
        for (position, row) in order.enumerated() {
            if position > 0 && keys[order[position - 1]] != keys[row] { rank += 1 }
            ranks[row] = rank
        }
        return ranks
    }

    public func project(_ id: String) -> Project? { projectIndex[id].map { projects[$0] } }
    public func organisation(_ id: String) -> Organisation? { organisationIndex[id].map { organisations[$0] } }
    public func contact(_ id: String) -> Contact? { contactIndex[id].map { contacts[$0] } }
    public func theme(_ id: String) -> Theme? { themeIndex[id].map { themes[$0] } }
    public func stream(_ id: String) -> FundingStream? { fundingIndex[id].map { funding[$0] } }

    public func organisationName(_ id: String) -> String { organisation(id)?.name ?? id }
    public func themeName(_ id: String) -> String { theme(id)?.name ?? id }
    /// The lead organisation's name, without building the whole project.
    public func leadName(ofProjectAt row: Int) -> String { organisations[Int(projects.leads[row])].name }

    /// Changes one project's status in place; the only mutation the journal needs.
    /// Search keys, sort ranks and funding do not depend on status, so nothing is re-indexed.
    public mutating func setStatus(_ status: ProjectStatus, ofProjectAt row: Int) {
        projects.setStatus(status, row: row)
    }

    /// Sets why a project is at risk or paused; nothing indexed depends on it.
    public mutating func setRisk(reason: String?, owner: String?, review: String?, ofProjectAt row: Int) {
        projects.setRisk(reason: reason, owner: owner, review: review, row: row)
    }
}

/// Records taken out of use with `retire`: kept (history and exports still show them), counted nowhere.
public struct RetiredRecords: Equatable, Sendable {
    public var organisations: [Organisation] = []
    public var contacts: [Contact] = []
    public var projects: [Project] = []
    public var funding: [FundingStream] = []

    public init() {}

    public var isEmpty: Bool { organisations.isEmpty && contacts.isEmpty && projects.isEmpty && funding.isEmpty }
}
