import ArgumentParser
import CaseboardConfig
import CaseboardTUI
import Foundation

/// The settings file as the browser uses it: never a reason not to start. A broken file gives the defaults
/// and a banner saying where the problem is; a remap that clashes is left out, and said so.
struct SessionSettings {
    var path: String
    var settings = Settings()
    /// Problems to show in the browser, in `FILE:LINE:COLUMN: message` form.
    var problems: [String] = []
    /// False when the file could not be parsed at all: saving a view must not overwrite it.
    var canSaveViews = true

    init(path: String) {
        self.path = path
        switch ConfigFile.load(path) {
        case .missing:
            break
        case .unreadable(let reason):
            problems = [reason]
            canSaveViews = false
        case .read(let settings, let found):
            self.settings = settings
            problems = found.map { $0.report(in: path) }
            // A syntax error leaves nothing read: keep the user's file out of harm's way.
            if settings == Settings(), !found.isEmpty { canSaveViews = false }
        }
    }

    /// The view `--view NAME` asks for; a usage error listing the known ones when there is none by that name.
    func view(named name: String) throws -> SavedView {
        if let view = settings.views.first(where: { $0.name == name }) { return view }
        let known = settings.views.map(\.name)
        throw ValidationError(
            "no saved view \"\(name)\" in \(path); "
                + (known.isEmpty ? "there are none yet (v in the browser saves one)" : "use one of: " + known.joined(separator: ", ")))
    }

    /// Applies the settings to a new session's state.
    func apply(to state: inout AppState) {
        // Remaps that clash are left out here and already among the problems (the parser checks the same way).
        state.keyMap = settings.keyMap().map
        state.views = settings.views
        state.dateStyle = settings.dateStyle
        state.paletteTheme = settings.theme
        if settings.colors == .never { state.colors = false }
        if let first = problems.first {
            let more = problems.count > 1 ? " (+\(problems.count - 1) more)" : ""
            state.settingsWarning = "Settings file has problems: caseboard config --check"
            state.announce(Notice(first + more, .warning))
        }
    }
}
