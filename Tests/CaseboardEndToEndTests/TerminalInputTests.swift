import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What reaches the real binary through a real terminal (tmux): pastes, escape sequences terminfo does not
/// know, the quit key, and terminals that cannot run a full-screen program.
@Suite(.serialized) struct TerminalInputTests {
    /// The browser on a copy of the sample, on the page of the multi-systemic therapy project.
    func openProjectPage(_ data: String, author: String = "dana") throws -> Tmux {
        let tmux = try Tmux()
        tmux.type("\(Spawn.caseboard) --data \(data) --screen projects --author \(author); echo exit=$?")
        tmux.waitFor("TITLE")
        tmux.press("/")
        tmux.literal("multi-systemic")
        tmux.waitFor("1 of 36 projects")
        // The lone match opens on Enter.
        tmux.press("Enter")
        tmux.waitFor("Project › Multi-systemic therapy")
        return tmux
    }

    @Test func aMultiLinePasteIsTextInTheNoteEditorAndTheSearchNeverCommands() throws {
        let data = try Spawn.sampleCopy()
        let tmux = try openProjectPage(data)
        tmux.press("a")
        tmux.waitFor("Add a note")
        // Unbracketed, the line break would save the note and the q would quit.
        tmux.paste("met the head\nq")
        tmux.waitFor("Note met the head q")
        #expect(tmux.screen().contains("Add a note"))
        tmux.press("Enter")
        // Footer messages wrap, so look for their start.
        tmux.waitFor("note added to Multi-systemic therapy")
        let journal = try String(contentsOfFile: data + "/journal.jsonl", encoding: .utf8)
        #expect(journal.split(separator: "\n").count == 1)
        #expect(journal.contains(#""note":"met the head q""#))
        // The search line takes a paste as text too.
        tmux.press("Escape")
        tmux.waitFor("TITLE ▲")
        tmux.press("/", "C-u")
        tmux.paste("therapy\nq\n")
        tmux.waitFor("Search: therapy q")
        // And a paste in a list is ignored, saying where it would work.
        tmux.press("Enter")
        tmux.paste("c\n\nq")
        let ignored = tmux.waitFor("Paste ignored: paste into a text field")
        #expect(!ignored.contains("Change status"))
        #expect(!ignored.contains("exit="))
        tmux.press("q")
        tmux.waitFor("exit=0")
    }

    @Test func sequencesTerminfoDoesNotKnowAreOneKeyOrNothing() throws {
        let tmux = try openProjectPage(try Spawn.sampleCopy())
        // End as rxvt and the Linux console send it, Home in the VT220 and rxvt forms, F5, Ctrl-Up, and a
        // stray mouse report: each used to arrive as Esc (leave the page), "[" (previous screen), "4"…
        let sequences: [[UInt8]] = [
            [0x1B, 0x5B, 0x34, 0x7E], [0x1B, 0x5B, 0x31, 0x7E], [0x1B, 0x5B, 0x37, 0x7E], [0x1B, 0x5B, 0x38, 0x7E],
            [0x1B, 0x5B, 0x31, 0x35, 0x7E], [0x1B, 0x5B, 0x31, 0x3B, 0x35, 0x41], [0x1B, 0x5B, 0x3C, 0x30, 0x3B, 0x33, 0x3B, 0x34, 0x6D],
        ]
        for sequence in sequences {
            tmux.bytes(sequence)
            usleep(150_000)
            let screen = tmux.screen()
            // Still this page: not back on the list, not on another screen, not on a page opened from it.
            #expect(screen.contains("Project › Multi-systemic therapy for 10–14s (Kirklees)"), "after \(sequence): \(screen)")
            #expect(!screen.contains("(Kirklees) ›"), "after \(sequence): \(screen)")
            #expect(!screen.contains("does nothing here"), "after \(sequence): \(screen)")
        }
        // The browser still answers keys: Esc (alone) goes back to the list.
        tmux.press("Escape")
        tmux.waitFor("TITLE ▲")
        tmux.press("q")
        tmux.waitFor("exit=0")
    }

    @Test func ctrlBackslashQuitsAndLeavesNoPasteModeBehind() throws {
        let tmux = try Tmux()
        // cat -v runs straight after, before the shell touches the terminal: a paste mode left on would show
        // its markers as ^[[200~.
        tmux.type("\(Spawn.caseboard) --data \(try Spawn.sampleCopy()); echo exit=$?; cat -v")
        tmux.waitFor("1 Themes")
        tmux.press("C-\\")
        tmux.waitFor("exit=0")
        tmux.paste("pasted-\(6 * 7)")
        tmux.press("Enter")
        let screen = tmux.waitFor("pasted-42")
        #expect(!screen.contains("200~"), "bracketed paste left on:\n\(screen)")
        tmux.press("C-d")
    }

    @Test func aTerminalThatCannotMoveTheCursorIsToldWhatToUse() throws {
        let tmux = try Tmux()
        tmux.type("TERM=dumb \(Spawn.caseboard) --data \(try Spawn.sampleCopy()); echo exit=$?")
        let screen = tmux.waitFor("exit=1")
        #expect(
            screen.contains(
                "Caseboard needs a terminal that can move the cursor (TERM=dumb can't); use TERM=xterm-256color, or the headless commands such as `caseboard list projects`"
            ))
        #expect(!screen.contains("Themes"))
    }
}
