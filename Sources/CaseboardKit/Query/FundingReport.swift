/// What a funding report breaks the money down by.
public enum FundingDimension: String, CaseIterable, Sendable {
    case theme, district, funder, year, stream
}

/// Which money a report covers. Every field is optional; nil means all.
public struct FundingSelection: Equatable, Sendable {
    /// A funding stream id.
    public var stream: String?
    /// A financial year such as "2021/22": allocations made in it, and the streams that cover it.
    public var year: String?
    /// A strategy theme id: only allocations to projects whose primary theme it is.
    public var theme: String?

    public init(stream: String? = nil, year: String? = nil, theme: String? = nil) {
        self.stream = stream
        self.year = year
        self.theme = theme
    }
}

/// One line of a report, in whole pence. `total` is always `allocated + unallocated`.
public struct FundingReportRow: Equatable, Sendable {
    public enum Kind: String, Sendable { case item, unallocated, total }

    public var kind: Kind
    public var key: String
    public var label: String
    public var allocated: Pence
    public var unallocated: Pence
    /// By theme only: money allocated to projects tagged with this theme as a secondary one. That money is
    /// already counted under their primary theme, so it is shown beside the row and never added to a total.
    public var alsoTagged: Pence?
    /// Spend reported against the allocations counted in `allocated` (never more than them in sound data).
    public var spent: Pence = 0

    public var total: Pence { allocated + unallocated }
    /// Allocated but not (yet) reported as spent: a different thing from unallocated.
    public var unspent: Pence { allocated - spent }

    public init(kind: Kind = .item, key: String, label: String, allocated: Pence, unallocated: Pence = 0, alsoTagged: Pence? = nil) {
        self.kind = kind
        self.key = key
        self.label = label
        self.allocated = allocated
        self.unallocated = unallocated
        self.alsoTagged = alsoTagged
    }
}

/// A problem with what a report was asked for, said with the values that would work.
public struct FundingReportError: Error, Equatable, CustomStringConvertible, Sendable {
    public var description: String
}

/// Allocated and unallocated money broken down one way. The rows add up, to the penny, to `total`.
/// Where allocations report spend, each row also has its spent and unspent (allocated, not spent) money.
public struct FundingReport: Equatable, Sendable {
    public var dimension: FundingDimension
    public var selection: FundingSelection
    public var rows: [FundingReportRow]
    /// Whether any allocation in the report has a spend figure: outputs show Spent and Unspent only then.
    public var hasSpend = false
    /// How the figures were arrived at where that is not obvious: printed under the table.
    public var notes: [String]

    /// The sum of the rows.
    public var total: FundingReportRow {
        var row = FundingReportRow(
            kind: .total, key: "total", label: "Total", allocated: rows.reduce(0) { $0 + $1.allocated },
            unallocated: rows.reduce(0) { $0 + $1.unallocated })
        row.spent = rows.reduce(0) { $0 + $1.spent }
        return row
    }

    public static let severalDistrictsKey = "several-districts"
    public static let unallocatedKey = "unallocated"

    /// How projects in more than one district are counted; also in `caseboard report --help`.
    public static let districtRule =
        "Each allocation is counted once: projects in one district under it, West Yorkshire-wide projects as their own row, and projects in two or more districts under \"Several districts\" (never split between them)."
}

extension Dataset {
    /// Every financial year named by a stream or an allocation, oldest first.
    public var financialYears: [String] {
        var years = Set<String>()
        for stream in funding {
            years.formUnion(stream.years)
            for allocation in stream.allocations { years.insert(allocation.year) }
        }
        return years.sorted()
    }

    /// Checks the selection against the data: an unknown stream, year or theme names the ones there are.
    public func validate(_ selection: FundingSelection) throws(FundingReportError) {
        if let stream = selection.stream, self.stream(stream) == nil {
            throw FundingReportError(
                description: "unknown funding stream \"\(stream)\"; use one of: " + funding.map(\.id).joined(separator: ", "))
        }
        if let year = selection.year, !financialYears.contains(year) {
            throw FundingReportError(
                description: "unknown financial year \"\(year)\"; use one of: " + financialYears.joined(separator: ", "))
        }
        if let theme = selection.theme, !Theme.knownIDs.contains(theme) {
            throw FundingReportError(description: "unknown theme \"\(theme)\"; use one of: " + Theme.knownIDs.joined(separator: ", "))
        }
    }

    /// The money in `selection`, broken down by `dimension`. Allocated sums come from `themeFunding` and
    /// `streamTotals`, the same figures the Themes and Funding screens show.
    public func fundingReport(by dimension: FundingDimension, _ selection: FundingSelection = FundingSelection())
        throws(FundingReportError) -> FundingReport
    {
        try validate(selection)
        let themeIndex = selection.theme.flatMap { Theme.knownIDs.firstIndex(of: $0) }
        let mask: RowMask = themeIndex.map { index in self.mask(projects.indices.filter { Int(projects.themes[$0]) == index }) } ?? .all
        let year = selection.year
        // The streams in the report: the one asked for, and with a year those that cover it or allocated in it.
        let chosen = funding.indices.filter { row in
            let stream = funding[row]
            guard selection.stream == nil || stream.id == selection.stream else { return false }
            guard let year else { return true }
            return stream.years.contains(year) || stream.allocations.contains { $0.year == year }
        }
        let totals = streamTotals(in: mask, year: year)
        // Money given to no project has no theme, so a theme report leaves it out.
        func unallocated(_ row: Int) -> Pence { themeIndex == nil ? totals[row].unallocated : 0 }
        let unallocatedSum = chosen.reduce(Pence(0)) { $0 + unallocated($1) }
        var notes: [String] = []
        if selection.theme != nil {
            notes.append("Unallocated money belongs to no project and so to no theme: with --theme it is left out.")
        }
        if year != nil, themeIndex == nil, chosen.contains(where: { funding[$0].years.count > 1 && totals[$0].unallocated != 0 }) {
            notes.append(
                "Unallocated money is not tied to a year: a stream covering several years counts all of its unallocated money under --year."
            )
        }
        let unallocatedRow = FundingReportRow(
            kind: .unallocated, key: FundingReport.unallocatedKey, label: "Unallocated", allocated: 0, unallocated: unallocatedSum)

        var rows: [FundingReportRow] = []
        switch dimension {
        case .theme:
            // Streams left out of `chosen` under --year made no allocations that year, so this is the same money.
            let sums = themeFunding(in: mask, stream: selection.stream, year: year)
            for (index, line) in sums.enumerated() where selection.theme == nil || line.theme == selection.theme {
                rows.append(
                    FundingReportRow(key: line.theme, label: themes[index].name, allocated: line.primary, alsoTagged: line.secondary))
            }
            if themeIndex == nil { rows.append(unallocatedRow) }
            notes.append(
                "Each allocation counts once, under its project's primary theme; \"Also tagged\" is money to projects with the theme as a secondary one, already counted under their primary theme and not added to any total."
            )
        case .district:
            var single = [Pence](repeating: 0, count: District.allCases.count)
            var several: Pence = 0
            var severalProjects = Set<Int>()
            for stream in chosen {
                for (index, allocation) in funding[stream].allocations.enumerated() where year == nil || allocation.year == year {
                    let row = Int(allocationRows[stream][index])
                    guard row >= 0, mask.contains(row) else { continue }
                    let listed = projects.districts[row]
                    if listed.count == 1 {
                        single[Int(listed.first!)] += allocation.amount
                    } else {
                        several += allocation.amount
                        severalProjects.insert(row)
                    }
                }
            }
            for (index, district) in District.allCases.enumerated() {
                let label = district == .westYorkshire ? "West Yorkshire-wide" : district.name
                rows.append(FundingReportRow(key: district.rawValue, label: label, allocated: single[index]))
            }
            rows.append(FundingReportRow(key: FundingReport.severalDistrictsKey, label: "Several districts", allocated: several))
            if themeIndex == nil { rows.append(unallocatedRow) }
            notes.append(FundingReport.districtRule)
            if !severalProjects.isEmpty {
                let names = severalProjects.sorted().prefix(10).map { projects[$0].id }
                let more = severalProjects.count > names.count ? " and \(severalProjects.count - names.count) more" : ""
                notes.append("Several districts: " + names.joined(separator: ", ") + more + ".")
            }
        case .funder:
            var order: [String] = []
            var sums: [String: (allocated: Pence, unallocated: Pence)] = [:]
            for row in chosen {
                let funder = funding[row].funder
                if sums[funder] == nil { order.append(funder) }
                sums[funder, default: (0, 0)].allocated += totals[row].allocated
                sums[funder, default: (0, 0)].unallocated += unallocated(row)
            }
            rows = order.map { funder in
                FundingReportRow(
                    key: funder, label: organisationName(funder), allocated: sums[funder]!.allocated, unallocated: sums[funder]!.unallocated
                )
            }
            .sorted { $0.total != $1.total ? $0.total > $1.total : $0.label < $1.label }
        case .year:
            var sums: [String: Pence] = [:]
            for row in chosen {
                for (index, allocation) in funding[row].allocations.enumerated() where year == nil || allocation.year == year {
                    let project = Int(allocationRows[row][index])
                    guard project >= 0, mask.contains(project) else { continue }
                    sums[allocation.year, default: 0] += allocation.amount
                }
            }
            if let year, sums[year] == nil { sums[year] = 0 }
            rows = sums.keys.sorted().map { FundingReportRow(key: $0, label: $0, allocated: sums[$0]!) }
            if themeIndex == nil { rows.append(unallocatedRow) }
            notes.append("Allocations are counted in the financial year they were made for.")
            if themeIndex == nil {
                notes.append("Unallocated money has no year of its own, so it is one row rather than split between years.")
            }
        case .stream:
            rows = chosen.map { row in
                FundingReportRow(
                    key: funding[row].id, label: funding[row].name, allocated: totals[row].allocated, unallocated: unallocated(row))
            }
        }
        var report = FundingReport(dimension: dimension, selection: selection, rows: rows, notes: notes)
        addSpend(to: &report, streams: chosen, mask: mask, year: year)
        return report
    }

    /// Each row's spend: the same allocations as its allocated money, keyed the same way.
    private func addSpend(to report: inout FundingReport, streams: [Int], mask: RowMask, year: String?) {
        var spent: [String: Pence] = [:]
        for stream in streams {
            for (index, allocation) in funding[stream].allocations.enumerated() where year == nil || allocation.year == year {
                guard let amount = allocation.spent else { continue }
                let row = Int(allocationRows[stream][index])
                guard row >= 0, mask.contains(row) else { continue }
                report.hasSpend = true
                let key: String
                switch report.dimension {
                case .theme: key = Theme.knownIDs[Int(projects.themes[row])]
                case .district:
                    let listed = projects.districts[row]
                    key = listed.count == 1 ? District.allCases[Int(listed.first!)].rawValue : FundingReport.severalDistrictsKey
                case .funder: key = funding[stream].funder
                case .year: key = allocation.year
                case .stream: key = funding[stream].id
                }
                spent[key, default: 0] += amount
            }
        }
        for index in report.rows.indices where report.rows[index].kind == .item {
            report.rows[index].spent = spent[report.rows[index].key] ?? 0
        }
        if report.hasSpend {
            report.notes.append(
                "Spent is what allocations report as spent so far; Unspent is allocated money not yet spent, which is not the same as unallocated money."
            )
        }
    }
}
