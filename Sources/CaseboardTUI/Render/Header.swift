import CaseboardKit
import TerminalKit

/// Row 0: the brand and the numbered tabs. Row 1: any banners (settings, read-only, sample data), then the active
/// filters as chips, or a hint when none.
enum Header {
    static let brand = " Caseboard "
    static let sampleBanner = "Sample data — illustrative"

    /// How much room the tabs take: the brand and padded tabs when they fit, else closed up, else (at the
    /// narrowest terminals) with the digit against the title, so every tab stays on screen.
    enum Spacing: CaseIterable {
        case roomy, compact, tight
    }

    static func spacing(width: Int) -> Spacing {
        Spacing.allCases.first { spacing in
            let tabs = Screen.allCases.reduce(0) { $0 + DisplayWidth.of(label($1, spacing)) + 1 }
            return start(spacing) + tabs - 1 <= width
        } ?? .tight
    }

    private static func start(_ spacing: Spacing) -> Int { spacing == .roomy ? DisplayWidth.of(brand) + 1 : 1 }

    /// Each tab's first column and width on row 0, shared with mouse handling.
    static func tabs(width: Int) -> [(screen: Screen, x: Int, width: Int)] {
        let spacing = spacing(width: width)
        var x = start(spacing)
        return Screen.allCases.map { screen in
            let tabWidth = DisplayWidth.of(label(screen, spacing))
            defer { x += tabWidth + 1 }
            return (screen, x, tabWidth)
        }
    }

    static func label(_ screen: Screen, _ spacing: Spacing) -> String {
        switch spacing {
        case .roomy: return " \(screen.rawValue) \(screen.title) "
        case .compact: return "\(screen.rawValue) \(screen.title)"
        case .tight: return "\(screen.rawValue)\(screen.title)"
        }
    }

    static func tab(atColumn column: Int, width: Int) -> Screen? {
        tabs(width: width).first { column >= $0.x && column < $0.x + $0.width }?.screen
    }

    static func draw(_ state: AppState, _ canvas: inout Canvas) {
        let width = canvas.size.width
        let spacing = spacing(width: width)
        if spacing == .roomy { canvas.text(brand, x: 0, y: 0, .brand) }
        for tab in tabs(width: width) {
            canvas.text(
                label(tab.screen, spacing), x: tab.x, y: 0, width: max(0, width - tab.x),
                tab.screen == state.screen ? .tabActive : .tab)
        }
        drawChips(state, &canvas)
    }

    private static func drawChips(_ state: AppState, _ canvas: inout Canvas) {
        let width = canvas.size.width
        var x = 1
        if let warning = state.settingsWarning {
            // The file was not (all) used: said until it is fixed, so a missing remap is never a mystery.
            x += canvas.text(" \(warning) ", x: x, y: 1, width: width - 2, .banner) + 1
        }
        if let reason = state.readOnlyReason {
            // Said before anything else on the row: edits are off, and why.
            x += canvas.text(" Read-only: \(reason) ", x: x, y: 1, width: width - 2, .banner) + 1
        }
        if state.data.isIllustrative {
            // Made-up figures must never pass for a VRU's own: said on every screen, before the filters.
            x += canvas.text(" \(sampleBanner) ", x: x, y: 1, width: width - 2, .banner) + 1
        }
        let chips = self.chips(state)
        if chips.isEmpty {
            canvas.text("All projects · t theme · f status, district, dates · / search", x: x, y: 1, width: max(0, width - x), .dim)
            return
        }
        for chip in chips {
            let text = " \(chip) "
            let room = width - x - 1
            guard room > 3 else { break }
            x += canvas.text(text, x: x, y: 1, width: room, .chip) + 1
        }
        let clear = "x clears"
        if x + DisplayWidth.of(clear) < width { canvas.text(clear, x: width - DisplayWidth.of(clear) - 1, y: 1, .dim) }
    }

    /// The filters in words: "Theme: Early intervention", "Status: at risk, paused", "Search: knife".
    static func chips(_ state: AppState) -> [String] {
        var chips: [String] = []
        let filter = state.filter
        if !filter.themes.isEmpty {
            let names = state.dataset.themes.filter { filter.themes.contains($0.id) }.map { Theme.shortName($0.id) }
            chips.append("Theme: " + names.joined(separator: ", "))
        }
        if !filter.statuses.isEmpty {
            chips.append("Status: " + ProjectStatus.allCases.filter(filter.statuses.contains).map(\.label).joined(separator: ", "))
        }
        if !filter.districts.isEmpty {
            chips.append("District: " + District.allCases.filter(filter.districts.contains).map(\.name).joined(separator: ", "))
        }
        if !filter.dates.isEmpty { chips.append(DateChoices.chip(state)) }
        if !filter.text.isEmpty { chips.append("Search: \(filter.text)") }
        return chips
    }
}
