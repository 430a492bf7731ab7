import Foundation

/// Where the config file is, and reading it.
public enum ConfigFile {
    /// `--config PATH`, else `$XDG_CONFIG_HOME/caseboard/config.toml`, else `~/.config/caseboard/config.toml`.
    public static func path(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/caseboard/config.toml" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/caseboard/config.toml"
    }

    /// What reading the file found.
    public enum Loaded {
        /// No file: every default applies.
        case missing
        case read(Settings, problems: [ConfigProblem])
        case unreadable(String)
    }

    public static func load(_ path: String) -> Loaded {
        guard FileManager.default.fileExists(atPath: path) else { return .missing }
        guard let data = FileManager.default.contents(atPath: path) else { return .unreadable("cannot read \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { return .unreadable("\(path) is not UTF-8 text") }
        let (settings, problems) = SettingsParser.parse(text)
        return .read(settings, problems: problems)
    }
}
