import Foundation
import Testing

/// The settings file as the real browser uses it, in tmux: a saved view survives a restart, a remapped key
/// works, and a broken file is said without stopping the browser.
@Suite(.serialized) struct SettingsBrowserTests {
    func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "caseboard-settings-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aSavedViewSurvivesARestart() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = folder + "/config.toml"
        try "# my settings\ndate_style = \"iso\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let data = try Spawn.sampleCopy()
        let tmux = try Tmux()
        tmux.type("\(Spawn.caseboard) --data \(data) --config \(config); echo exit=$?")
        tmux.waitFor("1 Themes")
        // Projects, at risk in Kirklees, sorted by the next column on screen (at 80 columns, the status).
        tmux.press("2", "f")
        tmux.waitFor("Filter: press a letter")
        tmux.press("Down", "Down", "Down", "Space", "Right", "Up", "Space", "Escape", "s")
        tmux.waitFor("Sorted by status")
        let before = tmux.waitFor("of 36 projects")
        tmux.press("v")
        tmux.waitFor("Save this view")
        tmux.literal("at-risk-kirklees")
        tmux.press("Enter")
        tmux.waitFor("View at-risk-kirklees saved")
        tmux.press("q")
        tmux.waitFor("exit=0")
        let written = try String(contentsOfFile: config, encoding: .utf8)
        #expect(written.hasPrefix("# my settings\ndate_style = \"iso\"\n"), "\(written)")
        #expect(written.contains("[views.at-risk-kirklees]"))
        tmux.type("clear; \(Spawn.caseboard) --data \(data) --config \(config) --view at-risk-kirklees; echo exit=$?")
        let after = tmux.waitFor("Status: at risk")
        #expect(after.contains("District: Kirklees"))
        // The same projects, in the same order (by status).
        let count = { (screen: String) in screen.firstMatch(of: #/\d+ of 36 projects/#).map { String($0.output) } }
        #expect(count(after) != nil && count(after) == count(before))
        #expect(after.contains("STATUS ▲"))
        // V lists it; d twice deletes it, and the file says so.
        tmux.press("V")
        tmux.waitFor("Saved views")
        tmux.press("d")
        tmux.waitFor("Delete at-risk-kirklees?")
        tmux.press("d")
        tmux.waitFor("View at-risk-kirklees deleted")
        tmux.press("q")
        tmux.waitFor("exit=0")
        #expect(!(try String(contentsOfFile: config, encoding: .utf8)).contains("[views."))
    }

    @Test func aRemappedKeyWorksInTheRealBinary() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = folder + "/keys.toml"
        try "[keys]\nquit = [\"Q\"]\n".write(toFile: config, atomically: true, encoding: .utf8)
        let tmux = try Tmux()
        tmux.type("\(Spawn.caseboard) --data \(try Spawn.sampleCopy()) --config \(config); echo exit=$?")
        tmux.waitFor("1 Themes")
        tmux.press("q")
        tmux.waitFor("q does nothing here")
        tmux.press("Q")
        tmux.waitFor("exit=0")
    }

    @Test func aBrokenFileIsSaidAndTheBrowserStillStarts() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = folder + "/config.toml"
        try "[keys\nquit = [\"Q\"]\n".write(toFile: config, atomically: true, encoding: .utf8)
        let tmux = try Tmux()
        tmux.type("\(Spawn.caseboard) --data \(try Spawn.sampleCopy()) --config \(config); echo exit=$?")
        tmux.waitFor("Settings file has problems")
        tmux.waitFor("Error while parsing table header")
        // The defaults apply: q quits.
        tmux.press("q")
        tmux.waitFor("exit=0")
    }
}
