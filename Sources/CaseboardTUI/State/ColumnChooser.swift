import CaseboardKit
import TerminalKit

/// The column chooser (`C`): which columns the current list shows, in what order, how wide. Changes apply
/// as they are made, so the list behind shows the result; Enter or Esc closes. Its keys are the key map's
/// `columnChooser` scope; `reduceColumnChooser` acts on them.
public struct ColumnChooser: Equatable, Sendable {
    public var screen: Screen
    /// The highlighted row: an index into the layout's entries.
    public var selected: Int

    public init(screen: Screen, selected: Int = 0) {
        self.screen = screen
        self.selected = selected
    }

    /// Narrowest and widest a column can be made with `-` and `+`.
    static let widths = 4...80
}

extension ColumnChooser {
    /// Opens the chooser on the current list's layout.
    static func open(_ state: inout AppState) {
        state.overlay = .columnChooser(ColumnChooser(screen: state.screen))
    }

    /// The width a column has on screen now (or its own width when it is not showing).
    static func currentWidth(_ id: String, _ screen: Screen, _ state: AppState) -> Int {
        let arranged = Columns.arranged(screen, state, width: state.size.width)
        if let index = arranged.columns.firstIndex(where: { $0.id == id }), let width = arranged.widths[index] { return width }
        let own = Columns.own(screen, state)?.first { $0.id == id }
        return own.map { $0.flexible ? $0.minWidth : $0.width } ?? 10
    }
}

/// Sideways scrolling and the other list commands added with the columns.
enum ListColumns {
    /// ← and →: scroll sideways when the columns overflow; otherwise go back and open, as before.
    static func scroll(by delta: Int, _ state: inout AppState, _ memo: Memo) -> [Effect] {
        guard Columns.scrollsSideways(state) else { return reduceScreen(delta < 0 ? .goBack : .open, &state, memo) }
        let arranged = Columns.arranged(state.screen, state, width: state.size.width)
        state.columnScroll[state.screen] = min(max(0, arranged.scroll + delta), arranged.maxScroll)
        return []
    }

    /// `s`: the next column on screen, left to right, ascending.
    static func cycleSort(_ state: inout AppState) {
        let keys = ProjectsView.visibleSortKeys(state)
        guard !keys.isEmpty else { return }
        let next = keys.firstIndex(of: state.sort.key).map { keys[($0 + 1) % keys.count] } ?? keys[0]
        state.sort = ProjectSort(next, descending: false)
    }

    /// `d` on Activity: all → last 7 days → last 30 days → all.
    static func cycleActivityWindow(_ state: inout AppState) {
        state.activityWindow = state.activityWindow.next
        state.cursors[.activity] = ListCursor()
        state.message = Notice("Activity: \(state.activityWindow.label)", .info)
    }
}
