import CaseboardKit
import CaseboardTUI
import Foundation
import TOMLKit
import TerminalKit

/// Reads a config file's text into `Settings`, collecting every problem with where it is. A problem never
/// stops the rest of the file from being read: the browser starts with what is good, and `config --check`
/// lists everything at once.
public enum SettingsParser {
    static let topLevelKeys = ["keys", "views", "date_style", "colors", "theme", "default_screen"]

    public static func parse(_ text: String) -> (settings: Settings, problems: [ConfigProblem]) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return (Settings(), [ConfigProblem(line: error.source.begin.line, column: error.source.begin.column, error.description)])
        } catch {
            return (Settings(), [ConfigProblem(line: 1, column: 1, "\(error)")])
        }
        var reader = Reader(source: SourceMap(text))
        reader.read(table)
        return (reader.settings, reader.problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }

    private struct Reader {
        let source: SourceMap
        var settings = Settings()
        var problems: [ConfigProblem] = []

        mutating func problem(_ at: (line: Int, column: Int), _ message: String) {
            problems.append(ConfigProblem(line: at.line, column: at.column, message))
        }

        mutating func read(_ table: TOMLTable) {
            for key in table.keys where !topLevelKeys.contains(key) {
                problem(
                    source.position(ofKey: key, in: []),
                    "unknown setting \"\(key)\"; the settings are: " + topLevelKeys.joined(separator: ", "))
            }
            if let style = choice(table, "date_style", DateStyle.self) { settings.dateStyle = style }
            if let colors = choice(table, "colors", Settings.Colors.self) { settings.colors = colors }
            if let theme = choice(table, "theme", PaletteTheme.self) { settings.theme = theme }
            if let name = string(table, "default_screen", in: []) {
                if let screen = Screen(name: name) {
                    settings.defaultScreen = screen
                } else {
                    problem(source.position(ofKey: "default_screen", in: []), "unknown screen \"\(name)\"; use one of: \(screenNames)")
                }
            }
            if let keys = table["keys"] {
                if let keys = keys.table {
                    readKeys(keys)
                } else {
                    problem(source.position(ofKey: "keys", in: []), "keys must be a table: [keys]")
                }
            }
            if let views = table["views"] {
                if let views = views.table {
                    readViews(views)
                } else {
                    problem(source.position(ofKey: "views", in: []), "views must be tables: [views.NAME]")
                }
            }
        }

        var screenNames: String { Screen.allCases.map { $0.title.lowercased() }.joined(separator: ", ") }

        /// One of a fixed set of words.
        mutating func choice<Choice: RawRepresentable & CaseIterable>(_ table: TOMLTable, _ key: String, _: Choice.Type) -> Choice?
        where Choice.RawValue == String {
            guard let text = string(table, key, in: []) else { return nil }
            if let value = Choice(rawValue: text) { return value }
            let allowed = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
            problem(source.position(ofKey: key, in: []), "\(key) must be \(allowed), not \"\(text)\"")
            return nil
        }

        mutating func string(_ table: TOMLTable, _ key: String, in path: [String]) -> String? {
            guard let value = table[key] else { return nil }
            if let text = value.string { return text }
            problem(source.position(ofKey: key, in: path), "\(key) must be a string in quotes")
            return nil
        }

        /// A list of strings; a single string is taken as a list of one.
        mutating func strings(_ table: TOMLTable, _ key: String, in path: [String]) -> [String]? {
            guard let value = table[key] else { return nil }
            if let text = value.string { return [text] }
            if let array = value.array {
                var out: [String] = []
                for element in array {
                    guard let text = element.string else {
                        problem(source.position(ofKey: key, in: path), "\(key) must be a list of strings, such as [\"j\", \"down\"]")
                        return nil
                    }
                    out.append(text)
                }
                return out
            }
            problem(source.position(ofKey: key, in: path), "\(key) must be a list of strings, such as [\"j\", \"down\"]")
            return nil
        }

        // MARK: [keys]

        mutating func readKeys(_ table: TOMLTable) {
            var remaps: [(remap: KeyRemap, key: String, path: [String])] = []
            for name in table.keys {
                if let scopeTable = table[name]?.table {
                    guard let scope = BindingScope(name: name) else {
                        let scopes = BindingScope.allCases.map(\.name).joined(separator: ", ")
                        problem(source.position(ofTable: ["keys", name]), "unknown key scope \"\(name)\"; use one of: \(scopes)")
                        continue
                    }
                    for command in scopeTable.keys {
                        if let remap = readRemap(scopeTable, command, scope: scope, path: ["keys", name]) {
                            remaps.append((remap, command, ["keys", name]))
                        }
                    }
                } else if let remap = readRemap(table, name, scope: nil, path: ["keys"]) {
                    remaps.append((remap, name, ["keys"]))
                }
            }
            // In the order written, so a clash is blamed on the later line.
            remaps.sort { source.position(ofKey: $0.key, in: $0.path) < source.position(ofKey: $1.key, in: $1.path) }
            let (_, refused) = KeyMap.standard.applying(remaps.map(\.remap))
            for (remap, clash) in refused {
                guard let written = remaps.first(where: { $0.remap == remap }) else { continue }
                let position = source.position(ofString: clash.key.configName, inKey: written.key, of: written.path)
                problem(
                    position,
                    "\(clash.key.configName) would mean both \(clash.commands[0].name) and \(clash.commands[1].name) (in \(Array(Set(clash.scopes.map(\.name))).sorted().joined(separator: " and "))); this remap is ignored"
                )
            }
            settings.keyRemaps = remaps.map(\.remap)
        }

        mutating func readRemap(_ table: TOMLTable, _ name: String, scope: BindingScope?, path: [String]) -> KeyRemap? {
            guard let command = Command(name: name) else {
                problem(source.position(ofKey: name, in: path), "unknown command \"\(name)\"; docs/keys.md lists every command's name")
                return nil
            }
            if KeyMap.standard.rowIndices(for: KeyRemap(command: command, keys: [], scope: scope)).isEmpty {
                problem(source.position(ofKey: name, in: path), "\(name) has no keys in \(scope?.name ?? "any scope") to remap")
                return nil
            }
            guard let names = strings(table, name, in: path) else { return nil }
            var keys: [Key] = []
            for keyName in names {
                guard let key = Key(configName: keyName) else {
                    problem(
                        source.position(ofString: keyName, inKey: name, of: path),
                        "unknown key name \"\(keyName)\"; use a character (q, Q, /), ctrl-LETTER, f1-f12 or one of: "
                            + Key.namedKeys.map(\.name).joined(separator: ", "))
                    continue
                }
                if !keys.contains(key) { keys.append(key) }
            }
            return KeyRemap(command: command, keys: keys, scope: scope)
        }

        // MARK: [views.NAME]

        static let viewKeys = [
            "screen", "themes", "statuses", "districts", "ends_from", "ends_through", "starts_from", "starts_through", "no_end_date",
            "search", "sort", "direction",
        ]

        mutating func readViews(_ table: TOMLTable) {
            let ordered = table.keys.sorted { source.position(ofTable: ["views", $0]) < source.position(ofTable: ["views", $1]) }
            for name in ordered {
                let path = ["views", name]
                guard let view = table[name]?.table else {
                    problem(source.position(ofKey: name, in: ["views"]), "a view is a table: [views.\(name)]")
                    continue
                }
                guard SavedView.isValidName(name) else {
                    problem(source.position(ofTable: path), "a view's name is letters, digits, - and _ (up to 40), not \"\(name)\"")
                    continue
                }
                if let saved = readView(name, view, path) { settings.views.append(saved) }
            }
        }

        mutating func readView(_ name: String, _ table: TOMLTable, _ path: [String]) -> SavedView? {
            var view = SavedView(name: name, screen: .projects)
            var ok = true
            for key in table.keys where !Self.viewKeys.contains(key) {
                problem(
                    source.position(ofKey: key, in: path),
                    "unknown view setting \"\(key)\"; a view has: " + Self.viewKeys.joined(separator: ", "))
            }
            if let screen = string(table, "screen", in: path) {
                if let known = Screen(name: screen) {
                    view.screen = known
                } else {
                    problem(source.position(ofKey: "screen", in: path), "unknown screen \"\(screen)\"; use one of: \(screenNames)")
                    ok = false
                }
            }
            for theme in strings(table, "themes", in: path) ?? [] {
                if Theme.knownIDs.contains(theme) {
                    view.filter.themes.insert(theme)
                } else {
                    problem(
                        source.position(ofString: theme, inKey: "themes", of: path),
                        "unknown theme \"\(theme)\"; use one of: " + Theme.knownIDs.joined(separator: ", "))
                    ok = false
                }
            }
            for status in strings(table, "statuses", in: path) ?? [] {
                if let known = ProjectStatus(rawValue: status) {
                    view.filter.statuses.insert(known)
                } else {
                    problem(
                        source.position(ofString: status, inKey: "statuses", of: path),
                        "unknown status \"\(status)\"; use one of: " + ProjectStatus.allCases.map(\.rawValue).joined(separator: ", "))
                    ok = false
                }
            }
            for district in strings(table, "districts", in: path) ?? [] {
                if let known = District(rawValue: district) {
                    view.filter.districts.insert(known)
                } else {
                    problem(
                        source.position(ofString: district, inKey: "districts", of: path),
                        "unknown district \"\(district)\"; use one of: " + District.allCases.map(\.rawValue).joined(separator: ", "))
                    ok = false
                }
            }
            // The date filter: inclusive bounds as YYYY-MM-DD, and "no end date".
            let bounds: [(String, WritableKeyPath<DateFilter, Int32?>)] = [
                ("ends_from", \.endsFrom), ("ends_through", \.endsThrough), ("starts_from", \.startsFrom),
                ("starts_through", \.startsThrough),
            ]
            for (key, field) in bounds {
                guard let text = string(table, key, in: path) else { continue }
                if let date = CalendarDate(text) {
                    view.filter.dates[keyPath: field] = date.number
                } else {
                    problem(source.position(ofKey: key, in: path), "\(key) must be a date written YYYY-MM-DD, not \"\(text)\"")
                    ok = false
                }
            }
            if let value = table["no_end_date"] {
                if let flag = value.bool {
                    view.filter.dates.noEndDate = flag
                } else {
                    problem(source.position(ofKey: "no_end_date", in: path), "no_end_date must be true or false")
                    ok = false
                }
            }
            // The search as typed, field words (status:, district:, ends:…) and all.
            if let search = string(table, "search", in: path) { view.filter.text = search }
            if let sort = string(table, "sort", in: path) {
                if let key = ProjectSortKey(rawValue: sort) {
                    view.sort.key = key
                } else {
                    problem(
                        source.position(ofKey: "sort", in: path),
                        "unknown sort column \"\(sort)\"; use one of: " + ProjectSortKey.allCases.map(\.rawValue).joined(separator: ", "))
                    ok = false
                }
            }
            if let direction = string(table, "direction", in: path) {
                switch direction {
                case "ascending": view.sort.descending = false
                case "descending": view.sort.descending = true
                default:
                    problem(
                        source.position(ofKey: "direction", in: path),
                        "direction must be \"ascending\" or \"descending\", not \"\(direction)\"")
                    ok = false
                }
            }
            return ok ? view : nil
        }
    }
}

private func < (lhs: (line: Int, column: Int), rhs: (line: Int, column: Int)) -> Bool {
    lhs.line < rhs.line || (lhs.line == rhs.line && lhs.column < rhs.column)
}
