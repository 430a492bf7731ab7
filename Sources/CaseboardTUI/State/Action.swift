import CaseboardKit
import TerminalKit

/// Something that happened: the user pressed a key, the terminal changed size, the data changed.
public enum Action: Sendable {
    case keyPressed(Key)
    case terminalResized(Size)
    case commandIssued(Command)
}
