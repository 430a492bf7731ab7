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

    public init(
        id: String, name: String, funder: String, years: [String], total: Pence, allocations: [Allocation],
        notes: String = ""
    ) {
        self.id = id
        self.name = name
        self.funder = funder
        self.years = years
        self.total = total
        self.allocations = allocations
        self.notes = notes
    }

    public var allocated: Pence { allocations.reduce(0) { $0 + $1.amount } }
    public var unallocated: Pence { total - allocated }
}

public struct Allocation: Equatable, Sendable {
    public var project: String
    public var amount: Pence
    public var year: String

    public init(project: String, amount: Pence, year: String) {
        self.project = project
        self.amount = amount
        self.year = year
    }
}
