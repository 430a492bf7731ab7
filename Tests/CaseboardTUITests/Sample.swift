import CaseboardKit
import Foundation
import TerminalKit

@testable import CaseboardTUI

/// The West Yorkshire sample, loaded once, and helpers to drive the reducer with keys.
enum Sample {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/west-yorkshire").path

    static let dataset: Dataset = {
        do {
            return try DatasetLoader.load(directory: directory)
        } catch {
            fatalError("the sample does not load: \(error)")
        }
    }()

    /// A fixed "today" (in financial year 2019/20), so date filters and their labels never depend on the clock.
    static let today = CalendarDate(year: 2020, month: 1, day: 15)!

    static func state(_ size: Size = Size(width: 80, height: 24), screen: Screen = .themes) -> AppState {
        AppState(dataset: dataset, size: size, screen: screen, today: today)
    }

    /// Presses each key in turn.
    static func press(_ keys: [Key], on state: inout AppState) {
        for key in keys { _ = reduce(&state, .keyPressed(key)) }
    }

    static func press(_ keys: Key..., on state: inout AppState) { press(keys, on: &state) }

    /// The row of a project by id.
    static func row(_ id: String) -> Int { dataset.projectIndex[id]! }

    static func ids(_ rows: [Int]) -> [String] { rows.map { dataset.projects[$0].id } }
}
