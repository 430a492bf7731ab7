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
    @Option(name: .long, help: "The directory to write (created if missing; must be empty unless --force).", completion: .directory)
    var out: String

    @Flag(
        name: .long,
        help: "Replace the data files in a directory that is not empty. A journal or archive holding changes is still refused.")
    var force = false

    func validate() throws {
        guard (1...10_000_000).contains(projects) else { throw ValidationError("--projects takes 1 to 10,000,000") }
        guard (0...50_000_000).contains(events) else { throw ValidationError("--events takes 0 to 50,000,000") }
    }

    func run() throws {
        try checkDestination()
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

    /// Generating over a real data directory would replace its files and, with them, what its journal refers
    /// to: an existing directory must be empty, or --force given, and recorded changes are never replaced.
    private func checkDestination() throws {
        let journals = [JournalFiles.journal, JournalFiles.archive].filter { SyntheticData.holdsChanges(out + "/" + $0) }
        if !journals.isEmpty {
            Output.error(
                "caseboard generate: \(out) holds recorded changes (\(journals.joined(separator: ", "))); generate never replaces them, "
                    + "even with --force. Choose another --out.")
            throw ExitCode(64)
        }
        let present = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).sorted()
        if !present.isEmpty && !force {
            let shown = present.prefix(5).joined(separator: ", ") + (present.count > 5 ? " and \(present.count - 5) more" : "")
            Output.error(
                "caseboard generate: \(out) is not empty (it holds \(shown)); choose an empty or new directory, "
                    + "or add --force to replace its data files")
            throw ExitCode(64)
        }
    }
}
