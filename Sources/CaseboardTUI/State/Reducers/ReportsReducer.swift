import CaseboardKit

/// The Reports screen's own keys: `b` for the next breakdown, `Y` for the year, Enter on a row.
enum ReportsScreen {
    /// theme → district → funder → year → stream → theme. Rows mean something else now, so back to the top.
    static func cycleBreakdown(_ state: inout AppState) {
        let all = FundingDimension.allCases
        state.reportChoice.by = all[(all.firstIndex(of: state.reportChoice.by)! + 1) % all.count]
        state.cursors[.reports] = ListCursor()
        state.message = Notice("Funding by \(state.reportChoice.by.rawValue)", .info)
    }

    /// Every year → the oldest financial year → … → the latest → every year. The selection stays on the same
    /// row (the same theme, district, funder or stream) when the new report has it.
    static func cycleYear(_ state: inout AppState, _ memo: Memo) {
        let years = state.dataset.financialYears
        let next = state.reportChoice.year.flatMap { years.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        let key = selectedRow(state)?.key
        state.reportChoice.year = years.indices.contains(next) ? years[next] : nil
        state.refreshDerived(memo)
        let rows = state.fundingReport?.rows ?? []
        state.cursors[.reports, default: ListCursor()].selected = key.flatMap { key in rows.firstIndex { $0.key == key } } ?? 0
        state.clampCursors()
        state.message = Notice("Funding in \(state.reportChoice.year ?? "every year")", .info)
    }

    /// The selected row of the report, nil on the totals row.
    static func selectedRow(_ state: AppState) -> FundingReportRow? {
        guard let rows = state.fundingReport?.rows else { return nil }
        let selected = state.cursor(.reports).selected
        return rows.indices.contains(selected) ? rows[selected] : nil
    }

    /// Enter: a stream or a funder opens its page, a theme its projects (as on the Themes screen).
    static func open(_ state: inout AppState, _ memo: Memo) {
        guard let row = selectedRow(state), row.kind == .item else { return }
        switch state.reportChoice.by {
        case .stream where state.dataset.stream(row.key) != nil:
            state.details.append(DetailState(target: .stream(row.key)))
        case .funder where state.dataset.organisation(row.key) != nil:
            state.details.append(DetailState(target: .organisation(row.key)))
        case .theme where state.dataset.themeIndex[row.key] != nil:
            state.filter.themes = [row.key]
            state.screen = .projects
            state.backScreen = .reports
            state.recompute(memo)
            state.message = Notice("Showing \(row.label) projects; t changes the theme", .info)
        default:
            state.message = Notice("Enter opens a theme's projects, a funder or a stream; b changes the breakdown", .info)
        }
    }
}
