import TerminalKit

/// Where things go on screen; shared by `render` and by the reducer (scrolling, mouse clicks).
enum Layout {
    static let minimum = Size(width: 60, height: 16)
    static let headerRows = 2
    /// First row of list content (below the tabs, the filter chips and the column header).
    static let listTop = 3
    /// Rows the funding screen keeps under the streams for the per-theme bars.
    static let breakdownRows = 8
    static let themeBlockRows = 4
    /// Rows the Reports screen keeps under its table: a gap, the breakdown line and the counting rule.
    static let reportNoteRows = 4

    static func isTooSmall(_ size: Size) -> Bool { size.width < minimum.width || size.height < minimum.height }

    /// Rows between the chips and the footer.
    static func contentHeight(_ size: Size) -> Int { max(1, size.height - headerRows - 1) }

    /// How many list items fit on a screen.
    static func listHeight(_ screen: Screen, _ size: Size) -> Int {
        switch screen {
        case .themes: return max(1, contentHeight(size) / themeBlockRows)
        case .funding: return max(2, contentHeight(size) - 1 - breakdownRows)
        case .reports: return max(2, contentHeight(size) - 1 - reportNoteRows)
        default: return max(1, contentHeight(size) - 1)
        }
    }

    /// The list item at screen row `y`, if any.
    static func item(atRow y: Int, screen: Screen, size: Size, offset: Int) -> Int? {
        switch screen {
        case .themes:
            let first = headerRows
            guard y >= first else { return nil }
            return offset + (y - first) / themeBlockRows
        default:
            guard y >= listTop, y < listTop + listHeight(screen, size) else { return nil }
            return offset + (y - listTop)
        }
    }

    /// The screen row of the selected list item, for the terminal cursor.
    static func selectedRow(_ state: AppState) -> Int? {
        let cursor = state.cursor(state.screen)
        guard state.rowCount(state.screen) > 0 else { return nil }
        let slot = cursor.selected - cursor.offset
        switch state.screen {
        case .themes: return headerRows + slot * themeBlockRows
        default: return listTop + slot
        }
    }

    /// Rows available to a detail page's body (below its title and rule).
    static func detailBodyHeight(_ size: Size) -> Int { max(1, contentHeight(size) - 2) }
}
