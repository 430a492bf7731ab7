import TerminalKit

/// One key bound to more than one command where both could have the keys at once.
public struct KeyClash: Equatable, Sendable, CustomStringConvertible {
    public var key: Key
    public var commands: [Command]
    /// Where the clash is: the scopes both bindings are active in.
    public var scopes: [BindingScope]

    public var description: String {
        "\(key.configName) is bound to both " + commands.map(\.name).joined(separator: " and ")
            + " (in \(Array(Set(scopes.map(\.name))).sorted().joined(separator: " and ")))"
    }
}

/// "Bind these keys to this command": a line of the config file's `[keys]` table (or `[keys.SCOPE]`).
public struct KeyRemap: Equatable, Sendable {
    public var command: Command
    public var keys: [Key]
    /// Only the bindings in this scope; nil for every scope the command is bound in.
    public var scope: BindingScope?

    public init(command: Command, keys: [Key], scope: BindingScope? = nil) {
        self.command = command
        self.keys = keys
        self.scope = scope
    }
}

extension KeyMap {
    /// Keys that mean two commands in one set of scopes that have the keys together (`contexts`).
    public func clashes() -> [KeyClash] {
        var found: [KeyClash] = []
        for context in Self.contexts {
            var seen: [Key: (command: Command, scope: BindingScope)] = [:]
            for row in rows where context.contains(row.scope) {
                for key in row.keys {
                    if let earlier = seen[key], earlier.command != row.command {
                        let clash = KeyClash(key: key, commands: [earlier.command, row.command], scopes: [earlier.scope, row.scope])
                        if !found.contains(clash) { found.append(clash) }
                    } else if seen[key] == nil {
                        seen[key] = (row.command, row.scope)
                    }
                }
            }
        }
        return found
    }

    /// The first key that does `command` in `scope`, as help writes it ("?"), for messages that name a key.
    public func label(for command: Command, in scope: BindingScope = .everywhere) -> String? {
        keys(for: command, in: scope).first?.displayName
    }

    /// The rows a remap would change; empty when the command has no binding there.
    public func rowIndices(for remap: KeyRemap) -> [Int] {
        rows.indices.filter { rows[$0].command == remap.command && (remap.scope == nil || rows[$0].scope == remap.scope) }
    }

    /// This map with `remap`'s keys in place of the command's keys.
    public func applying(_ remap: KeyRemap) -> KeyMap {
        var copy = self
        for index in rowIndices(for: remap) { copy.rows[index].keys = remap.keys }
        return copy
    }

    /// Applies the remaps in order, leaving out each one that would bind a key to two commands in one scope;
    /// returns the map and the remaps left out with the clash each would cause.
    public func applying(_ remaps: [KeyRemap]) -> (map: KeyMap, refused: [(remap: KeyRemap, clash: KeyClash)]) {
        var map = self
        var refused: [(remap: KeyRemap, clash: KeyClash)] = []
        for remap in remaps {
            let before = map.clashes()
            let after = map.applying(remap)
            if let clash = after.clashes().first(where: { !before.contains($0) }) {
                refused.append((remap, clash))
            } else {
                map = after
            }
        }
        return (map, refused)
    }
}
