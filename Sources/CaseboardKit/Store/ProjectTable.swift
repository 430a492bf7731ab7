/// A run of bytes in a table's text arena.
public struct TextSpan: Equatable, Sendable {
    public var start: UInt32
    public var count: UInt32

    public init(start: UInt32, count: UInt32) {
        self.start = start
        self.count = count
    }
}

/// Lists of small values per row, stored flat: row `r` owns `values[offsets[r]..<offsets[r + 1]]`.
public struct RowLists<Element: Sendable>: Sendable {
    public private(set) var offsets: [Int32] = [0]
    public private(set) var values: [Element] = []

    public init() {}

    public subscript(row: Int) -> ArraySlice<Element> { values[Int(offsets[row])..<Int(offsets[row + 1])] }

    public mutating func append<S: Sequence>(_ items: S) where S.Element == Element {
        values.append(contentsOf: items)
        offsets.append(Int32(values.count))
    }

    /// Appends every row of `other`, its values changed by `transform` (to rebase spans).
    mutating func append(contentsOf other: RowLists, transform: (Element) -> Element = { $0 }) {
        let base = Int32(values.count)
        values.append(contentsOf: other.values.map(transform))
        offsets.append(contentsOf: other.offsets.dropFirst().map { $0 + base })
    }

    mutating func reserve(rows: Int, values count: Int) {
        offsets.reserveCapacity(rows + 1)
        values.reserveCapacity(count)
    }
}

/// Every project, stored by column: text in one byte arena, references as rows of the other collections.
/// A million projects cost a few dozen allocations rather than tens of millions, filters read one small
/// column, and `self[row]` builds a `Project` only for the rows on screen.
public struct ProjectTable: RandomAccessCollection, Sendable {
    public private(set) var ids: [String] = []
    /// UTF-8 of titles, summaries and tags.
    public private(set) var text: [UInt8] = []
    public private(set) var titles: [TextSpan] = []
    public private(set) var summaries: [TextSpan] = []
    /// Primary theme, as an index into `Theme.knownIDs`.
    public private(set) var themes: [UInt8] = []
    /// Bit `1 << i` for each theme (primary and secondary) with index `i` in `Theme.knownIDs`.
    public private(set) var themeMasks: [UInt8] = []
    public private(set) var secondary = RowLists<UInt8>()
    public private(set) var statuses: [ProjectStatus] = []
    /// Lead organisation, as a row of `Dataset.organisations`.
    public private(set) var leads: [Int32] = []
    public private(set) var partners = RowLists<Int32>()
    /// Districts in the order listed, as indexes into `District.allCases`.
    public private(set) var districts = RowLists<UInt8>()
    /// Bit `1 << i` for each district with index `i` in `District.allCases`.
    public private(set) var districtMasks: [UInt8] = []
    /// Dates as yyyymmdd; 0 when absent.
    public private(set) var starts: [Int32] = []
    public private(set) var ends: [Int32] = []
    public private(set) var contacts = RowLists<Int32>()
    public private(set) var tags = RowLists<TextSpan>()
    /// Risk notes and provenance: few projects have them, so they are kept by row, apart from the columns.
    public private(set) var extras: [Int32: ProjectExtras] = [:]
    /// The ids the reference columns point into, to rebuild `Project` values.
    var organisationIDs: [String] = []
    var contactIDs: [String] = []

    public init() {}

    init(organisationIDs: [String], contactIDs: [String]) {
        self.organisationIDs = organisationIDs
        self.contactIDs = contactIDs
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ids.count }

    public subscript(row: Int) -> Project {
        let extra = extras[Int32(row)]
        return Project(
            id: ids[row], title: string(titles[row]), theme: Theme.knownIDs[Int(themes[row])],
            secondaryThemes: secondary[row].map { Theme.knownIDs[Int($0)] }, status: statuses[row], lead: organisationIDs[Int(leads[row])],
            partners: partners[row].map { organisationIDs[Int($0)] }, districts: districts[row].map { District.allCases[Int($0)] },
            start: Self.dateText(starts[row]), end: Self.dateText(ends[row]), summary: string(summaries[row]),
            contacts: contacts[row].map { contactIDs[Int($0)] }, tags: tags[row].map(string), riskReason: extra?.riskReason,
            riskOwner: extra?.riskOwner, reviewDate: extra?.reviewDate, provenance: extra?.provenance)
    }

    public func string(_ span: TextSpan) -> String {
        text.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(span.start)..<Int(span.start + span.count)]), as: UTF8.self)
        }
    }

    public func title(_ row: Int) -> String { string(titles[row]) }

    public func hasTheme(_ row: Int, in mask: UInt8) -> Bool { themeMasks[row] & mask != 0 }

    mutating func setStatus(_ status: ProjectStatus, row: Int) { statuses[row] = status }

    mutating func setRisk(reason: String?, owner: String?, review: String?, row: Int) {
        var extra = extras[Int32(row)] ?? ProjectExtras(self[row])
        extra.riskReason = reason
        extra.riskOwner = owner
        extra.reviewDate = review
        extras[Int32(row)] = extra.isEmpty ? nil : extra
    }

    /// For the fast reader, which reads a row's extras apart from its columns.
    mutating func setExtras(_ extra: ProjectExtras, row: Int) { extras[Int32(row)] = extra }

    // MARK: - Building

    mutating func reserve(_ count: Int, textBytes: Int) {
        ids.reserveCapacity(count)
        text.reserveCapacity(textBytes)
        for column in [\Self.titles, \Self.summaries] as [WritableKeyPath<Self, [TextSpan]>] {
            self[keyPath: column].reserveCapacity(count)
        }
        themes.reserveCapacity(count)
        themeMasks.reserveCapacity(count)
        statuses.reserveCapacity(count)
        leads.reserveCapacity(count)
        districtMasks.reserveCapacity(count)
        starts.reserveCapacity(count)
        ends.reserveCapacity(count)
        secondary.reserve(rows: count, values: count / 2)
        partners.reserve(rows: count, values: count * 2)
        districts.reserve(rows: count, values: count)
        contacts.reserve(rows: count, values: count)
        tags.reserve(rows: count, values: count)
    }

    /// Copies bytes into the arena.
    mutating func store<C: Collection>(_ bytes: C) -> TextSpan where C.Element == UInt8 {
        let start = UInt32(text.count)
        text.append(contentsOf: bytes)
        return TextSpan(start: start, count: UInt32(text.count) - start)
    }

    /// One row from parts already resolved to indexes and rows.
    mutating func appendRow(
        id: String, title: TextSpan, summary: TextSpan, theme: UInt8, secondary: [UInt8], status: ProjectStatus, lead: Int32,
        partners: [Int32], districts: [UInt8], start: Int32, end: Int32, contacts: [Int32], tags: [TextSpan]
    ) {
        ids.append(id)
        titles.append(title)
        summaries.append(summary)
        themes.append(theme)
        var mask = UInt8(1) << theme
        for other in secondary { mask |= UInt8(1) << other }
        themeMasks.append(mask)
        self.secondary.append(secondary)
        statuses.append(status)
        leads.append(lead)
        self.partners.append(partners)
        self.districts.append(districts)
        districtMasks.append(districts.reduce(UInt8(0)) { $0 | (UInt8(1) << $1) })
        starts.append(start)
        ends.append(end)
        self.contacts.append(contacts)
        self.tags.append(tags)
    }

    /// Appends a project whose references are all known (the loader has checked them).
    mutating func append(_ project: Project, organisationIndex: [String: Int], contactIndex: [String: Int]) {
        let title = store(Array(project.title.utf8))
        let summary = store(Array(project.summary.utf8))
        let tagSpans = project.tags.map { store(Array($0.utf8)) }
        appendRow(
            id: project.id, title: title, summary: summary, theme: UInt8(Theme.knownIDs.firstIndex(of: project.theme) ?? 0),
            secondary: project.secondaryThemes.compactMap { Theme.knownIDs.firstIndex(of: $0).map(UInt8.init) }, status: project.status,
            lead: Int32(organisationIndex[project.lead] ?? 0),
            partners: project.partners.compactMap { organisationIndex[$0].map(Int32.init) },
            districts: project.districts.map { UInt8(District.allCases.firstIndex(of: $0)!) }, start: Self.dateNumber(project.start),
            end: Self.dateNumber(project.end), contacts: project.contacts.compactMap { contactIndex[$0].map(Int32.init) }, tags: tagSpans)
        let extra = ProjectExtras(project)
        if !extra.isEmpty { extras[Int32(ids.count - 1)] = extra }
    }

    /// Appends the rows of a table read from the second half of the same file.
    mutating func append(contentsOf other: ProjectTable) {
        let rowShift = Int32(ids.count)
        for (row, extra) in other.extras { extras[row + rowShift] = extra }
        let shift = UInt32(text.count)
        func rebase(_ span: TextSpan) -> TextSpan { TextSpan(start: span.start + shift, count: span.count) }
        ids.append(contentsOf: other.ids)
        text.append(contentsOf: other.text)
        titles.append(contentsOf: other.titles.map(rebase))
        summaries.append(contentsOf: other.summaries.map(rebase))
        themes.append(contentsOf: other.themes)
        themeMasks.append(contentsOf: other.themeMasks)
        secondary.append(contentsOf: other.secondary)
        statuses.append(contentsOf: other.statuses)
        leads.append(contentsOf: other.leads)
        partners.append(contentsOf: other.partners)
        districts.append(contentsOf: other.districts)
        districtMasks.append(contentsOf: other.districtMasks)
        starts.append(contentsOf: other.starts)
        ends.append(contentsOf: other.ends)
        contacts.append(contentsOf: other.contacts)
        tags.append(contentsOf: other.tags, transform: rebase)
    }

    // MARK: - Dates

    /// "2021-04-01" → 20210401; nil (or anything that is not a date) → 0, "no date".
    static func dateNumber(_ text: String?) -> Int32 {
        text.flatMap(CalendarDate.init)?.number ?? 0
    }

    static func dateText(_ value: Int32) -> String? {
        CalendarDate(number: value)?.description
    }
}

/// The fields of a project that most projects leave out.
public struct ProjectExtras: Equatable, Sendable {
    public var riskReason: String?
    public var riskOwner: String?
    public var reviewDate: String?
    public var provenance: Provenance?

    init() {}

    init(_ project: Project) {
        riskReason = project.riskReason
        riskOwner = project.riskOwner
        reviewDate = project.reviewDate
        provenance = project.provenance
    }

    var isEmpty: Bool { riskReason == nil && riskOwner == nil && reviewDate == nil && provenance == nil }
}

extension ProjectTable: Equatable {
    public static func == (lhs: ProjectTable, rhs: ProjectTable) -> Bool { lhs.elementsEqual(rhs) }
}
