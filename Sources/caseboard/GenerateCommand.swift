import ArgumentParser
import CaseboardKit
import Foundation

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic data directory for load tests (the same seed gives the same files).",
        discussion:
            "Projects, partners, contacts, funding streams with allocations and, with --events, a journal. Every person is fictional.")

    @Option(name: .long, help: "How many projects.") var projects: Int
    @Option(name: .long, help: "How many journal events (status changes and notes).") var events: Int = 0
    @Option(name: .long, help: "The random seed.") var seed: UInt64 = 1
    @Option(name: .long, help: "The directory to write (created if missing; its data files are replaced).", completion: .directory)
    var out: String

    func validate() throws {
        guard (1...10_000_000).contains(projects) else { throw ValidationError("--projects takes 1 to 10,000,000") }
        guard (0...50_000_000).contains(events) else { throw ValidationError("--events takes 0 to 50,000,000") }
    }

    func run() throws {
        let started = Date()
        do {
            try SyntheticData(projects: projects, events: events, seed: seed).write(to: out)
        } catch {
            Output.error("caseboard: \(error)")
            throw ExitCode(1)
        }
        let seconds = Date().timeIntervalSince(started)
        Output.error(String(format: "Wrote %d projects and %d events to %@ in %.1f s", projects, events, out, seconds))
    }
}
