import CaseboardKit

/// The tabs across the top, numbered as the keys that open them.
public enum Screen: Int, CaseIterable, Sendable {
    case themes = 1
    case projects
    case funding
    case partners
    case activity
    case reports

    public var title: String {
        switch self {
        case .themes: return "Themes"
        case .projects: return "Projects"
        case .funding: return "Funding"
        case .partners: return "Partners"
        case .activity: return "Activity"
        case .reports: return "Reports"
        }
    }

    public init?(name: String) {
        guard let screen = Screen.allCases.first(where: { $0.title.lowercased() == name.lowercased() }) else { return nil }
        self = screen
    }
}

/// A record opened in the detail view.
public enum DetailTarget: Equatable, Hashable, Sendable {
    case project(String)
    case organisation(String)
    case contact(String)
    case stream(String)
}

/// Selection and scroll of one list.
public struct ListCursor: Equatable, Sendable {
    public var selected: Int
    public var offset: Int

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Keeps `selected` inside `count` rows and visible in a viewport of `height` rows.
    mutating func clamp(count: Int, height: Int) {
        selected = count == 0 ? 0 : min(max(selected, 0), count - 1)
        let height = max(height, 1)
        if selected < offset { offset = selected }
        if selected >= offset + height { offset = selected - height + 1 }
        offset = max(0, min(offset, max(0, count - height)))
    }
}

/// One open detail page: which record, which link is selected, how far it is scrolled.
public struct DetailState: Equatable, Sendable {
    public var target: DetailTarget
    public var selectedLink: Int
    public var scroll: Int

    public init(target: DetailTarget, selectedLink: Int = 0, scroll: Int = 0) {
        self.target = target
        self.selectedLink = selectedLink
        self.scroll = scroll
    }
}

/// A panel drawn over the screen that takes the keys while it is open.
public enum Overlay: Equatable, Sendable {
    case help(scroll: Int)
    /// Row 0 is "All themes", then the four themes.
    case themePicker(selected: Int)
    /// The highlighted row of `FilterPanel.options` (statuses, then districts).
    case filterPanel(selected: Int)
    case statusPicker(StatusPicker)
    case noteEditor(project: String, field: TextField)
    /// Naming the current screen and filters to save them as a view (`v`).
    case viewPrompt(TextField)
    /// The saved views, to open or delete (`V`).
    case viewList(ViewList)
    /// Choosing the current list's columns (`C`).
    case columnChooser(ColumnChooser)
    /// Adding or correcting a record (`A`, `e`).
    case recordForm(RecordForm)
    /// Which record `A`, `e` or `R` means, when it could be two.
    case recordChooser(RecordChooser)
    /// Retiring a record (`R`), asked first.
    case retireQuestion(RetireQuestion)
}

/// Choosing a project's next status: only the moves the rules allow, with an optional note.
///
/// Enter never saves straight away: the first Enter on a choice shows "from → to" and only a second Enter
/// saves. After a refusal nothing is chosen, so a retry cannot quietly undo the change that caused it.
public struct StatusPicker: Equatable, Sendable {
    public var project: String
    /// The status the coordinator saw when opening the picker: what the change expects to replace.
    public var from: ProjectStatus
    public var options: [ProjectStatus]
    /// The highlighted move, nil until one is chosen.
    public var selected: Int?
    /// True once Enter was pressed on a choice: the panel shows `from → to` and the next Enter saves.
    public var confirming = false
    public var note: TextField
    /// Set when someone else changed the project while the picker was open: saving will be refused.
    public var changedMeanwhile: String?
    /// Why the last try was refused (who changed it to what), kept in view until the panel closes.
    public var refusal: String?

    public init(project: String, from: ProjectStatus, note: TextField = TextField(), selected: Int? = 0, refusal: String? = nil) {
        self.project = project
        self.from = from
        let options = from.allowedNext
        self.options = options
        self.selected = selected.flatMap { options.indices.contains($0) ? $0 : nil }
        self.note = note
        self.refusal = refusal
    }

    /// The status chosen, if any.
    public var choice: ProjectStatus? { selected.map { options[$0] } }

    /// "at risk → active — Enter to save, Esc to go back" while waiting for the second Enter.
    public var confirmation: String? {
        guard confirming, let choice else { return nil }
        return "\(from.label) → \(choice.label) — Enter to save, Esc to go back"
    }
}
