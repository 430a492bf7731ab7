import ArgumentParser
import CaseboardKit
import Foundation

@main
struct Caseboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caseboard",
        abstract: "Browse a Violence Reduction Unit's strategy themes, projects, funding and partners.",
        discussion: "With no subcommand, opens the interactive browser. The subcommands print the same data for scripts.",
        version: "0.1.0",
        subcommands: [ListCommand.self, ShowCommand.self, ValidateCommand.self, ExportCommand.self]
    )

    @OptionGroup var data: DataOptions

    func run() throws {
        let dataset = try data.loadDataset()
        Output.print(Listings.projects(dataset, ProjectFilter(), full: false).table())
    }
}
