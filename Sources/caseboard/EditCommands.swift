import ArgumentParser
import CaseboardKit
import Foundation

/// `--author`, shared by the commands that record changes.
struct AuthorOptions: ParsableArguments {
    @Option(name: .long, help: "Who the change is recorded against (default: $CASEBOARD_AUTHOR, else your login name).")
    var author: String?

    var name: String { Author.resolve(explicit: author) }
}

/// Prints a refusal and exits 1: the change was not saved.
func refuse(_ refusal: EditRefusal) -> ExitCode {
    Output.error("caseboard: \(refusal.message)")
    return ExitCode(1)
}

struct SetStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-status", abstract: "Change a project's status (recorded in the journal with who and when).",
        discussion: """
            Only the moves the status rules allow are accepted (see docs/journal.md). With --expect, the change is \
            refused if the project's status is no longer the one you expect, so a script never overwrites a \
            change someone else made.
            """)

    @Argument(help: "The project's id.") var project: String
    @Argument(help: "The new status: proposed, approved, active, at-risk, paused, completed or closed.") var status: String
    @Option(name: .long, help: "A note explaining the change.") var note: String?
    @Option(name: .long, help: "Refuse unless the project's current status is this.") var expect: String?
    @Option(name: .long, help: "Why the project is at risk or paused (required for those; --note is used when absent).")
    var reason: String?
    @Option(name: .long, help: "Who owns the risk: a contact's id or name.") var owner: String?
    @Option(name: .long, help: "When the risk is next reviewed: 31/03/2023 or 2023-03-31.") var review: String?
    @OptionGroup var author: AuthorOptions
    @OptionGroup var data: DataOptions

    static func status(_ text: String) throws -> ProjectStatus {
        guard let status = ProjectStatus(lenient: text) else {
            throw ValidationError(
                "unknown status \"\(text)\"; use one of: " + ProjectStatus.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return status
    }

    func validate() throws {
        _ = try Self.status(status)
        if let expect { _ = try Self.status(expect) }
    }

    /// The reason, owner and review date, read as the edit commands read them; nil when none was given.
    func riskNote(_ dataset: Dataset) throws -> RiskNote? {
        guard reason != nil || owner != nil || review != nil else { return nil }
        var ownerID: String?
        if let owner {
            switch FieldInput.parse(owner, FieldSpec("risk_owner", "Owner", .contact), in: dataset) {
            case .success(let value): ownerID = value.text
            case .failure(let error): throw ValidationError("--owner: \(error.message)")
            }
        }
        var reviewDate: String?
        if let review {
            guard let date = FieldInput.date(review) else { throw ValidationError("--review: \"\(review)\" is not a date") }
            reviewDate = date
        }
        return RiskNote(reason: reason ?? note ?? "", owner: ownerID, review: reviewDate)
    }

    func run() throws {
        let store = try data.openStore(readOnly: false)
        let target = try Self.status(status)
        let expected = try expect.map(Self.status)
        let risk = try riskNote(store.dataset)
        do {
            let event = try store.setStatus(
                project: project, to: target, expecting: expected, note: note, risk: risk, author: author.name)
            let title = store.dataset.project(project)?.title ?? project
            Output.print("\(title): \(event.from?.rawValue ?? "?") → \(event.to?.rawValue ?? "?"), saved (event \(event.id))\n")
        } catch {
            throw refuse(error)
        }
    }
}

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Add a note to a project's timeline (recorded in the journal with who and when).")

    @Argument(help: "The project's id.") var project: String
    @Argument(help: "The note.") var text: String
    @OptionGroup var author: AuthorOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        let store = try data.openStore(readOnly: false)
        do {
            let event = try store.addNote(project: project, text: text, author: author.name)
            let title = store.dataset.project(project)?.title ?? project
            Output.print("\(title): note saved (event \(event.id))\n")
        } catch {
            throw refuse(error)
        }
    }
}

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", abstract: "Take back one of your own changes by its event id (see `caseboard history`).",
        discussion:
            "A status change is undone only if nobody has changed that project since. Both the change and its undo stay in the history.")

    @Argument(help: "The id of the event to undo.") var event: String
    @OptionGroup var author: AuthorOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        let store = try data.openStore(readOnly: false)
        do {
            let undo = try store.undo(event: event, author: author.name)
            let title = store.dataset.project(undo.project)?.title ?? undo.project
            if !undo.changes.isEmpty {
                Output.print("Undone: \(undo.changesSummary), saved (event \(undo.id))\n")
            } else {
                let what = undo.to.map { "back to \($0.rawValue)" } ?? "note withdrawn"
                Output.print("\(title): \(what), saved (event \(undo.id))\n")
            }
        } catch {
            throw refuse(error)
        }
    }
}

struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Fold the journal into projects.json; its events move to journal-archive.jsonl, never deleted.")

    @OptionGroup var author: AuthorOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        let store = try data.openStore(readOnly: false)
        do {
            let summary = try store.compact(author: author.name)
            if summary.events == 0 {
                Output.print("Nothing to compact: the journal is empty.\n")
            } else {
                let rewritten =
                    summary.rewrittenFiles.isEmpty ? "no file changed" : summary.rewrittenFiles.joined(separator: ", ") + " rewritten"
                Output.print(
                    "Compacted \(summary.events) events (\(summary.statusChanges) status changes, \(summary.notes) note\(summary.notes == 1 ? "" : "s"), "
                        + "\(summary.undos) undo\(summary.undos == 1 ? "" : "s"), \(summary.edits) edit\(summary.edits == 1 ? "" : "s")) "
                        + "into \(JournalFiles.archive); \(rewritten).\n")
            }
        } catch {
            throw refuse(error)
        }
    }
}
