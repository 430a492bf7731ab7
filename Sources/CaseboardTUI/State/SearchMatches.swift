import CaseboardKit

/// `n` / `N` and Enter on a search: moving between the rows that matched, and opening a lone match.
extension AppState {
    /// True when the search line holds something to match.
    var hasSearch: Bool { !SearchQuery(filter.text).isEmpty }

    /// The list screens a search narrows.
    static let searchedScreens: Set<Screen> = [.projects, .partners, .activity]

    /// Why `n` / `N` cannot move now, or nil.
    var matchMoveBlocked: String? {
        if !hasSearch { return "no search is active; / starts one" }
        if !details.isEmpty || !Self.searchedScreens.contains(screen) { return "matches are listed on Projects, Partners and Activity" }
        return rowCount(screen) == 0 ? "nothing matches the search" : nil
    }

    /// The list only holds matches, so the next match is the next row, wrapping at either end.
    mutating func moveToMatch(by step: Int) {
        let count = rowCount(screen)
        guard count > 0 else { return }
        var cursor = self.cursor(screen)
        cursor.selected = ((cursor.selected + step) % count + count) % count
        cursor.clamp(count: count, height: Layout.listHeight(screen, size))
        cursors[screen] = cursor
        message = Notice("Match \(Footer.grouped(cursor.selected + 1)) of \(Footer.grouped(count))")
    }

    /// What a search ending with Enter opens: its only match, when there is exactly one.
    var loneMatch: DetailTarget? {
        switch screen {
        case .partners:
            return visiblePartners.count == 1 ? .organisation(dataset.organisations[visiblePartners[0]].id) : nil
        case .funding, .reports:
            return nil
        case .themes, .projects, .activity:
            return visibleProjects.count == 1 ? .project(dataset.projects.ids[visibleProjects[0]]) : nil
        }
    }

    /// The first problem with the search's words, as a footer warning ("No status \"atrisk\"; use one of …").
    var searchProblem: Notice? {
        SearchQuery(filter.text).problems.first.map { Notice($0, .warning) }
    }
}
