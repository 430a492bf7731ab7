import Foundation

/// Money added up along one dimension.
public struct FundingLine: Equatable, Sendable {
    public var key: String
    public var label: String
    public var amount: Pence

    public init(key: String, label: String, amount: Pence) {
        self.key = key
        self.label = label
        self.amount = amount
    }
}

/// A stream's money, restricted to the allocations whose projects pass a filter.
public struct StreamTotals: Equatable, Sendable {
    public var stream: String
    public var total: Pence
    /// Allocated to projects that pass the filter.
    public var allocated: Pence
    /// Allocated to any project; `total - allocatedToAll` is what is still unallocated.
    public var allocatedToAll: Pence
    public var unallocated: Pence { total - allocatedToAll }
}

/// Which project rows count: all of them, or those marked. A flat bit array, so building
/// one from a filter result and testing membership cost no hashing.
public struct RowMask: Sendable {
    private let bits: [Bool]?

    public static let all = RowMask(bits: nil)

    private init(bits: [Bool]?) { self.bits = bits }

    public init(rows: [Int], count: Int) {
        var bits = [Bool](repeating: false, count: count)
        for row in rows { bits[row] = true }
        self.bits = bits
    }

    public var isAll: Bool { bits == nil }

    public func contains(_ row: Int) -> Bool { bits?[row] ?? true }
}

extension Dataset {
    public func mask(_ rows: [Int]) -> RowMask { RowMask(rows: rows, count: projects.count) }

    /// The allocations whose projects are in `rows` (nil: all), with their stream.
    public func allocations(forRows rows: Set<Int>?) -> [(stream: FundingStream, allocation: Allocation, row: Int)] {
        allocations(in: rows.map { mask(Array($0)) } ?? .all)
    }

    public func allocations(in mask: RowMask) -> [(stream: FundingStream, allocation: Allocation, row: Int)] {
        var out: [(FundingStream, Allocation, Int)] = []
        for (streamRow, stream) in funding.enumerated() {
            for (index, allocation) in stream.allocations.enumerated() {
                let row = Int(allocationRows[streamRow][index])
                guard row >= 0, mask.contains(row) else { continue }
                out.append((stream, allocation, row))
            }
        }
        return out
    }

    /// One project's allocations, in stream order, without scanning other projects.
    public func allocations(ofProject row: Int) -> [(stream: FundingStream, allocation: Allocation, row: Int)] {
        (allocationsByProject[row] ?? []).map { ref in (funding[ref.stream], funding[ref.stream].allocations[ref.index], row) }
    }

    public func streamTotals(forRows rows: Set<Int>?) -> [StreamTotals] {
        streamTotals(in: rows.map { mask(Array($0)) } ?? .all)
    }

    /// Per stream; with `year`, `allocated` counts only that financial year's allocations.
    public func streamTotals(in mask: RowMask, year: String? = nil) -> [StreamTotals] {
        funding.enumerated().map { streamRow, stream in
            var matching: Pence = 0
            for (index, allocation) in stream.allocations.enumerated() where year == nil || allocation.year == year {
                let row = Int(allocationRows[streamRow][index])
                guard row >= 0, mask.contains(row) else { continue }
                matching += allocation.amount
            }
            return StreamTotals(stream: stream.id, total: stream.total, allocated: matching, allocatedToAll: stream.allocated)
        }
    }

    /// Allocated money by the project's primary theme, in the strategy's theme order.
    public func fundingByTheme(forRows rows: Set<Int>? = nil, stream: String? = nil) -> [FundingLine] {
        fundingByTheme(in: rows.map { mask(Array($0)) } ?? .all, stream: stream)
    }

    public func fundingByTheme(in mask: RowMask, stream: String? = nil) -> [FundingLine] {
        var sums = [Pence](repeating: 0, count: Theme.knownIDs.count)
        for (streamRow, candidate) in funding.enumerated() where stream == nil || candidate.id == stream {
            for (index, allocation) in candidate.allocations.enumerated() {
                let row = Int(allocationRows[streamRow][index])
                guard row >= 0, mask.contains(row) else { continue }
                sums[Int(projects.themes[row])] += allocation.amount
            }
        }
        return themes.map { theme in
            FundingLine(key: theme.id, label: theme.name, amount: Theme.knownIDs.firstIndex(of: theme.id).map { sums[$0] } ?? 0)
        }
    }

    /// Allocated money by district; a project in several districts counts as West Yorkshire-wide.
    public func fundingByDistrict(forRows rows: Set<Int>? = nil) -> [FundingLine] {
        var sums: [District: Pence] = [:]
        for entry in allocations(forRows: rows) {
            let listed = projects.districts[entry.row]
            let district = listed.count == 1 ? District.allCases[Int(listed.first!)] : .westYorkshire
            sums[district, default: 0] += entry.allocation.amount
        }
        return District.allCases.map { FundingLine(key: $0.rawValue, label: $0.name, amount: sums[$0] ?? 0) }
    }

    /// Stream totals by funder, largest first (ties by name).
    public func fundingByFunder() -> [FundingLine] {
        var sums: [String: Pence] = [:]
        for stream in funding { sums[stream.funder, default: 0] += stream.total }
        return sums.map { FundingLine(key: $0.key, label: organisationName($0.key), amount: $0.value) }
            .sorted { $0.amount != $1.amount ? $0.amount > $1.amount : $0.label < $1.label }
    }

    /// Allocated money by financial year, oldest first.
    public func fundingByYear(forRows rows: Set<Int>? = nil) -> [FundingLine] {
        var sums: [String: Pence] = [:]
        for entry in allocations(forRows: rows) { sums[entry.allocation.year, default: 0] += entry.allocation.amount }
        return sums.keys.sorted().map { FundingLine(key: $0, label: $0, amount: sums[$0]!) }
    }

    /// Projects in `rows` counted by status.
    public func statusCounts(_ rows: [Int]) -> [ProjectStatus: Int] {
        var counts: [ProjectStatus: Int] = [:]
        for row in rows { counts[projects.statuses[row], default: 0] += 1 }
        return counts
    }

    /// Organisations that lead or deliver any project in `rows`, in file order.
    public func organisationRows(involvedIn rows: [Int]) -> [Int] {
        var involved = [Bool](repeating: false, count: organisations.count)
        for row in rows {
            involved[Int(projects.leads[row])] = true
            for partner in projects.partners[row] { involved[Int(partner)] = true }
        }
        return organisations.indices.filter { involved[$0] }
    }

    /// Contacts named on any project in `rows`, in file order.
    public func contactRows(involvedIn rows: [Int]) -> [Int] {
        var named = [Bool](repeating: false, count: contacts.count)
        for row in rows { for contact in projects.contacts[row] { named[Int(contact)] = true } }
        return contacts.indices.filter { named[$0] }
    }

    /// Projects an organisation leads or delivers, in file order.
    public func projectRows(involving organisation: String) -> [Int] {
        organisationIndex[organisation].map { projectsByOrganisation[$0] } ?? []
    }

    /// Projects that name a contact, in file order.
    public func projectRows(naming contact: String) -> [Int] {
        contactIndex[contact].map { projectsByContact[$0] } ?? []
    }

    /// Contacts who work at an organisation, in file order.
    public func contactRows(at organisation: String) -> [Int] {
        organisationIndex[organisation].map { contactsByOrganisation[$0] } ?? []
    }

    /// Organisations whose name or kind, or one of whose contacts' name or role, contains each word of `text`
    /// (case- and accent-insensitive), in file order.
    public func organisationRows(matching text: String) -> [Int] {
        // Every plain word must match somewhere (the name, the kind or a contact); field words are for projects.
        let words = SearchQuery(text).words
        guard !words.isEmpty else { return Array(organisations.indices) }
        return organisations.indices.filter { row in
            words.allSatisfy { needle in
                if organisationSortKeys[row].contains(needle) || SearchKeys.fold(organisations[row].kind.label).contains(needle) {
                    return true
                }
                return contactsByOrganisation[row].contains {
                    SearchKeys.fold(contacts[$0].name + " " + contacts[$0].role).contains(needle)
                }
            }
        }
    }
}
