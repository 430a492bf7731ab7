import ArgumentParser
import CaseboardConfig
import CaseboardKit
import CaseboardTUI
import Foundation
import TerminalKit
import TerminalNcurses

@main
struct Caseboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caseboard",
        abstract: "Browse a Violence Reduction Unit's strategy themes, projects, funding and partners.",
        discussion: """
            With no subcommand, opens the interactive browser (press ? inside it for the keys). The other \
            subcommands print the same data for scripts.
            """,
        version: "0.1.0",
        subcommands: [
            BrowseCommand.self, ListCommand.self, ShowCommand.self, HistoryCommand.self, SetStatusCommand.self, NoteCommand.self,
            UndoCommand.self, CompactCommand.self, ValidateCommand.self, ExportCommand.self, ImportCommand.self, ReportCommand.self,
            GenerateCommand.self, AddCommand.self, EditCommand.self, RetireCommand.self, KeysCommand.self,
            ConfigCommand.self, DatabaseCommand.self,
        ],
        defaultSubcommand: BrowseCommand.self
    )

    /// ArgumentParser's own `main`, except that its messages go through `Output`: they echo what was typed
    /// (an unknown collection, a bad option value), and a typed escape sequence must be shown, not obeyed.
    static func main() {
        do {
            var command = try parseAsRoot(GlobalOptions.reordered(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { Output.print(message + "\n") } else { Output.error(message) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}

struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse", abstract: "Open the interactive browser (the default).")

    @OptionGroup var data: DataOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The screen to open on (default: the settings' default_screen, else themes).",
            valueName: "themes|projects|funding|partners|activity|reports"))
    var screen: String?

    @Option(name: .long, help: ArgumentHelp("Open on a view saved with v (see caseboard config).", valueName: "NAME"))
    var view: String?

    @OptionGroup var config: ConfigOptions

    @Option(name: .long, help: "Open with this strategy theme filter (county-lines, early-intervention, communities, law-enforcement).")
    var theme: String?

    @Option(
        name: .customLong("render-once"),
        help: ArgumentHelp("Print the first frame at this size (e.g. 80x24) as plain text and exit.", valueName: "WIDTHxHEIGHT"))
    var renderOnce: String?

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (for selecting text).")
    var noMouse = false

    @Flag(name: .customLong("read-only"), help: "Browse without being able to change anything.")
    var readOnly = false

    @OptionGroup var author: AuthorOptions

    func validate() throws {
        if let screen, Screen(name: screen) == nil {
            throw ValidationError(
                "unknown screen \"\(screen)\"; use one of: " + Screen.allCases.map { $0.title.lowercased() }.joined(separator: ", "))
        }
        if let theme, !Theme.knownIDs.contains(theme) {
            throw ValidationError("unknown theme \"\(theme)\"; use one of: " + Theme.knownIDs.joined(separator: ", "))
        }
        if let renderOnce, Self.size(renderOnce) == nil {
            throw ValidationError("--render-once takes a size such as 80x24 (columns x rows, each 1 to 1000)")
        }
        // An unknown view is a usage mistake: said before the terminal is taken over.
        if let view { _ = try SessionSettings(path: config.path).view(named: view) }
    }

    static func size(_ text: String) -> Size? {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]), (1...1000).contains(width),
            (1...1000).contains(height)
        else { return nil }
        return Size(width: width, height: height)
    }

    func initialState(
        _ store: DataStore, _ settings: SessionSettings, size: Size, colors: Bool, unicode: Bool, readOnlyReason: String?
    ) throws -> AppState {
        let opening = screen.flatMap(Screen.init(name:)) ?? settings.settings.defaultScreen ?? .themes
        var state = AppState(
            dataset: store.dataset, history: store.history, size: size, screen: opening,
            filter: ProjectFilter(themes: theme.map { [$0] } ?? []), author: author.name, readOnlyReason: readOnlyReason, colors: colors,
            unicode: unicode)
        settings.apply(to: &state)
        if let view { state.showView(try settings.view(named: view)) }
        return state
    }

    func run() throws {
        let settings = SessionSettings(path: config.path)
        if let renderOnce, let size = Self.size(renderOnce) {
            let store = try data.openStore(readOnly: true)
            LoadTrace.mark("journal")
            let state = try initialState(
                store, settings, size: size, colors: false, unicode: true, readOnlyReason: readOnly ? store.readOnlyReason : nil)
            LoadTrace.mark("app state")
            let frame = render(state)
            LoadTrace.mark("render")
            Output.print(frame.buffer.text().joined(separator: "\n") + "\n")
            return
        }
        guard NcursesBackend.isTerminal() else {
            Output.error(
                "caseboard: the browser needs a terminal; for scripts use a subcommand (see caseboard --help) or --render-once 80x24")
            throw ExitCode(1)
        }
        let (location, created) = try data.prepareQuietly()
        let environment = ProcessInfo.processInfo.environment
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let backend: NcursesBackend
        do {
            backend = try NcursesBackend(noColor: noColor, enableMouse: !noMouse)
        } catch NcursesBackendError.cannotMoveCursor(let name) {
            // Already a full sentence that names the way out.
            Output.error("\(NcursesBackendError.cannotMoveCursor(name))")
            throw ExitCode(1)
        } catch {
            Output.error("caseboard: \(error)")
            throw ExitCode(1)
        }
        let store: DataStore
        switch Loading.open(location.path, readOnly: readOnly, backend: backend) {
        case .opened(let opened):
            store = opened
        case .failed(let failure):
            backend.shutdown()
            DataOptions.report(failure, in: location.path)
            throw ExitCode(1)
        case .abandoned:
            backend.shutdown()
            return
        }
        defer { backend.shutdown() }
        var state = try initialState(
            store, settings, size: backend.size, colors: backend.supportsColor, unicode: backend.supportsUnicode,
            readOnlyReason: store.readOnlyReason)
        state.canOpenLinks = Desktop.canOpenLinks()
        // A problem with the settings file, said at start-up, matters more than the first-run notice.
        if let created, state.message == nil { state.showNotice("Caseboard " + created + "; ? lists the keys") }
        let runner = AppRunner(state: state, backend: backend, store: store)
        runner.saveViews = { views in
            guard settings.canSaveViews else { return "\(settings.path) has errors; fix it first (caseboard config --check)" }
            do {
                try ViewsWriter.save(views, to: settings.path)
                return nil
            } catch {
                return "\(error)"
            }
        }
        runner.run()
    }
}

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Print every key binding as Markdown (the source of docs/keys.md).")

    func run() throws {
        Output.print(KeyMap.markdown())
    }
}
