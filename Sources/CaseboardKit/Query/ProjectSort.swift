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
    /// Sorts project rows by `sort`; ties keep their file order (stable), in either direction.
    public func sorted(_ rows: [Int], by sort: ProjectSort) -> [Int] {
        func ordered<Key: Comparable>(_ key: (Int) -> Key) -> [Int] {
            let keyed = rows.map { (key($0), $0) }
            return keyed.sorted { a, b in
                if a.0 != b.0 { return sort.descending ? a.0 > b.0 : a.0 < b.0 }
                return a.1 < b.1
            }.map(\.1)
        }
        switch sort.key {
        case .title: return ordered { SearchKeys.fold(projects[$0].title) }
        case .theme: return ordered { themeIndex[projects[$0].theme] ?? Int.max }
        case .status: return ordered { projects[$0].status.rank }
        case .lead: return ordered { SearchKeys.fold(organisationName(projects[$0].lead)) }
        case .district: return ordered { projects[$0].districts.map { District.allCases.firstIndex(of: $0)! }.min() ?? 0 }
        case .funding: return ordered { projectFunding[$0] }
        case .start: return ordered { projects[$0].start ?? "" }
        case .end: return ordered { projects[$0].end ?? "" }
        }
    }
}
