import CaseboardKit

/// The list a picked field opens: type to narrow, ↑ ↓ to move, Space ticks (in lists of several), Enter picks.
public struct FieldPicker: Equatable, Sendable {
    /// The form field it fills.
    public var field: Int
    public var multi: Bool
    public var options: [PickerOption]
    public var query: TextField
    /// The highlighted row among `matches`.
    public var selected = 0
    /// The ids chosen so far, in the order they were ticked.
    public var ticked: [String]

    public init(field: Int, multi: Bool, options: [PickerOption], ticked: [String], query: String = "") {
        self.field = field
        self.multi = multi
        self.options = options
        self.ticked = ticked
        self.query = TextField(query, limit: 60)
        // A single choice opens on what is chosen, so Enter straight away keeps it.
        if !multi, query.isEmpty, let current = ticked.first, let row = options.firstIndex(where: { $0.id == current }) {
            selected = row
        }
    }

    /// Options whose name or id holds what was typed; case, accents, spaces and punctuation do not matter.
    public var matches: [PickerOption] {
        let needle = FieldInput.fold(query.text)
        guard !needle.isEmpty else { return options }
        return options.filter { FieldInput.fold($0.label).contains(needle) || FieldInput.fold($0.id).contains(needle) }
    }

    public var highlighted: PickerOption? {
        let shown = matches
        return shown.indices.contains(selected) ? shown[selected] : nil
    }

    mutating func move(by step: Int) {
        let count = matches.count
        guard count > 0 else { return }
        selected = ((selected + step) % count + count) % count
    }

    mutating func toggleHighlighted() {
        guard let option = highlighted else { return }
        if let index = ticked.firstIndex(of: option.id) { ticked.remove(at: index) } else { ticked.append(option.id) }
    }

    /// After the query changes, the first match is highlighted.
    mutating func narrowed() { selected = 0 }
}
