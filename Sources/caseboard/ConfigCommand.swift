import ArgumentParser
import CaseboardConfig
import CaseboardKit
import Foundation

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Check, locate or create the settings file (keys, saved views, dates, colours).",
        discussion: "Every setting is described in docs/config.md.")

    @Flag(name: .long, help: "Check the file: one FILE:LINE:COLUMN: message line per problem, exit 1 if there are any.")
    var check = false

    @Flag(name: .long, help: "Print where Caseboard looks for the file.")
    var path = false

    @Flag(name: .long, help: "Write a commented example file (never over an existing one).")
    var `init` = false

    @OptionGroup var config: ConfigOptions

    func validate() throws {
        if [check, path, `init`].filter({ $0 }).count != 1 {
            throw ValidationError("say what to do: caseboard config --check, --path or --init")
        }
    }

    func run() throws {
        let file = config.path
        if path {
            Output.print(file + "\n")
        } else if `init` {
            try writeExample(to: file)
        } else {
            try checkFile(file)
        }
    }

    private func checkFile(_ file: String) throws {
        switch ConfigFile.load(file) {
        case .missing:
            Output.print("caseboard: no settings file at \(file); the defaults apply (caseboard config --init writes one)\n")
        case .unreadable(let reason):
            Output.error("caseboard: \(reason)")
            throw ExitCode(1)
        case .read(let settings, let problems):
            guard problems.isEmpty else {
                Output.print(problems.map { $0.report(in: file) }.joined(separator: "\n") + "\n")
                Output.error("caseboard: \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(file)")
                throw ExitCode(1)
            }
            let remaps = settings.keyRemaps.count
            Output.print(
                "\(file): fine (\(remaps) key remap\(remaps == 1 ? "" : "s"), \(settings.views.count) saved view\(settings.views.count == 1 ? "" : "s"))\n"
            )
        }
    }

    private func writeExample(to file: String) throws {
        guard !FileManager.default.fileExists(atPath: file) else {
            Output.error("caseboard: \(file) already exists; it was left as it is")
            throw ExitCode(1)
        }
        do {
            try AtomicFile.makeDirectory((file as NSString).deletingLastPathComponent)
            try AtomicFile.write(Array(ExampleConfig.text.utf8), to: file)
        } catch {
            Output.error("caseboard: \(error)")
            throw ExitCode(1)
        }
        Output.print("Wrote \(file); every setting in it is commented out until you change it.\n")
    }
}
