import ArgumentParser
import CaseboardConfig

/// `--config PATH`, for the commands that read the settings file.
struct ConfigOptions: ParsableArguments {
    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "The settings file.", discussion: "Default: $XDG_CONFIG_HOME/caseboard/config.toml, else ~/.config/caseboard/config.toml.",
            valueName: "PATH"),
        completion: .file(extensions: ["toml"]))
    var config: String?

    var path: String { ConfigFile.path(explicit: config) }

    func validate() throws {
        if config?.isEmpty == true { throw ValidationError("--config needs a file; leave it out to use the default") }
    }
}
