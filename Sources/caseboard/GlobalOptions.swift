/// Options that may come before the subcommand, as in git and kubectl: `caseboard --data DIR list projects`
/// means `caseboard list projects --data DIR`. ArgumentParser reads options only after the subcommand that
/// declares them, so these are moved there before parsing.
enum GlobalOptions {
    /// Options that take a value (`--data DIR` or `--data=DIR`).
    static let withValue: Set<String> = ["--data", "--author", "--config", "--view"]
    /// Options that stand alone.
    static let flags: Set<String> = ["--read-only", "--no-mouse"]

    static let subcommands: Set<String> = [
        "browse", "list", "show", "history", "set-status", "note", "undo", "compact", "validate", "export", "generate", "keys", "config",
        "help",
    ]

    /// The arguments with the global options that come before a subcommand moved to just after it. Anything
    /// else before the subcommand (or no subcommand at all) leaves the arguments as they are.
    static func reordered(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if withValue.contains(name) {
                let takesNext = !argument.contains("=")
                guard !takesNext || index + 1 < arguments.count else { return arguments }
                leading += takesNext ? [argument, arguments[index + 1]] : [argument]
                index += takesNext ? 2 : 1
            } else if flags.contains(argument) {
                leading.append(argument)
                index += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty, index < arguments.count, subcommands.contains(arguments[index]) else { return arguments }
        // After the subcommand's name but before a `--`, so they are still read as options.
        var rest = Array(arguments[(index + 1)...])
        let end = rest.firstIndex(of: "--") ?? rest.count
        rest.insert(contentsOf: leading, at: end)
        return [arguments[index]] + rest
    }
}
