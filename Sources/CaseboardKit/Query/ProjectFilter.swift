/// What narrows the project list. Empty sets mean "any".
public struct ProjectFilter: Equatable, Sendable {
    /// A project matches when its primary or a secondary theme is in the set.
    public var themes: Set<String> = []
    public var statuses: Set<ProjectStatus> = []
    /// A project matches when it works in any of these districts.
    public var districts: Set<District> = []
    /// Free text, matched case- and diacritics-insensitively against title, summary, tags,
    /// partner and contact names.
    public var text: String = ""

    public init(themes: Set<String> = [], statuses: Set<ProjectStatus> = [], districts: Set<District> = [], text: String = "") {
        self.themes = themes
        self.statuses = statuses
        self.districts = districts
        self.text = text
    }

    public var isEmpty: Bool { themes.isEmpty && statuses.isEmpty && districts.isEmpty && text.isEmpty }

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
    /// Rows of the projects that pass `filter`, in file order: one linear pass, no parsing.
    public func matchingRows(_ filter: ProjectFilter, among rows: [Int]? = nil) -> [Int] {
        let needle = Array(SearchKeys.fold(filter.text.trimmingCharacters(in: .whitespaces)).utf8)
        let checkThemes = !filter.themes.isEmpty
        let checkStatuses = !filter.statuses.isEmpty
        let checkDistricts = !filter.districts.isEmpty
        var out: [Int] = []
        func test(_ row: Int) {
            let project = projects[row]
            if checkStatuses && !filter.statuses.contains(project.status) { return }
            if checkThemes && !filter.themes.contains(project.theme)
                && !project.secondaryThemes.contains(where: filter.themes.contains)
            {
                return
            }
            if checkDistricts && !project.districts.contains(where: filter.districts.contains) { return }
            if !needle.isEmpty && !searchKeys.contains(needle, row: row) { return }
            out.append(row)
        }
        if let rows {
            for row in rows { test(row) }
        } else {
            out.reserveCapacity(projects.count)
            for row in projects.indices { test(row) }
        }
        return out
    }

    /// Whether one project passes `filter` (for checking a single record after a change).
    public func matches(row: Int, _ filter: ProjectFilter) -> Bool { !matchingRows(filter, among: [row]).isEmpty }
}
