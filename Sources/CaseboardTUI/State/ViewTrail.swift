import CaseboardKit

/// One place the user has been: the screen, the pages open on it, and the filter that showed it.
public struct ViewStop: Equatable, Sendable {
    var screen: Screen
    var details: [DetailState]
    var backScreen: Screen?
    var filter: ProjectFilter
    /// Set when leaving this view also changed the filter (a jump to a related list): going back restores it.
    var restoresFilter = false

    /// Same screen and pages; where the selection was inside them does not make a new view.
    func isSamePlace(as other: ViewStop) -> Bool {
        screen == other.screen && details.map(\.target) == other.details.map(\.target)
    }
}

/// `-` goes back through every view reached, by a screen key, Enter on a link or a jump to a related list:
/// the browser's back button. Esc keeps its narrower meaning (close this page).
extension AppState {
    static let trailLimit = 100

    var currentStop: ViewStop { ViewStop(screen: screen, details: details, backScreen: backScreen, filter: filter) }

    /// After a key: when it took the user somewhere else, the place they left goes on the trail. Going back
    /// by Esc to the place the trail ends with takes that stop off instead, so `-` never undoes an Esc.
    mutating func noteMove(from before: ViewStop) {
        let now = currentStop
        guard !now.isSamePlace(as: before) else { return }
        if let last = trail.last, last.isSamePlace(as: now) {
            trail.removeLast()
            return
        }
        var stop = before
        stop.restoresFilter = before.filter != filter
        trail.append(stop)
        if trail.count > Self.trailLimit { trail.removeFirst(trail.count - Self.trailLimit) }
    }

    /// `-`: back to the view before this one, with its selection (and its filter, when leaving it changed it).
    mutating func returnToPreviousView(_ memo: Memo) {
        guard let stop = trail.popLast() else {
            message = Notice("Nowhere to go back to yet; - returns to the view before this one", .warning)
            return
        }
        screen = stop.screen
        details = stop.details
        backScreen = stop.backScreen
        if stop.restoresFilter && filter != stop.filter {
            filter = stop.filter
            recompute(memo)
        }
        clampCursors()
    }
}
