/// What narrows the project list. Empty sets mean "any".
public struct ProjectFilter: Equatable, Sendable {
    /// A project matches when its primary or a secondary theme is in the set.
    public var themes: Set<String> = []
    public var statuses: Set<ProjectStatus> = []
    /// A project matches when it works in any of these districts.
    public var districts: Set<District> = []
    /// The search line, read by `SearchQuery`: words matched case- and diacritics-insensitively against
    /// title, summary, tags, partner and contact names, and field words such as `status:at-risk`.
    public var text: String = ""
    /// Start and end date bounds (see `DateFilter`).
    public var dates = DateFilter()

    public init(
        themes: Set<String> = [], statuses: Set<ProjectStatus> = [], districts: Set<District> = [], text: String = "",
        dates: DateFilter = DateFilter()
    ) {
        self.themes = themes
        self.statuses = statuses
        self.districts = districts
        self.text = text
        self.dates = dates
    }

    public var isEmpty: Bool { themes.isEmpty && statuses.isEmpty && districts.isEmpty && text.isEmpty && dates.isEmpty }

    /// The same filter without its themes: what the theme counts are taken over.
    public var withoutThemes: ProjectFilter {
        var copy = self
        copy.themes = []
        return copy
    }

    /// The same filter without its text: what the theme, status and district choices alone allow.
    public var withoutText: ProjectFilter {
        var copy = self
        copy.text = ""
        return copy
    }
}

extension Dataset {
    /// Rows of the projects that pass `filter`, in the order of `rows` (file order when nil): one linear pass
    /// over small columns, then the text search over the survivors.
    public func matchingRows(_ filter: ProjectFilter, among rows: [Int]? = nil) -> [Int] {
        let query = SearchQuery(filter.text)
        var themeMask: UInt8 = 0
        for theme in filter.themes { if let index = Theme.knownIDs.firstIndex(of: theme) { themeMask |= 1 << index } }
        var districtMask: UInt8 = 0
        for district in filter.districts { districtMask |= 1 << District.allCases.firstIndex(of: district)! }
        var statusAllowed = [Bool](repeating: filter.statuses.isEmpty, count: ProjectStatus.allCases.count)
        for status in filter.statuses { statusAllowed[status.rank] = true }
        let checkThemes = !filter.themes.isEmpty
        let checkDistricts = !filter.districts.isEmpty
        let checkStatuses = !filter.statuses.isEmpty
        let dates = filter.dates
        let checkDates = !dates.isEmpty
        var out: [Int] = []
        func scan<S: Sequence>(_ candidates: S) where S.Element == Int {
            projects.themeMasks.withUnsafeBufferPointer { themes in
                projects.districtMasks.withUnsafeBufferPointer { districts in
                    projects.statuses.withUnsafeBufferPointer { statuses in
                        projects.starts.withUnsafeBufferPointer { starts in
                            projects.ends.withUnsafeBufferPointer { ends in
                                for row in candidates {
                                    if checkThemes && themes[row] & themeMask == 0 { continue }
                                    if checkDistricts && districts[row] & districtMask == 0 { continue }
                                    if checkStatuses && !statusAllowed[statuses[row].rank] { continue }
                                    if checkDates && !dates.passes(start: starts[row], end: ends[row]) { continue }
                                    out.append(row)
                                }
                            }
                        }
                    }
                }
            }
        }
        if !checkThemes && !checkDistricts && !checkStatuses && !checkDates {
            out = rows ?? Array(projects.indices)
        } else if let rows {
            out.reserveCapacity(rows.count)
            scan(rows)
        } else {
            out.reserveCapacity(projects.count)
            scan(projects.indices)
        }
        return self.rows(self.rows(out, passingFields: query), containingWords: query.words)
    }

    /// Rows whose own text contains `needle`, or whose lead, partners or contacts have it in their names.
    func rowsMatchingText(_ candidates: [Int], _ needle: [UInt8]) -> [Int] {
        // Each organisation and contact is checked once; projects then only look up their rows.
        let organisationHits = organisationSortKeys.map { SearchKeys.key($0, contains: needle) }
        let contactHits = contactSortKeys.map { SearchKeys.key($0, contains: needle) }
        let anyOrganisation = organisationHits.contains(true)
        let anyContact = contactHits.contains(true)
        func viaNames(_ row: Int) -> Bool {
            if anyOrganisation {
                if organisationHits[Int(projects.leads[row])] { return true }
                for partner in projects.partners[row] where organisationHits[Int(partner)] { return true }
            }
            if anyContact {
                for contact in projects.contacts[row] where contactHits[Int(contact)] { return true }
            }
            return false
        }
        guard candidates.count > projects.count / 2 else {
            return searchKeys.rows(candidates, containing: needle, also: anyOrganisation || anyContact ? viaNames : nil)
        }
        // Many candidates: a flag per project from one scan of the keys, then the names in row order (the
        // columns are read front to back), then the candidates in their own order.
        var hits = searchKeys.rowsContaining(needle)
        if anyOrganisation || anyContact {
            for row in hits.indices where !hits[row] && viaNames(row) { hits[row] = true }
        }
        var out: [Int] = []
        out.reserveCapacity(candidates.count)
        for row in candidates where hits[row] { out.append(row) }
        return out
    }

    /// Whether one project passes `filter` (for checking a single record after a change).
    public func matches(row: Int, _ filter: ProjectFilter) -> Bool { !matchingRows(filter, among: [row]).isEmpty }
}
