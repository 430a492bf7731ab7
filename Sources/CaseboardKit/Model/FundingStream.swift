/// A pot of money (a grant, a fund) and how it has been shared out between projects.
public struct FundingStream: Equatable, Sendable {
    public var id: String
    public var name: String
    /// Organisation id of the funder.
    public var funder: String
    /// Financial years, "2021/22" style (1 April – 31 March).
    public var years: [String]
    public var total: Pence
    public var allocations: [Allocation]
    public var notes: String
    public var provenance: Provenance?
    /// Allocations taken out with `retire`: kept for history and exports, counted nowhere.
    public var retiredAllocations: [Allocation]

    public init(
        id: String, name: String, funder: String, years: [String], total: Pence, allocations: [Allocation],
        notes: String = "", provenance: Provenance? = nil, retiredAllocations: [Allocation] = []
    ) {
        self.id = id
        self.name = name
        self.funder = funder
        self.years = years
        self.total = total
        self.allocations = allocations
        self.notes = notes
        self.provenance = provenance
        self.retiredAllocations = retiredAllocations
    }

    public var allocated: Pence { allocations.reduce(0) { $0 + $1.amount } }
    public var unallocated: Pence { total - allocated }
    /// Spend reported so far; allocations with no spend figure count as nothing spent.
    public var spent: Pence { allocations.reduce(0) { $0 + ($1.spent ?? 0) } }
}

public struct Allocation: Equatable, Sendable {
    public var project: String
    public var amount: Pence
    public var year: String
    /// Spent so far in the allocation's year; nil when nobody has said.
    public var spent: Pence?
    /// Spend by quarter (April–June first) where known: empty, or four figures adding up to `spent`.
    public var spentByQuarter: [Pence]
    public var provenance: Provenance?

    public init(
        project: String, amount: Pence, year: String, spent: Pence? = nil, spentByQuarter: [Pence] = [],
        provenance: Provenance? = nil
    ) {
        self.project = project
        self.amount = amount
        self.year = year
        self.spent = spent
        self.spentByQuarter = spentByQuarter
        self.provenance = provenance
    }

    /// How records name one allocation: a stream, a project and a year identify it.
    public func id(stream: String) -> String { "\(stream)/\(project)/\(year)" }
}
