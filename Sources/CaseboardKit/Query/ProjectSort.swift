/// Columns the project list can be sorted by.
public enum ProjectSortKey: String, CaseIterable, Sendable {
    case title, theme, status, lead, district, funding, start, end

    public var label: String { rawValue }
}

public struct ProjectSort: Equatable, Sendable {
    public var key: ProjectSortKey
    public var descending: Bool

    public init(_ key: ProjectSortKey = .title, descending: Bool = false) {
        self.key = key
        self.descending = descending
    }
}

extension Dataset {
    /// Sorts project rows by `sort`; ties keep the order of `rows` (stable), in either direction.
    /// Every column is turned into an integer key per row (titles by their precomputed rank), then a stable
    /// radix sort orders them: linear in the number of rows, whatever the column.
    public func sorted(_ rows: [Int], by sort: ProjectSort) -> [Int] {
        // Titles have ranks below the number of projects: a counting sort, one pass each way.
        if sort.key == .title { return RadixSort.countingOrder(rows, keys: titleRanks, descending: sort.descending) }
        let keys: [UInt64]
        switch sort.key {
        case .title: keys = rows.map { UInt64(titleRanks[$0]) }
        case .theme: keys = rows.map { UInt64(themeRows[Int(projects.themes[$0])]) }
        case .status: keys = rows.map { UInt64(projects.statuses[$0].rank) }
        case .lead: keys = rows.map { UInt64(organisationRanks[Int(projects.leads[$0])]) }
        case .district: keys = rows.map { UInt64(projects.districts[$0].min() ?? 0) }
        case .funding: keys = rows.map { UInt64(bitPattern: projectFunding[$0]) ^ (1 << 63) }
        case .start: keys = rows.map { Self.dateKey(projects.starts[$0], descending: sort.descending) }
        case .end: keys = rows.map { Self.dateKey(projects.ends[$0], descending: sort.descending) }
        }
        return RadixSort.stableOrder(keys, descending: sort.descending).map { rows[$0] }
    }

    /// A project without the date goes last whichever way the dates run: "ends soonest" and "ends latest"
    /// both want the dated projects first.
    static func dateKey(_ date: Int32, descending: Bool) -> UInt64 {
        date == 0 ? (descending ? 0 : UInt64.max) : UInt64(UInt32(bitPattern: date))
    }
}

/// Least-significant-digit radix sort on 64-bit keys, skipping digits that are the same in every key:
/// stable, so equal keys keep their input order in both directions. Digits are 16 bits for large inputs and
/// 8 bits for small ones (so the buckets never outnumber the keys); tiny inputs are simply compared.
enum RadixSort {
    /// `rows` ordered by `keys[row]` (small non-negative integers below `keys.count`), stable.
    static func countingOrder(_ rows: [Int], keys: [Int32], descending: Bool) -> [Int] {
        var counts = [Int](repeating: 0, count: keys.count + 1)
        for row in rows {
            let key = Int(keys[row])
            counts[(descending ? keys.count - 1 - key : key) + 1] += 1
        }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        var out = [Int](repeating: 0, count: rows.count)
        for row in rows {
            let key = Int(keys[row])
            let slot = descending ? keys.count - 1 - key : key
            out[counts[slot]] = row
            counts[slot] += 1
        }
        return out
    }

    static func stableOrder(_ keys: [UInt64], descending: Bool) -> [Int] {
        let count = keys.count
        var order = Array(0..<count)
        guard count > 1 else { return order }
        let keys = descending ? keys.map { ~$0 } : keys
        if count < 256 {
            order.sort { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
            return order
        }
        let bits = count >= 200_000 ? 16 : 8
        let digitMask = UInt64((1 << bits) - 1)
        var scratch = [Int](repeating: 0, count: count)
        var buckets = [Int](repeating: 0, count: (1 << bits) + 1)
        let combinedOr = keys.reduce(UInt64(0), |)
        let combinedAnd = keys.reduce(~UInt64(0), &)
        for shift in stride(from: 0, to: 64, by: bits) {
            let shift = UInt64(shift)
            // A digit that is the same in every key changes nothing.
            if (combinedOr >> shift) & digitMask == (combinedAnd >> shift) & digitMask { continue }
            for index in buckets.indices { buckets[index] = 0 }
            for position in 0..<count { buckets[Int((keys[order[position]] >> shift) & digitMask) + 1] += 1 }
            for index in 1..<buckets.count { buckets[index] += buckets[index - 1] }
            for position in 0..<count {
                let digit = Int((keys[order[position]] >> shift) & digitMask)
                scratch[buckets[digit]] = order[position]
                buckets[digit] += 1
            }
            swap(&order, &scratch)
        }
        return order
    }
}
