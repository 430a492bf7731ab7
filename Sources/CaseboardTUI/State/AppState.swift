import CaseboardKit
import TerminalKit

/// Everything the UI shows, in one value. `reduce` changes it; `render` draws it.
///
/// Equality is synthesised: every stored property is part of what the user sees or what the next key will do.
/// Caches that only make recomputing cheaper live in `Memo`, outside the state.
public struct AppState: Equatable, Sendable {
    /// The data on screen, compared by version.
    public internal(set) var data: LoadedData
    public var dataset: Dataset { data.dataset }
    /// Every recorded change, oldest first.
    public var history: History { data.history }
    /// Who this session's changes are recorded against.
    public var author: String
    /// Ids of the changes this session saved, newest last: what `u` can take back.
    public internal(set) var sessionEvents: [String] = []
    /// The panel a change was typed in, kept until the store answers, so a refused change loses no typing.
    public internal(set) var pendingEdit: Overlay?
    /// Where Esc returns to from a list opened from another screen (Themes → Projects).
    public internal(set) var backScreen: Screen?
    /// The views left behind, newest last: where `-` goes (see ViewTrail.swift).
    public internal(set) var trail: [ViewStop] = []
    /// True when a desktop can open `mailto:` and `tel:` links (set by the app from the environment).
    public var canOpenLinks = false
    /// Bumped whenever `dataset` is replaced, so states compare cheaply.
    public var datasetVersion: Int { data.version }
    public internal(set) var size: Size
    public internal(set) var screen: Screen = .themes
    public internal(set) var filter = ProjectFilter()
    public internal(set) var sort = ProjectSort(.title)
    public internal(set) var cursors: [Screen: ListCursor] = [:]
    public internal(set) var details: [DetailState] = []
    public internal(set) var overlay: Overlay?
    /// The search line while `/` is being typed; nil otherwise.
    public internal(set) var searchField: TextField?
    /// The search text while `/` is being typed; nil otherwise.
    public internal(set) var searchDraft: String? {
        get { searchField?.text }
        set { searchField = newValue.map { TextField($0, limit: TextField.searchLimit) } }
    }
    /// A one-line message in the footer until the next key.
    public internal(set) var message: Notice?
    public internal(set) var shouldQuit = false
    public var colors: Bool
    public var unicode: Bool
    /// Why edits are off, shown as a banner; nil when the session may edit.
    public var readOnlyReason: String?
    /// The keys, as the user's settings remapped them.
    public var keyMap: KeyMap = .standard
    /// Views saved with `v`, in the order they were saved.
    public var views: [SavedView] = []
    /// A problem with the settings file, shown as a banner until the file is fixed; nil when it is fine.
    public var settingsWarning: String?
    /// How dates are written on screen (the settings' `date_style`).
    public var dateStyle: DateStyle = .uk
    /// The day the date filters count from ("ends within 90 days"); the runner sets it from the clock.
    public var today: CalendarDate
    /// Column layouts chosen with `C`, per list screen; a screen without one uses its own.
    public var columnLayouts: [Screen: ColumnLayout] = [:]
    /// Columns scrolled past sideways (after the first, which stays), per list screen.
    public internal(set) var columnScroll: [Screen: Int] = [:]
    /// How far back the Activity screen looks.
    public internal(set) var activityWindow: ActivityWindow = .all
    /// How the Reports screen breaks the money down, and for which year.
    public internal(set) var reportChoice = ReportChoice()
    /// Financial years projects started in: the filter panel's "started in" choices (worked out with the data).
    public var startYears: [FinancialYearSpan] { data.startYears }
    /// The background the user says the terminal has, if they said.
    public var paletteTheme: PaletteTheme?

    /// Projects that pass the filter, in sort order.
    public internal(set) var visibleProjects: [Int] = []
    /// The current screen's figures, below.
    var figures = ScreenFigures()
    /// Per theme (in strategy order): projects and statuses under the other filters.
    public internal(set) var themeStats: [ThemeStat] {
        get { figures.themeStats }
        set { figures.themeStats = newValue }
    }
    /// Projects that pass the filters other than the theme (what "All themes" would show).
    public internal(set) var themeProjectTotal: Int {
        get { figures.themeProjectTotal }
        set { figures.themeProjectTotal = newValue }
    }
    /// Per stream: money, scoped to the visible projects when a filter is set.
    public internal(set) var streamTotals: [StreamTotals] {
        get { figures.streamTotals }
        set { figures.streamTotals = newValue }
    }
    /// Money by theme across every stream (primary and secondary), for the Funding screen.
    public internal(set) var themeFunding: [ThemeFunding] {
        get { figures.themeFunding }
        set { figures.themeFunding = newValue }
    }
    /// The Activity screen: indices into `history`, newest first, for visible projects.
    public internal(set) var activity: [Int] {
        get { figures.activity }
        set { figures.activity = newValue }
    }
    /// The Reports screen's figures; nil when the report cannot be made (a year no longer in the data).
    public internal(set) var fundingReport: FundingReport? {
        get { figures.fundingReport }
        set { figures.fundingReport = newValue }
    }
    /// Organisations involved in the visible projects (or matching the search by name), by name.
    public internal(set) var visiblePartners: [Int] {
        get { figures.visiblePartners }
        set { figures.visiblePartners = newValue }
    }
    /// Per organisation row: how many visible projects it leads or delivers.
    public internal(set) var partnerProjectCounts: [Int] {
        get { figures.partnerProjectCounts }
        set { figures.partnerProjectCounts = newValue }
    }

    public init(
        dataset: Dataset, history: History = History(), size: Size, screen: Screen = .themes, filter: ProjectFilter = ProjectFilter(),
        author: String = "", readOnlyReason: String? = nil, colors: Bool = true, unicode: Bool = true,
        today: CalendarDate = .today()
    ) {
        self.data = LoadedData(dataset: dataset, history: history)
        self.author = author
        self.readOnlyReason = readOnlyReason
        self.size = size
        self.screen = screen
        self.filter = filter
        self.colors = colors
        self.unicode = unicode
        self.today = today
        recompute(Memo())
    }

    /// A message for the first frame, such as the first-run notice.
    public mutating func showNotice(_ text: String) { message = Notice(text, .info) }

    public func cursor(_ screen: Screen) -> ListCursor { cursors[screen] ?? ListCursor() }

    public var detail: DetailState? { details.last }

    /// The project a change would apply to: the open project page, else the selected project (or the
    /// project of the selected change on the Activity screen).
    public var focusedProject: Int? {
        if let detail {
            if case .project(let id) = detail.target { return dataset.projectIndex[id] }
            return nil
        }
        let selected = cursor(screen).selected
        switch screen {
        case .projects:
            return visibleProjects.indices.contains(selected) ? visibleProjects[selected] : nil
        case .activity:
            return activity.indices.contains(selected) ? dataset.projectIndex[history.projectID(at: activity[selected])] : nil
        default:
            return nil
        }
    }

    public var themeFilter: String? { filter.themes.first }

    /// True while a text field has the keys: the search line, the note editor, the status picker's note.
    public var isTypingText: Bool {
        if searchField != nil { return true }
        switch overlay {
        case .statusPicker, .noteEditor, .viewPrompt, .recordForm: return true
        default: return false
        }
    }
}

/// A one-line message for the footer, with how it should read.
public struct Notice: Equatable, Sendable {
    public enum Tone: Sendable {
        case info, success, warning
    }

    public var text: String
    public var tone: Tone

    public init(_ text: String, _ tone: Tone = .info) {
        self.text = text
        self.tone = tone
    }
}

public struct ThemeStat: Equatable, Sendable {
    public var theme: String
    public var projects: Int
    public var byStatus: [ProjectStatus: Int]
    /// Money under each project's primary theme: what the totals add up.
    public var allocated: Pence
    /// Money of projects tagged with this theme as a secondary one (already counted under their primary).
    public var alsoTagged: Pence = 0
}

extension AppState: CustomStringConvertible {
    /// What the user sees in terms of state, without the data (for test failures and logs).
    public var description: String {
        var parts = ["screen: \(screen)", "size: \(size.width)x\(size.height)", "filter: \(filter)", "sort: \(sort)"]
        parts.append("cursors: " + Screen.allCases.map { "\($0)=\(cursor($0).selected)@\(cursor($0).offset)" }.joined(separator: " "))
        if !details.isEmpty { parts.append("details: \(details.map(\.target))") }
        if let overlay { parts.append("overlay: \(overlay)") }
        if let searchDraft { parts.append("searchDraft: \(searchDraft.debugDescription)") }
        if let message { parts.append("message: \(message.text.debugDescription) (\(message.tone))") }
        if let readOnlyReason { parts.append("readOnly: \(readOnlyReason)") }
        if !sessionEvents.isEmpty { parts.append("sessionEvents: \(sessionEvents)") }
        parts.append("visible: \(visibleProjects.count) projects, data v\(datasetVersion), history v\(history.version)")
        return "AppState(" + parts.joined(separator: ", ") + ")"
    }
}
