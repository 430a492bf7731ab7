import CaseboardKit
import TerminalKit
import Testing

@testable import CaseboardTUI

/// The header says the data is illustrative on every screen when any record is marked so, and never otherwise.
@Suite struct SampleBannerTests {
    func headerRow(_ state: AppState) -> String { render(state).buffer.text()[1] }

    @Test(arguments: Screen.allCases) func theSampleSaysSoOnEveryScreen(screen: Screen) {
        #expect(headerRow(Sample.state(screen: screen)).hasPrefix("  Sample data — illustrative "))
        #expect(headerRow(Sample.state(Size(width: 60, height: 16), screen: screen)).contains("Sample data — illustrative"))
    }

    /// Each value with its provenance cleared.
    func unmarked<Value>(_ values: [Value], _ clear: (inout Value) -> Void) -> [Value] {
        values.map { value in
            var value = value
            clear(&value)
            return value
        }
    }

    @Test func dataWithoutMarksHasNoBanner() {
        let sample = Sample.dataset
        let unmarked = Dataset(
            themes: sample.themes, organisations: self.unmarked(sample.organisations) { $0.provenance = nil }, contacts: sample.contacts,
            projects: self.unmarked(Array(sample.projects)) { $0.provenance = nil },
            funding: self.unmarked(sample.funding) { stream in
                stream.provenance = nil
                stream.allocations = self.unmarked(stream.allocations) { $0.provenance = nil }
            })
        let state = AppState(dataset: unmarked, size: Size(width: 80, height: 24), today: Sample.today)
        #expect(!state.data.isIllustrative)
        #expect(headerRow(state).hasPrefix(" All projects"))
    }
}
