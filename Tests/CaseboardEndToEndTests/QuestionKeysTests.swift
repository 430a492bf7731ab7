import CaseboardKit
import Foundation
import Testing

/// The README's questions, each asked of the real browser at 80×24 from a cold start, with the keys the
/// README gives: no question may cost more than six keys, and each answer must be on the screen.
@Suite(.serialized) struct QuestionKeysTests {
    struct Question: CustomStringConvertible {
        var text: String
        /// tmux key names, one per key pressed (a typed word counts one key per letter).
        var keys: [String]
        /// Everything that must be on screen once the keys are pressed.
        var answer: [String]
        var description: String { text }
    }

    static let questions = [
        Question(
            text: "What is at risk in Kirklees?", keys: ["2", "f", "r", "K"],
            answer: [
                "Mentoring for pupils at risk o", "Multi-systemic therapy for 10–", "Youth work at the point of arr", "3 of 36 projects",
            ]),
        Question(
            text: "What is at risk or paused in Kirklees?", keys: ["2", "f", "r", "p", "K"],
            answer: ["Status: at risk, paused", "3 of 36 projects"]),
        Question(
            text: "Who leads the schools programme, and how do I reach them?", keys: ["/", "g", "a", "n", "g", "Enter"],
            answer: [
                "Project › GANGS schools programme", "Zoë Whitaker · GANGS Schools Programme Manager",
                "z.whitaker@example.org  01632 960623",
            ]),
        Question(
            text: "How much of the youth fund went to early intervention?", keys: ["3"],
            answer: ["Early Intervention Youth Fund by primary theme", "£787,500"]),
        Question(
            text: "How much goes to early intervention across all streams?", keys: ["3", "G"],
            answer: ["All streams by primary theme", "Early intervention  █", "£6,542,500"]),
        Question(
            text: "Which active projects have no end date?", keys: ["2", "f", "a", "u"],
            answer: ["Dates: no end date", "12 of 36 projects"]),
        Question(
            text: "Which projects started in 2021/22?", keys: ["2", "f", "4"],
            answer: ["9 of 36 projects"]),
        Question(
            text: "What changed in the last 7 days?", keys: ["5", "d"],
            answer: ["last 7 days", "dana", "Multi-systemic therapy"]),
        Question(
            text: "How much went to West Yorkshire-wide projects?", keys: ["6", "b"],
            answer: ["DISTRICT", "West Yorkshire-wide  £6,575,000", "Several districts", "£18,387,261"]),
    ]

    @Test(arguments: questions)
    func answeredOnScreenInSixKeysOrFewer(question: Question) throws {
        #expect(question.keys.count <= 6, "\(question.text) costs \(question.keys.count) keys")
        let data = try Spawn.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: data) }
        // One recent change, so "the last 7 days" has something in it.
        let change = Spawn.run([Spawn.caseboard, "note", "kirklees-mst", "Met the school", "--data", data, "--author", "dana"])
        try #require(change.status == 0, "\(change.stderr)")
        let tmux = try Tmux(width: 80, height: 24)
        tmux.type("\(Spawn.caseboard) --data \(data)")
        tmux.waitFor("1 Themes")
        for key in question.keys { tmux.press(key) }
        let screen = tmux.waitFor("the answer to \"\(question.text)\"") { screen in question.answer.allSatisfy { screen.contains($0) } }
        for part in question.answer { #expect(screen.contains(part), "\(question.text): \(part) is not on screen") }
        tmux.press("C-c")
    }
}
