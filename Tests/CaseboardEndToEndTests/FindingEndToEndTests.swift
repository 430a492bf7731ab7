import Foundation
import Testing

/// "Every question in a few keys", typed into the real binary in tmux.
@Suite(.serialized) struct FindingEndToEndTests {
    let fixtures = Spawn.repositoryRoot + "/Fixtures/west-yorkshire"

    /// Titles the headless list gives for the same question, to compare the screen with.
    func titles(_ arguments: [String]) throws -> [String] {
        let list = Spawn.run([Spawn.caseboard, "list", "projects", "--data", fixtures, "--format", "json"] + arguments)
        let records = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
        return records.compactMap { $0["title"] as? String }
    }

    /// The project rows on screen (under the column header), for a list with the panel below it.
    func rows(_ screen: String, count: Int) -> [String] {
        Array(screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(3).prefix(count).map(String.init))
    }

    @Test func fRKShowsAtRiskKirkleesWithThePanelOpen() throws {
        let expected = try titles(["--status", "at-risk", "--district", "kirklees"])
        #expect(expected.count == 3)
        let tmux = try Tmux()
        tmux.type("\(Spawn.caseboard) --data \(try Spawn.sampleCopy()) --screen projects")
        tmux.waitFor("TITLE ▲")
        tmux.press("f", "r", "K")
        let screen = tmux.waitFor("\(expected.count) of 36 projects")
        // The panel is still open, below the list, with both ticks showing.
        #expect(screen.contains("✓ [r] at risk"))
        #expect(screen.contains("✓ [K] Kirklees"))
        // The same projects as the command line gives (which lists them in file order, not by title).
        for row in rows(screen, count: expected.count) {
            let start = row.dropFirst().prefix(28)
            #expect(expected.contains { $0.hasPrefix(start) }, "\(row) is not an at-risk Kirklees project")
            #expect(row.contains("at risk"))
        }
        tmux.press("Escape")
        tmux.waitFor("the panel to close") { !$0.contains("[K] Kirklees") }
        tmux.press("q")
    }

    @Test func aSearchWithAFieldWordMatchesTheCommandLine() throws {
        let expected = try titles(["--search", "status:at-risk kirklees"])
        #expect(!expected.isEmpty)
        let tmux = try Tmux(width: 140, height: 40)
        tmux.type("\(Spawn.caseboard) --data \(try Spawn.sampleCopy()) --screen projects")
        tmux.waitFor("TITLE ▲")
        tmux.press("/")
        tmux.literal("status:at-risk kirklees")
        // Typed letter by letter, so wait for the whole line as well as the count it gives.
        let screen = tmux.waitFor("the whole search and its count") {
            $0.contains("Search: status:at-risk kirklees") && $0.contains("\(expected.count) of 36 projects")
        }
        for title in expected { #expect(screen.contains(String(title.prefix(40))), "\(title) is not on screen") }
        // A field word that cannot be used is said, not silently matched.
        tmux.press("C-u")
        tmux.literal("status:risky")
        tmux.waitFor("No status \"risky\"")
        tmux.press("Escape", "q")
    }

    @Test func yCopiesThroughOSC52IntoTmux() throws {
        let tmux = try Tmux()
        tmux.run("set-option", "-g", "set-clipboard", "on")
        tmux.type("\(Spawn.caseboard) --data \(try Spawn.sampleCopy()) --screen projects")
        tmux.waitFor("TITLE ▲")
        tmux.press("/")
        tmux.literal("kirklees-mst")
        tmux.press("Enter")
        tmux.waitFor("Project › Multi-systemic therapy")
        // On a project page with a contact selected, y copies the email; Esc back to the list, y copies the id.
        tmux.press("Escape")
        tmux.waitFor("TITLE ▲")
        tmux.press("y")
        tmux.waitFor("Copied kirklees-mst")
        let deadline = Date().addingTimeInterval(5)
        var buffer = ""
        while Date() < deadline {
            buffer = tmux.run("show-buffer").stdout
            if buffer == "kirklees-mst" { break }
            usleep(50_000)
        }
        #expect(buffer == "kirklees-mst")
        tmux.press("q")
    }
}
