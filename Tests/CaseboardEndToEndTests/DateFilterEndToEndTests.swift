import Foundation
import Testing

/// "Which projects end before 31 March?" from the command line, and a date filter in the real browser.
@Suite(.serialized) struct DateFilterEndToEndTests {
    let fixtures = Spawn.repositoryRoot + "/Fixtures/west-yorkshire"

    @Test func listProjectsEndingBeforeADate() {
        // Completed projects that ended before 31 March 2020 (the four ending that day are left out).
        let result = Spawn.run([
            Spawn.caseboard, "list", "projects", "--data", fixtures, "--status", "completed", "--ends-before", "2020-03-31", "--sort",
            "end",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != " " }) }
        #expect(
            rows == [
                "police-knife-crime-review", "knife-crime-awareness", "wy-partnership-event", "serious-violence-youth-summit",
                "public-health-approach-event",
            ])
        #expect(result.stdout.contains("2019-06-28"))
        #expect(result.stderr == "5 projects\n")
        let open = Spawn.run([Spawn.caseboard, "list", "projects", "--data", fixtures, "--no-end-date", "--started-in", "2021/22"])
        #expect(open.stderr == "7 projects\n")
        let typo = Spawn.run([Spawn.caseboard, "list", "projects", "--data", fixtures, "--ends-before", "31/03/2022"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("--ends-before takes a date such as 2022-03-31"))
    }

    @Test func startedInAFinancialYearFromTheFilterPanel() throws {
        let tmux = try Tmux(width: 140, height: 40)
        tmux.type("\(Spawn.caseboard) --data \(try Spawn.sampleCopy()) --screen projects")
        tmux.waitFor("END")
        tmux.press("f")
        tmux.waitFor("[4] 2021/22")
        // Each financial year has a digit, oldest first: 2021/22 is the fourth in the sample.
        tmux.press("4", "Escape")
        let screen = tmux.waitFor("the panel closed on 9 of 36 projects") {
            $0.contains("9 of 36 projects") && !$0.contains("Filter: press a letter")
        }
        #expect(screen.contains("Dates: started in 2021/22"))
        for title in ["Custody diversion in the five custody suites", "Grip hot-spot patrols", "Micro-charities fund"] {
            #expect(screen.contains(title), "\(title) is missing:\n\(screen)")
        }
        #expect(!screen.contains("GANGS schools programme"))
        // The Micro-charities fund ended on 31 October 2022, written the UK way.
        #expect(screen.contains("31 Oct 2022"))
        tmux.press("q")
    }
}
