import CaseboardKit
import TerminalKit

/// Something that happened: the user pressed a key, the terminal changed size, the data changed.
public enum Action: Sendable {
    case keyPressed(Key)
    case terminalResized(Size)
    case commandIssued(Command)
    /// Someone else's changes arrived (or the files were reloaded); `sameRows` when project rows are unchanged.
    case dataChanged(Dataset, History, sameRows: Bool, warnings: [String])
    /// A change of ours was saved; the data includes it and anything others saved first.
    case changeSaved(JournalEvent, Dataset, History)
    /// A change was refused; the data is as the store now sees it.
    case changeRefused(String, Dataset, History)
    /// The local date moved on (a session left open past midnight): "today" in date filters and Activity.
    case dayChanged(CalendarDate)
    /// The saved views could not be written to the settings file (the message says why).
    case viewsNotSaved(String)
}
