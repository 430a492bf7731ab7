import CaseboardKit
import TerminalKit

/// One tickable choice in the `f` panel, with the letter that ticks it straight away.
struct FilterOption: Sendable {
    var letter: Character
    var label: String
    var role: Role
    var isOn: @Sendable (ProjectFilter) -> Bool
    var toggle: @Sendable (inout ProjectFilter) -> Void
}

/// A titled group of options: Status, District (and any section added later, such as dates).
struct FilterSection: Sendable {
    var title: String
    var options: [FilterOption]
}

/// The filter panel as a table: the reducer, the renderer and the help all read it, so a new section
/// only needs rows here (with letters that clash with nothing in `reservedKeys`; a test checks).
/// Status and district options are fixed; the date options depend on today and on the years in the data.
enum FilterPanel {
    /// Keys the panel keeps for itself, never given to an option.
    static let reservedKeys: Set<Character> = ["j", "k", "h", "l", "x", "f", "q", " "]

    /// Statuses in lower case, districts in upper case: "at risk in Kirklees" is `f r K`.
    static let fixedSections: [FilterSection] = [
        FilterSection(
            title: "Status",
            options: zip(ProjectStatus.allCases, ["o", "v", "a", "r", "p", "c", "d"]).map { status, letter in
                FilterOption(
                    letter: letter, label: status.label, role: .status(status), isOn: { $0.statuses.contains(status) },
                    toggle: { filter in
                        if filter.statuses.remove(status) == nil { filter.statuses.insert(status) }
                    })
            }),
        FilterSection(
            title: "District",
            options: zip(District.allCases, ["B", "C", "K", "L", "W", "Y"]).map { district, letter in
                FilterOption(
                    letter: letter, label: district.name, role: .plain, isOn: { $0.districts.contains(district) },
                    toggle: { filter in
                        if filter.districts.remove(district) == nil { filter.districts.insert(district) }
                    })
            }),
    ]

    /// End-date choices: `e` this financial year, `w` within 90 days, `u` no end date (undated).
    static let endLetters: [Character] = ["e", "w", "u"]
    /// "Started in" a financial year: digits, oldest year first.
    static let yearLetters: [Character] = Array("123456789")

    /// Every section for this state: the fixed ones, then Ends and Started in (one choice at a time: ticking
    /// a date option replaces the one before).
    static func sections(_ state: AppState) -> [FilterSection] {
        func option(_ letter: Character, _ choice: DateChoice) -> FilterOption {
            let chosen = choice.filter
            return FilterOption(
                letter: letter, label: choice.short, role: .plain, isOn: { $0.dates == chosen },
                toggle: { filter in filter.dates = filter.dates == chosen ? DateFilter() : chosen })
        }
        let ends = zip(endLetters, DateChoices.endChoices(state)).map(option)
        let years = zip(yearLetters, DateChoices.startChoices(state)).map(option)
        return fixedSections + [FilterSection(title: "Ends", options: ends)]
            + (years.isEmpty ? [] : [FilterSection(title: "Started in", options: years)])
    }

    /// Every option in panel order: `Overlay.filterPanel(selected:)` indexes this.
    static func options(_ state: AppState) -> [FilterOption] { sections(state).flatMap(\.options) }

    /// The option a letter ticks, if any.
    static func option(for letter: Character, _ state: AppState) -> Int? {
        options(state).firstIndex { $0.letter == letter }
    }

    /// Where each section starts in `options`.
    static func sectionStarts(_ sections: [FilterSection]) -> [Int] {
        sections.indices.map { index in sections[..<index].reduce(0) { $0 + $1.options.count } }
    }

    /// The section an option belongs to.
    static func section(of option: Int, _ sections: [FilterSection]) -> Int {
        sectionStarts(sections).lastIndex { $0 <= option } ?? 0
    }

    /// Clears what the panel sets (the theme and the search stay).
    static func clear(_ filter: inout ProjectFilter) {
        filter.statuses = []
        filter.districts = []
        filter.dates = DateFilter()
    }

    /// "o proposed · v approved …", for the help and docs/keys.md.
    static func letterSummary(_ section: FilterSection) -> String {
        section.options.map { "\($0.letter) \($0.label)" }.joined(separator: " · ")
    }
}

extension FilterPanel {
    /// A key while the panel is open. Letters tick at once (the list beside or below updates live), so
    /// "at risk in Kirklees" is `f r K`; the arrows and Space still work for those who prefer them.
    static func handle(_ key: Key, selected: Int, _ state: inout AppState) {
        let options = options(state)
        let count = options.count
        switch key {
        case .escape, .enter, .character("f"), .character("q"):
            state.overlay = nil
        case .down, .character("j"), .tab: state.overlay = .filterPanel(selected: (selected + 1) % count)
        case .up, .character("k"), .backTab: state.overlay = .filterPanel(selected: (selected + count - 1) % count)
        case .right, .character("l"): state.overlay = .filterPanel(selected: across(from: selected, by: 1, sections(state)))
        case .left, .character("h"): state.overlay = .filterPanel(selected: across(from: selected, by: -1, sections(state)))
        case .character(" "): toggle(selected, options, &state)
        case .character("x"):
            clear(&state.filter)
            state.recompute()
        case .character(let letter):
            guard let index = options.firstIndex(where: { $0.letter == letter }) else {
                state.message = Notice("\(letter) ticks nothing here; the letters are in brackets", .warning)
                return
            }
            state.overlay = .filterPanel(selected: index)
            toggle(index, options, &state)
        default:
            break
        }
    }

    /// The same row of the next (or previous) section, or its last row when that section is shorter.
    static func across(from selected: Int, by step: Int, _ sections: [FilterSection]) -> Int {
        let starts = sectionStarts(sections)
        let section = self.section(of: selected, sections)
        let target = section + step
        guard sections.indices.contains(target) else { return selected }
        let row = selected - starts[section]
        return starts[target] + min(row, sections[target].options.count - 1)
    }

    private static func toggle(_ index: Int, _ options: [FilterOption], _ state: inout AppState) {
        guard options.indices.contains(index) else { return }
        options[index].toggle(&state.filter)
        state.recompute()
    }
}
