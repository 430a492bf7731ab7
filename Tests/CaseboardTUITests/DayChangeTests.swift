import CaseboardKit
import TerminalKit
import Testing

@testable import CaseboardTUI

/// "Today" comes from the clock at the edge (the runner's idle tick), never from inside the reducer.
@Suite struct DayChangeTests {
    let size = Size(width: 80, height: 24)

    @Test func theIdleTickMovesTodayWhenTheDateChanges() {
        // The sample state is fixed at 15 Jan 2020, so the real clock is always a later day.
        let runner = AppRunner(state: Sample.state(size, screen: .activity), backend: MemoryBackend(size: size))
        #expect(runner.state.today == Sample.today)
        runner.tick()
        #expect(runner.state.today == CalendarDate.today())
        #expect(runner.state.today > Sample.today)
    }

    @Test func aNewDayIsTheOnlyThingDayChangedTouches() {
        var state = Sample.state(size, screen: .projects)
        let before = state
        let next = Sample.today.adding(days: 1)!
        #expect(reduce(&state, .dayChanged(next)).isEmpty)
        #expect(state.today == next)
        state.today = before.today
        #expect(state == before)
    }
}
