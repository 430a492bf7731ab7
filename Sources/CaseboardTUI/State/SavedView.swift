import CaseboardKit

/// A named way of looking at the data — a screen, its filters, search and sort — saved with `v` and opened
/// again with `V` or `caseboard --view NAME`.
public struct SavedView: Equatable, Sendable {
    public var name: String
    public var screen: Screen
    public var filter: ProjectFilter
    public var sort: ProjectSort

    public init(name: String, screen: Screen, filter: ProjectFilter = ProjectFilter(), sort: ProjectSort = ProjectSort(.title)) {
        self.name = name
        self.screen = screen
        self.filter = filter
        self.sort = sort
    }

    public static let nameLimit = 40

    /// Names are keys in a TOML table and words on a command line: letters, digits, `-` and `_`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 40
            && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            }
    }
}

/// The `V` panel: the saved views, one highlighted; `d` asks before deleting.
public struct ViewList: Equatable, Sendable {
    public var selected = 0
    /// True after the first `d`: the next `d` deletes, anything else keeps the view.
    public var confirmingDelete = false

    public init(selected: Int = 0, confirmingDelete: Bool = false) {
        self.selected = selected
        self.confirmingDelete = confirmingDelete
    }
}

extension AppState {
    /// What the screen shows now, as a view called `name`.
    func currentView(named name: String) -> SavedView {
        SavedView(name: name, screen: screen, filter: filter, sort: sort)
    }

    /// Shows a saved view: its screen, filters, search and sort, from the top of the list.
    mutating func show(_ view: SavedView, _ memo: Memo) {
        screen = view.screen
        filter = view.filter
        sort = view.sort
        details = []
        backScreen = nil
        overlay = nil
        searchField = nil
        cursors[.projects] = ListCursor()
        recompute(memo)
    }
}

extension AppState {
    /// Opens on a saved view (`caseboard --view NAME`).
    public mutating func showView(_ view: SavedView) { show(view, Memo()) }
}
