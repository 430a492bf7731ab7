/// Money by strategy theme. Each allocation counts once, under its project's primary theme (`primary`);
/// `secondary` is what projects tagged with the theme as a secondary one received, shown beside it and never
/// added to a total, since that money is already counted under their primary theme.
public struct ThemeFunding: Equatable, Sendable {
    public var theme: String
    public var primary: Pence
    public var secondary: Pence
}

extension Dataset {
    /// Money by theme, in the strategy's theme order, over the allocations of projects in `mask` (and of one
    /// stream, and of one financial year, when given). The Themes screen, the Funding screen and `caseboard report`
    /// all read this, so they agree.
    public func themeFunding(in mask: RowMask, stream: String? = nil, year: String? = nil) -> [ThemeFunding] {
        let count = Theme.knownIDs.count
        var primary = [Pence](repeating: 0, count: count)
        var secondary = [Pence](repeating: 0, count: count)
        for (streamRow, candidate) in funding.enumerated() where stream == nil || candidate.id == stream {
            for (index, allocation) in candidate.allocations.enumerated() where year == nil || allocation.year == year {
                let row = Int(allocationRows[streamRow][index])
                guard row >= 0, mask.contains(row) else { continue }
                primary[Int(projects.themes[row])] += allocation.amount
                for other in projects.secondary[row] { secondary[Int(other)] += allocation.amount }
            }
        }
        return themes.map { theme in
            let known = Theme.knownIDs.firstIndex(of: theme.id)
            return ThemeFunding(theme: theme.id, primary: known.map { primary[$0] } ?? 0, secondary: known.map { secondary[$0] } ?? 0)
        }
    }
}
