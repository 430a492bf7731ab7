import ArgumentParser
import CaseboardKit

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check every data file and the change journal; print each problem as FILE:LINE:COLUMN: message.")

    @OptionGroup var data: DataOptions

    func run() throws {
        let location = try data.prepare()
        do {
            // Read-only: checking never repairs or writes anything.
            let store = try DataStore(directory: location.path, readOnly: true)
            let journal = store.takeWarnings()
            if !journal.isEmpty {
                // Lines of the journal that cannot be read, or an unfinished last line: each one a problem.
                Output.print(journal.joined(separator: "\n") + "\n")
                Output.error("\(journal.count) problem\(journal.count == 1 ? "" : "s") in the change journal found")
                throw ExitCode(1)
            }
            let dataset = store.dataset
            let allocations = dataset.funding.reduce(0) { $0 + $1.allocations.count }
            Output.print(
                "\(location.path): valid — \(dataset.themes.count) themes, \(dataset.projects.count) projects, "
                    + "\(dataset.funding.count) funding streams (\(allocations) allocations), "
                    + "\(dataset.organisations.count) partners, \(dataset.contacts.count) contacts, \(store.history.count) recorded changes\n"
            )
        } catch let failure as LoadFailure {
            Output.print(failure.description + "\n")
            Output.error("\(failure.total) problem\(failure.total == 1 ? "" : "s") found")
            throw ExitCode(1)
        }
    }
}
