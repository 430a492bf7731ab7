import TerminalKit

/// The keys of panels and prompts: each panel is a scope of its own, so help, the footer and remapping
/// see them like any other binding.
extension KeyMap {
    static let panelBindings: [KeyBinding] = [
        // Help
        KeyBinding([.down, .character("j")], .moveDown, "Scroll down", scope: .help),
        KeyBinding([.up, .character("k")], .moveUp, "Scroll up", scope: .help),
        KeyBinding([.pageDown, .character(" ")], .pageDown, "Scroll a page down", scope: .help),
        KeyBinding([.pageUp], .pageUp, "Scroll a page up", scope: .help),
        KeyBinding(
            [.escape, .character("?"), .character("q"), .function(1), .enter], .closePanel, "Close the help", scope: .help),
        // Theme picker
        KeyBinding([.down, .character("j"), .tab], .moveDown, "Move down", scope: .themePicker),
        KeyBinding([.up, .character("k"), .backTab], .moveUp, "Move up", scope: .themePicker),
        KeyBinding([.enter, .character(" ")], .choose, "Choose the theme", scope: .themePicker),
        KeyBinding([.character("0")], .chooseTheme(0), "All themes", scope: .themePicker),
        KeyBinding([.character("1")], .chooseTheme(1), "The first theme", scope: .themePicker),
        KeyBinding([.character("2")], .chooseTheme(2), "The second theme", scope: .themePicker),
        KeyBinding([.character("3")], .chooseTheme(3), "The third theme", scope: .themePicker),
        KeyBinding([.character("4")], .chooseTheme(4), "The fourth theme", scope: .themePicker),
        KeyBinding([.escape, .character("t"), .character("q")], .closePanel, "Close", scope: .themePicker),
        // Filter panel (letters that no key here takes tick an option: see FilterPanel)
        KeyBinding([.down, .character("j"), .tab], .moveDown, "Move down", scope: .filterPanel),
        KeyBinding([.up, .character("k"), .backTab], .moveUp, "Move up", scope: .filterPanel),
        KeyBinding([.right, .character("l")], .moveRight, "Across to the next section", scope: .filterPanel),
        KeyBinding([.left, .character("h")], .moveLeft, "Back to the previous section", scope: .filterPanel),
        KeyBinding([.character(" ")], .choose, "Tick or untick", scope: .filterPanel),
        KeyBinding([.character("x")], .clearPanel, "Clear the panel's ticks (statuses, districts, dates)", scope: .filterPanel),
        KeyBinding([.escape, .enter, .character("f"), .character("q")], .closePanel, "Close (the ticks stay)", scope: .filterPanel),
        // Column chooser
        KeyBinding([.down, .character("j")], .moveDown, "Move down", scope: .columnChooser),
        KeyBinding([.up, .character("k")], .moveUp, "Move up", scope: .columnChooser),
        KeyBinding([.character(" ")], .choose, "Show or hide the column", scope: .columnChooser),
        KeyBinding([.character("J")], .moveColumnDown, "Move the column later (right)", scope: .columnChooser),
        KeyBinding([.character("K")], .moveColumnUp, "Move the column earlier (left)", scope: .columnChooser),
        KeyBinding([.character("+"), .character("=")], .widenColumn, "Widen the column", scope: .columnChooser),
        KeyBinding([.character("-")], .narrowColumn, "Narrow the column", scope: .columnChooser),
        KeyBinding([.character("r")], .resetColumns, "Back to the screen's own columns", scope: .columnChooser),
        KeyBinding([.escape, .enter, .character("C"), .character("q")], .closePanel, "Close", scope: .columnChooser),
        // Search
        KeyBinding([.enter], .confirm, "Keep the search and go back to the list (its only match opens)", scope: .search),
        KeyBinding([.escape], .cancel, "Clear the search", scope: .search),
        // Status picker
        KeyBinding([.down, .tab], .moveDown, "Next status", scope: .statusPicker),
        KeyBinding([.up, .backTab], .moveUp, "Previous status", scope: .statusPicker),
        KeyBinding([.enter], .confirm, "Check the change; Enter again saves it", scope: .statusPicker),
        KeyBinding([.escape], .cancel, "Go back from the check, else cancel", scope: .statusPicker),
        // Note editor
        KeyBinding([.enter], .confirm, "Save the note", scope: .noteEditor),
        KeyBinding([.escape], .cancel, "Discard the note", scope: .noteEditor),
        // Saving a view
        KeyBinding([.enter], .confirm, "Save the view under this name", scope: .viewPrompt),
        KeyBinding([.escape], .cancel, "Cancel", scope: .viewPrompt),
        // Saved views
        KeyBinding([.down, .character("j")], .moveDown, "Move down", scope: .viewList),
        KeyBinding([.up, .character("k")], .moveUp, "Move up", scope: .viewList),
        KeyBinding([.enter], .open, "Open the view", scope: .viewList),
        KeyBinding([.character("d")], .deleteView, "Delete the view (press again to confirm)", scope: .viewList),
        KeyBinding([.escape, .character("V"), .character("q")], .closePanel, "Close", scope: .viewList),
    ]

    /// Editing keys of every text field (the search line, notes, view names); other printable characters
    /// are typed into the field.
    static let textFieldBindings: [KeyBinding] = [
        KeyBinding([.left, .control("b")], .cursorLeft, "Move the cursor left", scope: .textField),
        KeyBinding([.right, .control("f")], .cursorRight, "Move the cursor right", scope: .textField),
        KeyBinding([.home, .control("a")], .cursorToStart, "To the start", scope: .textField),
        KeyBinding([.end, .control("e")], .cursorToEnd, "To the end", scope: .textField),
        KeyBinding([.backspace, .control("h")], .deleteBackward, "Delete the character before the cursor", scope: .textField),
        KeyBinding([.delete, .control("d")], .deleteForward, "Delete the character under the cursor", scope: .textField),
        KeyBinding([.control("u")], .deleteToStart, "Delete up to the cursor (all of it from the end)", scope: .textField),
        KeyBinding([.control("k")], .deleteToEnd, "Delete from the cursor to the end", scope: .textField),
        KeyBinding([.control("w")], .deleteWord, "Delete the word before the cursor", scope: .textField),
    ]
}
