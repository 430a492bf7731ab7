import ArgumentParser
import CaseboardKit

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check every data file; print each problem as FILE:LINE:COLUMN: message.")

    @OptionGroup var data: DataOptions

    func run() throws {
        let location = try data.prepare()
        do {
            let dataset = try DatasetLoader.load(directory: location.path)
            let allocations = dataset.funding.reduce(0) { $0 + $1.allocations.count }
            Output.print(
                "\(location.path): valid — \(dataset.themes.count) themes, \(dataset.projects.count) projects, "
                    + "\(dataset.funding.count) funding streams (\(allocations) allocations), "
                    + "\(dataset.organisations.count) partners, \(dataset.contacts.count) contacts\n")
        } catch {
            Output.print(error.description + "\n")
            Output.error("\(error.problems.count) problem\(error.problems.count == 1 ? "" : "s") found")
            throw ExitCode(1)
        }
    }
}
