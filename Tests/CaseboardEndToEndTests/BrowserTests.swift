import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real binary in tmux at 80×24: keys in with send-keys, the screen read back with capture-pane.
@Suite(.serialized) struct BrowserTests {
    let fixtures = Spawn.repositoryRoot + "/Fixtures/west-yorkshire"

    func sampleCopy() throws -> String { try Spawn.sampleCopy() }

    /// After the browser exits, the shell must echo typed text and be in cooked mode again.
    func expectShellIsUsable(_ tmux: Tmux, sourceLocation: SourceLocation = #_sourceLocation) {
        tmux.type("stty -a | grep -o -- '-\\?icanon' | sed 's/^/mode:/'; echo shell-$((40+2))")
        let screen = tmux.waitFor("shell-42", sourceLocation: sourceLocation)
        #expect(screen.contains("mode:icanon"), "terminal left in raw mode:\n\(screen)", sourceLocation: sourceLocation)
    }

    @Test func everyScreenOpensAndQuitLeavesAUsableShell() throws {
        let tmux = try Tmux()
        let data = try sampleCopy()
        tmux.type("\(Spawn.caseboard) --data \(data); echo exit=$?")
        tmux.waitFor("Tackling county lines and misuse of drugs")
        tmux.press("2")
        tmux.waitFor("TITLE ▲")
        tmux.press("3")
        tmux.waitFor("by primary theme")
        tmux.press("4")
        tmux.waitFor("ORGANISATION")
        tmux.press("?")
        tmux.waitFor("Caseboard keys")
        tmux.press("Escape", "q")
        tmux.waitFor("exit=0")
        expectShellIsUsable(tmux)
    }

    @Test func themeFilterShowsOnlyThatThemesProjects() throws {
        // The projects whose primary or secondary theme is law enforcement, as the headless list sees them.
        let list = Spawn.run([Spawn.caseboard, "list", "projects", "--data", fixtures, "--theme", "law-enforcement", "--format", "json"])
        let records = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
        let titles = Set(records.compactMap { $0["title"] as? String })
        #expect(titles.count == 14)
        let tmux = try Tmux(width: 140, height: 40)
        tmux.type("\(Spawn.caseboard) --data \(try sampleCopy())")
        tmux.waitFor("1 Themes")
        tmux.press("2", "t")
        tmux.waitFor("Strategy theme")
        tmux.press("4")
        let screen = tmux.waitFor("14 of 36 projects")
        #expect(screen.contains("Theme: Law enforcement"))
        let rows = screen.split(separator: "\n").dropFirst(3).dropLast().filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(rows.count == 14)
        for row in rows {
            #expect(titles.contains { row.dropFirst().hasPrefix($0) }, "a project of another theme: \(row)")
        }
        tmux.press("q")
    }

    @Test func searchThenOpenAProjectAndItsContact() throws {
        let tmux = try Tmux()
        tmux.type("\(Spawn.caseboard) --data \(try sampleCopy()) --screen projects")
        tmux.waitFor("TITLE")
        tmux.press("/")
        tmux.literal("gangs")
        tmux.waitFor("1 of 36 projects")
        // One match: Enter opens it.
        tmux.press("Enter")
        tmux.waitFor("Project › GANGS schools programme")
        // The page is drawn in one frame, but a busy machine may show the breadcrumb first: wait for the body.
        tmux.waitFor("z.whitaker@example.org  01632 960623")
        tmux.press("Enter")
        tmux.waitFor("Project › GANGS schools programme › Zoë Whitaker")
        tmux.press("Escape", "Escape")
        tmux.waitFor("Search: gangs")
        tmux.press("q")
    }

    @Test func resizeRelaysOutAndTooSmallSaysSo() throws {
        let tmux = try Tmux()
        tmux.type("\(Spawn.caseboard) --data \(try sampleCopy()) --screen projects")
        let narrow = tmux.waitFor("TITLE")
        #expect(!narrow.contains("LEAD"))
        tmux.resize(width: 140, height: 40)
        tmux.waitFor("LEAD")
        tmux.resize(width: 50, height: 12)
        tmux.waitFor("Terminal too small")
        tmux.resize(width: 80, height: 24)
        tmux.waitFor("36 projects")
        tmux.press("q")
        expectShellIsUsable(tmux)
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGINT, SIGQUIT]) func aSignalRestoresTheTerminal(signal: Int32) throws {
        let tmux = try Tmux()
        tmux.type("\(Spawn.caseboard) --data \(try sampleCopy()); echo exit=$?")
        tmux.waitFor("1 Themes")
        let pid = try #require(tmux.childPID())
        kill(pid, signal)
        tmux.waitFor("exit=\(128 + signal)")
        expectShellIsUsable(tmux)
    }

    @Test func ctrlZSuspendsToTheShellAndFgComesBack() throws {
        let tmux = try Tmux()
        tmux.type("\(Spawn.caseboard) --data \(try sampleCopy()) --screen projects")
        tmux.waitFor("TITLE")
        tmux.press("C-z")
        tmux.waitFor("Stopped")
        expectShellIsUsable(tmux)
        tmux.type("clear; fg")
        tmux.waitFor("36 projects")
        tmux.press("q")
        tmux.type("echo done-$((6*7))")
        tmux.waitFor("done-42")
    }

    @Test func controlCharactersInDataNeverReachTheTerminal() throws {
        let data = try sampleCopy()
        let path = data + "/projects.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // ESC ] 0 ; … BEL would retitle the window; ESC [ 2 J would clear it.
        let hostile = text.replacingOccurrences(
            of: "\"title\": \"GANGS schools programme\"", with: #""title": "GANGS \u001b]0;pwned\u0007\u001b[2Jschools""#)
        try hostile.write(toFile: path, atomically: true, encoding: .utf8)
        let tmux = try Tmux()
        tmux.type("\(Spawn.caseboard) --data \(data) --screen projects")
        let screen = tmux.waitFor("GANGS ␛]0;pwned␇␛[2Jschools")
        #expect(screen.contains("TITLE"))
        let title = tmux.run("display-message", "-p", "-t", tmux.session, "#{pane_title}").stdout
        #expect(!title.contains("pwned"))
        tmux.press("q")
    }

    @Test func invalidDataPrintsTheProblemsAndOpensNoUI() throws {
        let data = try sampleCopy()
        try "[{\"id\": \"x\",}]".write(toFile: data + "/contacts.json", atomically: true, encoding: .utf8)
        let tmux = try Tmux()
        tmux.type("\(Spawn.caseboard) --data \(data); echo exit=$?")
        let screen = tmux.waitFor("exit=1")
        #expect(screen.contains("\(data)/contacts.json:1:13: syntax error: trailing comma before '}'"))
        #expect(!screen.contains("1 Themes"))
    }

    @Test func firstRunInstallsTheSampleAndLeavesFixturesAlone() throws {
        let home = NSTemporaryDirectory() + "caseboard-first-\(UUID().uuidString)"
        let before = try FileManager.default.contentsOfDirectory(atPath: fixtures).sorted()
        let tmux = try Tmux()
        tmux.type("XDG_DATA_HOME=\(home) \(Spawn.caseboard); echo exit=$?")
        // Said in the footer of the first frame, where it is seen (not on stderr behind the screen).
        // (The test's long temporary path is cut to the footer's width; a home directory's fits.)
        let first = tmux.waitFor("from the West Yorkshire sample data")
        #expect(first.contains("1 Themes") && first.contains("Caseboard created\n") && first.contains(String(home.prefix(30))))
        tmux.press("q")
        let screen = tmux.waitFor("exit=0")
        #expect(!screen.contains("caseboard: created"))
        let installed = try FileManager.default.contentsOfDirectory(atPath: home + "/caseboard").sorted()
        // The five collections and nothing else: browsing writes no file.
        #expect(installed == ["contacts.json", "funding.json", "partners.json", "projects.json", "themes.json"])
        let mode = try FileManager.default.attributesOfItem(atPath: home + "/caseboard/projects.json")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixtures).sorted() == before)
    }
}
