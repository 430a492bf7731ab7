import CaseboardKit

/// What the screens show, computed from the data, the filter and the sort. Only the current screen's
/// figures are kept (the others are emptied), so a keystroke costs one filter pass plus what is on screen,
/// and the state stays a function of what the user did.
extension AppState {
    /// The projects whose money the filter counts: the visible ones, but with themes chosen only those whose
    /// primary theme is one of them, so money is counted once, under its primary theme, on every screen.
    var moneyMask: RowMask {
        if filter.isEmpty { return .all }
        guard !filter.themes.isEmpty else { return dataset.mask(visibleProjects) }
        let chosen = Set(filter.themes.compactMap { Theme.knownIDs.firstIndex(of: $0) })
        return dataset.mask(visibleProjects.filter { chosen.contains(Int(dataset.projects.themes[$0])) })
    }

    /// Refreshes the project list after the data, the filter or the sort changed, keeping the selection on
    /// the same project when it is still visible; then the current screen's figures.
    mutating func recompute(_ memo: Memo) {
        let selectedRow = selectedProjectRow
        let origin = ObjectIdentifier(data.origin)
        let sortedKey = Memo.SortedKey(
            origin: origin, rowsVersion: data.rowsVersion, statusVersion: sort.key == .status ? data.version : nil, sort: sort)
        let sortedOrder: [Int]
        if let cached = memo.sorted, cached.key == sortedKey {
            sortedOrder = cached.rows
        } else {
            sortedOrder = dataset.sorted(Array(dataset.projects.indices), by: sort)
            memo.sorted = (sortedKey, sortedOrder)
        }
        // One linear pass over the pre-sorted order: filtering keeps the order. When the only change is more
        // search text, the answer is among the projects last shown, so only those are searched.
        let visibleKey = Memo.VisibleKey(origin: origin, version: data.version, filter: filter, sort: sort)
        let narrowing = memo.visible.flatMap { previous -> [Int]? in
            let before = previous.key
            let narrows =
                before.origin == origin && before.version == data.version && before.sort == sort
                && before.filter.withoutText == filter.withoutText && !before.filter.text.isEmpty
                && SearchQuery(filter.text).narrows(SearchQuery(before.filter.text))
            return narrows ? previous.rows : nil
        }
        visibleProjects = filter.isEmpty ? sortedOrder : dataset.matchingRows(filter, among: narrowing ?? sortedOrder)
        memo.visible = (visibleKey, visibleProjects)
        if let selectedRow, let index = visibleProjects.firstIndex(of: selectedRow) {
            cursors[.projects, default: ListCursor()].selected = index
        }
        refreshDerived(memo)
    }

    /// The project row under the Projects cursor.
    var selectedProjectRow: Int? {
        let selected = cursor(.projects).selected
        return visibleProjects.indices.contains(selected) ? visibleProjects[selected] : nil
    }

    /// Computes the figures the current screen (and an open theme picker) needs, when they are stale.
    mutating func refreshDerived(_ memo: Memo) {
        let wantsThemeCounts = screen == .themes || { if case .themePicker = overlay { return true } else { return false } }()
        let key = Memo.DerivedKey(
            origin: ObjectIdentifier(data.origin), version: data.version, historyVersion: history.version, filter: filter, sort: sort,
            screen: screen, themeCounts: wantsThemeCounts, activityWindow: activityWindow,
            reportChoice: reportChoice, today: today)
        if let cached = memo.derived, cached.key == key {
            figures = cached.figures
            clampCursors()
            return
        }
        let previous = figures
        figures = ScreenFigures()
        if wantsThemeCounts { computeThemeStats() }
        switch screen {
        case .funding:
            let mask = moneyMask
            streamTotals = dataset.streamTotals(in: mask)
            themeFunding = dataset.themeFunding(in: mask)
        case .partners:
            computePartners(previous: previous.visiblePartners)
        case .activity:
            computeActivity(previous: previous.activity)
        case .reports:
            // FundingReport holds the counting rules (primary themes, West Yorkshire-wide, several districts).
            fundingReport = try? dataset.fundingReport(by: reportChoice.by, reportSelection)
        case .themes, .projects:
            break
        }
        memo.derived = (key, figures)
        clampCursors()
    }

    private mutating func computeThemeStats() {
        // Theme counts ignore the theme filter itself, so every theme keeps its numbers.
        let others = filter.withoutThemes
        let rows: [Int]
        if others.isEmpty {
            rows = Array(dataset.projects.indices)
        } else if filter.themes.isEmpty {
            rows = visibleProjects
        } else {
            rows = dataset.matchingRows(others)
        }
        // Counted into flat arrays by column (theme × status), then turned into the per-theme figures.
        let themeCount = Theme.knownIDs.count
        let statusCount = ProjectStatus.allCases.count
        var counts = [Int](repeating: 0, count: themeCount * statusCount)
        dataset.projects.themeMasks.withUnsafeBufferPointer { masks in
            dataset.projects.statuses.withUnsafeBufferPointer { statuses in
                for row in rows {
                    let mask = masks[row]
                    let status = statuses[row].rank
                    for theme in 0..<themeCount where mask & (1 << theme) != 0 { counts[theme * statusCount + status] += 1 }
                }
            }
        }
        var stats = dataset.themes.map { ThemeStat(theme: $0.id, projects: 0, byStatus: [:], allocated: 0) }
        for (known, id) in Theme.knownIDs.enumerated() {
            guard let index = dataset.themeIndex[id] else { continue }
            for status in ProjectStatus.allCases {
                let count = counts[known * statusCount + status.rank]
                guard count > 0 else { continue }
                stats[index].projects += count
                stats[index].byStatus[status] = count
            }
        }
        let funding = dataset.themeFunding(in: others.isEmpty ? .all : dataset.mask(rows))
        for index in stats.indices {
            stats[index].allocated = funding[index].primary
            stats[index].alsoTagged = funding[index].secondary
        }
        themeStats = stats
        themeProjectTotal = rows.count
    }

    /// Organisations that lead or deliver a project passing the theme, status and district filters (all of
    /// them when there are none), narrowed by the search to those whose own name or kind, or a contact's
    /// name or role, matches; sorted by name. Project counts are of the visible projects.
    private mutating func computePartners(previous: [Int]) {
        let selected = cursor(.partners).selected
        let previousID =
            previous.indices.contains(selected) && dataset.organisations.indices.contains(previous[selected])
            ? dataset.organisations[previous[selected]].id : nil
        var choices = filter.withoutText
        choices.text = SearchQuery.fieldWords(of: filter.text)
        let involvedRows = choices.isEmpty ? nil : (filter.text.isEmpty ? visibleProjects : dataset.matchingRows(choices))
        var involved = [Int](repeating: 0, count: dataset.organisations.count)
        for row in involvedRows ?? [] { countOrganisations(of: row, into: &involved) }
        var counts = [Int](repeating: 0, count: dataset.organisations.count)
        for row in visibleProjects { countOrganisations(of: row, into: &counts) }
        partnerProjectCounts = counts
        var rows = filter.text.isEmpty ? Array(dataset.organisations.indices) : dataset.organisationRows(matching: filter.text)
        if involvedRows != nil { rows = rows.filter { involved[$0] > 0 } }
        rows.sort { (dataset.organisationSortKeys[$0], $0) < (dataset.organisationSortKeys[$1], $1) }
        visiblePartners = rows
        if let previousID, let index = rows.firstIndex(where: { dataset.organisations[$0].id == previousID }) {
            cursors[.partners, default: ListCursor()].selected = index
        }
    }

    private func countOrganisations(of row: Int, into counts: inout [Int]) {
        let lead = Int(dataset.projects.leads[row])
        counts[lead] += 1
        for partner in dataset.projects.partners[row] where Int(partner) != lead { counts[Int(partner)] += 1 }
    }

    /// The latest changes first; with a filter, only changes to visible projects.
    private mutating func computeActivity(previous rowsBefore: [Int]) {
        let selected = cursor(.activity).selected
        let previous = rowsBefore.indices.contains(selected) ? rowsBefore[selected] : nil
        var rows: [Int] = []
        // Events since the start of the first day of the window (UTC days, as the times are written).
        let since = activityWindow.days.flatMap { today.adding(days: 1 - $0) }.map { Int64($0.dayNumber) * 86_400_000 }
        if let since {
            let mask = filter.isEmpty ? nil : dataset.mask(visibleProjects)
            let visibleKeys = mask.map { mask in history.projectIDs.map { id in dataset.projectIndex[id].map(mask.contains) ?? false } }
            for index in (0..<history.count).reversed() where history.millis(at: index) >= since {
                if let visibleKeys, !visibleKeys[history.projectKey(at: index)] { continue }
                rows.append(index)
            }
        } else if filter.isEmpty {
            rows = Array((0..<history.count).reversed())
        } else {
            // Each project key of the history maps to a dataset row once; then events are checked by key.
            let mask = dataset.mask(visibleProjects)
            let visibleKeys = history.projectIDs.map { id in dataset.projectIndex[id].map(mask.contains) ?? false }
            rows.reserveCapacity(history.count / 4)
            for index in (0..<history.count).reversed() where visibleKeys[history.projectKey(at: index)] { rows.append(index) }
        }
        activity = rows
        // Event indices are stable as the history grows, so the selection follows the same change.
        if let previous, let index = rows.firstIndex(of: previous) {
            cursors[.activity, default: ListCursor()].selected = index
        }
    }

    /// Takes new data from the store, keeping each screen's selection on the same record.
    mutating func replaceData(_ newDataset: Dataset, _ newHistory: History, sameRows: Bool, _ memo: Memo) {
        let selectedID = selectedProjectRow.map { dataset.projects.ids[$0] }
        // Statuses changed (an order by status is stale); new files may have new rows altogether.
        data.replace(newDataset, newHistory, sameRows: sameRows)
        if !sameRows {
            visibleProjects = []
            cursors[.projects] = ListCursor()
        }
        recompute(memo)
        if !sameRows, let selectedID, let row = dataset.projectIndex[selectedID], let index = visibleProjects.firstIndex(of: row) {
            cursors[.projects, default: ListCursor()].selected = index
            clampCursors()
        }
    }

    /// Number of rows in a list screen.
    func rowCount(_ screen: Screen) -> Int {
        switch screen {
        case .themes: return dataset.themes.count
        case .projects: return visibleProjects.count
        case .funding: return dataset.funding.isEmpty ? 0 : dataset.funding.count + 1  // and the totals row
        case .partners: return visiblePartners.count
        case .activity: return activity.count
        case .reports: return fundingReport.map { $0.rows.count + 1 } ?? 0  // and the totals row
        }
    }

    mutating func clampCursors() {
        for screen in Screen.allCases {
            var cursor = self.cursor(screen)
            cursor.clamp(count: rowCount(screen), height: Layout.listHeight(screen, size))
            cursors[screen] = cursor
        }
    }
}
