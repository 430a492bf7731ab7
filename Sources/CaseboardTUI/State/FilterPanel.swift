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
/// only needs rows here (with letters that clash with nothing in `reservedKeys`; a test checks). The panel's
/// other keys (moving, Space, x, Esc) are bindings of the key map's `filterPanel` scope.
/// Status and district options are fixed; the date options depend on today and on the years in the data.
enum FilterPanel {
    /// Keys the panel keeps for itself (its bindings in the standard key map), never given to an option.
    static let reservedKeys: Set<Character> = Set(
        KeyMap.standard.rows.filter { $0.scope == .filterPanel || $0.scope == .always }.flatMap(\.keys).compactMap { key in
            if case .character(let character) = key { return character }
            return nil
        })

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

    /// The letters for the help and docs/keys.md: one row per fixed section, then the dates.
    static var letterRows: [(keys: String, summary: String)] {
        let letters = fixedSections.map { section in
            (
                keys: section.options.map { String($0.letter) }.joined(separator: " "),
                summary: "Tick a \(section.title.lowercased()) at once: " + letterSummary(section)
            )
        }
        let dates = (
            keys: (endLetters.map(String.init) + ["1-9"]).joined(separator: " "),
            summary: "Dates, one at a time: e ends this financial year · w ends within 90 days · u no end date · "
                + "1-9 started in a financial year of the data, oldest first"
        )
        return letters + [dates]
    }

    /// "o proposed · v approved …", for the help and docs/keys.md.
    static func letterSummary(_ section: FilterSection) -> String {
        section.options.map { "\($0.letter) \($0.label)" }.joined(separator: " · ")
    }
}

extension FilterPanel {
    /// The same row of the next (or previous) section, or its last row when that section is shorter.
    static func across(from selected: Int, by step: Int, _ sections: [FilterSection]) -> Int {
        let starts = sectionStarts(sections)
        let section = self.section(of: selected, sections)
        let target = section + step
        guard sections.indices.contains(target) else { return selected }
        let row = selected - starts[section]
        return starts[target] + min(row, sections[target].options.count - 1)
    }
}
