import TerminalKit

/// Keys for adding, correcting and retiring records, and for the forms, pickers and questions they open.
extension KeyMap {
    static let recordBindings: [KeyBinding] = [
        KeyBinding(
            [.character("A")], .addRecord, "Add a record here: project, partner or contact, funding stream or allocation",
            scope: .lists, hint: "add", unavailable: { recordBlocked($0, adding: true) }),
        KeyBinding(
            [.character("e")], .editRecord, "Correct the selected or open record in a form", scope: .lists, hint: "edit",
            unavailable: { recordBlocked($0, adding: false) }),
        KeyBinding(
            [.character("R")], .retireRecord, "Retire the selected or open record (asks first; history keeps it)", scope: .lists,
            unavailable: { recordBlocked($0, adding: false) }),
    ]

    static let formBindings: [KeyBinding] = [
        // Record form
        KeyBinding([.down, .tab], .moveDown, "Next field", scope: .recordForm),
        KeyBinding([.up, .backTab], .moveUp, "Previous field", scope: .recordForm),
        KeyBinding([.enter], .confirm, "Next field; on the last field, save", scope: .recordForm),
        KeyBinding([.control("s")], .saveRecord, "Save from any field", scope: .recordForm),
        KeyBinding(
            [.control("r")], .reloadRecord, "After a refusal: start again from the saved values, keeping what you typed",
            scope: .recordForm),
        KeyBinding([.escape], .cancel, "Close the form (asks first when anything changed)", scope: .recordForm),
        // Picking a field's value
        KeyBinding([.down, .tab], .moveDown, "Next in the list", scope: .fieldPicker),
        KeyBinding([.up, .backTab], .moveUp, "Previous in the list", scope: .fieldPicker),
        KeyBinding([.character(" ")], .choose, "Tick or untick (in a list of several)", scope: .fieldPicker),
        KeyBinding([.enter], .confirm, "Pick: the ticked ones, else the highlighted one", scope: .fieldPicker),
        KeyBinding([.escape], .cancel, "Close the list; the field stays as it was", scope: .fieldPicker),
        // Which record
        KeyBinding([.escape, .character("q")], .closePanel, "Close", scope: .recordChooser),
        // Questions
        KeyBinding([.character("y")], .confirm, "Yes", scope: .question),
        KeyBinding([.character("n"), .escape], .cancel, "No", scope: .question),
    ]

    static let formContexts: [[BindingScope]] = [
        [.always, .recordForm, .textField], [.always, .fieldPicker, .textField], [.always, .recordChooser], [.always, .question],
    ]

    /// Help rows for keys that are data rather than bindings: typing on a picked field, the chooser's letters.
    static func formDataRows(_ scope: BindingScope) -> [(keys: String, summary: String)] {
        switch scope {
        case .recordForm: return [("Space", "On a field chosen from a list: open the list (a letter opens it narrowed)")]
        case .fieldPicker: return [("characters", "Narrow the list (case, accents and spaces do not matter)")]
        case .recordChooser: return [("letter", "The kind of record, by the letter beside it")]
        default: return []
        }
    }

    /// Why `A`, `e` or `R` does nothing here, or nil when it acts.
    static func recordBlocked(_ state: AppState, adding: Bool) -> String? {
        if let reason = state.readOnlyReason { return "changes are off in this session (read-only: \(reason))" }
        guard state.details.isEmpty else { return nil }
        if state.screen == .themes { return "themes come from the strategy; 2, 3 or 4 to add or correct projects, funding or partners" }
        if state.screen == .reports { return "reports add up the records; 2, 3 or 4 to add or correct projects, funding or partners" }
        return !adding && state.rowCount(state.screen) == 0 ? "nothing is selected" : nil
    }
}
