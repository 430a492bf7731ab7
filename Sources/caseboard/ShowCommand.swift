import ArgumentParser
import CaseboardKit
import TerminalKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one record (project, partner, contact, funding stream or theme) with everything linked to it.")

    @Argument(help: "The record's id, as `list` prints it.")
    var id: String

    @OptionGroup var data: DataOptions

    func run() throws {
        let store = try data.openStore(readOnly: true)
        let dataset = store.dataset
        guard let text = RecordReport.text(for: id, in: dataset, history: store.history) else {
            let near = RecordReport.suggestions(for: id, in: dataset)
            Output.error(
                "caseboard: no record has id \"\(id)\"" + (near.isEmpty ? "" : "; did you mean " + near.joined(separator: ", ") + "?"))
            Output.error("Find ids with `caseboard list projects --search WORDS`.")
            throw ExitCode(1)
        }
        Output.print(text)
    }
}

/// Plain-text reports of one record, for `show`.
enum RecordReport {
    static func text(for id: String, in dataset: Dataset, history: History = History()) -> String? {
        if let row = dataset.projectIndex[id] { return project(row, dataset, history: history) }
        if let organisation = dataset.organisation(id) { return self.organisation(organisation, dataset) }
        if let contact = dataset.contact(id) { return self.contact(contact, dataset) }
        if let stream = dataset.stream(id) { return self.stream(stream, dataset) }
        if let theme = dataset.theme(id) { return self.theme(theme, dataset) }
        return nil
    }

    static func suggestions(for id: String, in dataset: Dataset) -> [String] {
        let all = dataset.projects.map(\.id) + dataset.organisations.map(\.id) + dataset.contacts.map(\.id) + dataset.funding.map(\.id)
        return Array(all.filter { $0.contains(id) || id.contains($0) }.prefix(5))
    }

    private static func block(_ title: String, _ pairs: [(String, String)]) -> String {
        let width = pairs.map { DisplayWidth.of($0.0) }.max() ?? 0
        var out = Sanitizer.clean(title) + "\n" + String(repeating: "─", count: min(DisplayWidth.of(title), 78)) + "\n"
        for (key, value) in pairs where !value.isEmpty {
            out += DisplayWidth.pad(key, to: width) + "  " + Sanitizer.clean(value) + "\n"
        }
        return out
    }

    private static func section(_ title: String, _ lines: [String]) -> String {
        "\n" + title + "\n" + (lines.isEmpty ? "  (none)\n" : lines.map { "  " + Sanitizer.clean($0) + "\n" }.joined())
    }

    private static func contactLine(_ id: String, _ dataset: Dataset) -> String {
        guard let contact = dataset.contact(id) else { return id }
        let details = [contact.email, contact.phone].filter { !$0.isEmpty }.joined(separator: "  ")
        return "\(contact.name) — \(contact.role), \(dataset.organisationName(contact.organisation))  \(details)"
    }

    private static func projectLine(_ row: Int, _ dataset: Dataset) -> String {
        let project = dataset.projects[row]
        return "\(project.title) [\(project.status.rawValue)] (\(project.id))"
    }

    private static func reviewText(_ project: Project) -> String {
        guard let review = project.reviewDate else { return "" }
        return review + (project.isReviewOverdue(on: .today()) ? " (overdue)" : "")
    }

    static func project(_ row: Int, _ dataset: Dataset, history: History) -> String {
        let project = dataset.projects[row]
        let funded = dataset.allocations(ofProject: row)
        var out = block(
            project.title,
            [
                ("id", project.id), ("status", project.status.rawValue),
                ("why", project.showsRisk ? project.riskReason ?? "no reason recorded" : ""),
                ("risk owner", project.showsRisk ? project.riskOwner.map { dataset.contact($0)?.name ?? $0 } ?? "" : ""),
                ("review", project.showsRisk ? reviewText(project) : ""), ("theme", dataset.themeName(project.theme)),
                ("also", project.secondaryThemes.map(dataset.themeName).joined(separator: "; ")),
                ("lead", dataset.organisationName(project.lead)),
                ("partners", project.partners.map(dataset.organisationName).joined(separator: "; ")),
                ("districts", project.districts.map(\.name).joined(separator: ", ")),
                ("dates", [project.start ?? "…", project.end ?? "…"].joined(separator: " to ")),
                ("funding", Money.format(dataset.projectFunding[row]) + ProvenanceMark.suffix(funded.map(\.allocation.provenance))),
                ("tags", project.tags.joined(separator: ", ")), ("provenance", ProvenanceMark.record(project.provenance)),
            ])
        out += "\n" + project.summary + "\n"
        out += section("Contacts", project.contacts.map { contactLine($0, dataset) })
        let allocations = funded.map {
            "\(Money.format($0.allocation.amount))  \($0.stream.name), \($0.allocation.year)"
                + ProvenanceMark.suffix($0.allocation.provenance)
        }
        out += section("Funding", allocations)
        // Newest first, as the browser shows it; `caseboard history ID` has the ids for undo.
        let timeline = history.timeline(of: project.id).map { event -> String in
            var line = "\(event.shortTime)  \(event.author)  "
            switch event.kind {
            case .status: line += "\(event.from?.label ?? "?") → \(event.to?.label ?? "?")"
            case .note: line += "note"
            case .edit: line += event.changesSummary
            case .undo where !event.changes.isEmpty: line += "undo (" + event.changesSummary + ")"
            case .undo: line += event.to.map { "undo, back to \($0.label)" } ?? "undo (note withdrawn)"
            }
            if history.isUndone(event) { line += " (undone)" }
            if let note = event.note, event.kind != .undo { line += ": " + note }
            return line
        }
        out += section("History", timeline)
        return out
    }

    static func organisation(_ organisation: Organisation, _ dataset: Dataset) -> String {
        var out = block(
            organisation.name,
            [
                ("id", organisation.id), ("kind", organisation.kind.label), ("district", organisation.district.name),
                ("provenance", ProvenanceMark.record(organisation.provenance)),
            ])
        out += section("Contacts", dataset.contactRows(at: organisation.id).map { contactLine(dataset.contacts[$0].id, dataset) })
        let rows = dataset.projectRows(involving: organisation.id)
        out += section("Leads", rows.filter { dataset.projects[$0].lead == organisation.id }.map { projectLine($0, dataset) })
        out += section("Delivers", rows.filter { dataset.projects[$0].lead != organisation.id }.map { projectLine($0, dataset) })
        let funded = dataset.funding.filter { $0.funder == organisation.id }.map {
            "\($0.name): \(Money.format($0.total))" + ProvenanceMark.suffix($0.provenance)
        }
        if !funded.isEmpty { out += section("Funds", funded) }
        return out
    }

    static func contact(_ contact: Contact, _ dataset: Dataset) -> String {
        var out = block(
            contact.name,
            [
                ("id", contact.id), ("role", contact.role), ("organisation", dataset.organisationName(contact.organisation)),
                ("email", contact.email), ("phone", contact.phone),
            ])
        out += section("Projects", dataset.projectRows(naming: contact.id).map { projectLine($0, dataset) })
        return out
    }

    static func stream(_ stream: FundingStream, _ dataset: Dataset) -> String {
        let parts = stream.allocations.map(\.provenance)
        var out = block(
            stream.name,
            [
                ("id", stream.id), ("funder", dataset.organisationName(stream.funder)), ("years", stream.years.joined(separator: ", ")),
                ("total", Money.format(stream.total) + ProvenanceMark.suffix(stream.provenance)),
                ("allocated", Money.format(stream.allocated) + ProvenanceMark.suffix(parts)),
                ("unallocated", Money.format(stream.unallocated) + ProvenanceMark.suffix([stream.provenance] + parts)),
                ("spent", stream.allocations.contains { $0.spent != nil } ? Money.format(stream.spent) + " of the allocated" : ""),
                ("notes", stream.notes),
            ])
        out += section(
            "Allocations",
            stream.allocations.map { allocation in
                let title = dataset.project(allocation.project)?.title ?? allocation.project
                let spent = allocation.spent.map { "  (spent \(Money.format($0)))" } ?? ""
                return DisplayWidth.pad(Money.format(allocation.amount), to: 12, alignRight: true)
                    + "  \(allocation.year)  \(title)\(spent)" + ProvenanceMark.suffix(allocation.provenance)
            })
        out += section(
            "By theme",
            dataset.fundingByTheme(stream: stream.id).map {
                DisplayWidth.pad(Money.format($0.amount), to: 12, alignRight: true) + "  " + $0.label + ProvenanceMark.suffix(parts)
            })
        return out
    }

    static func theme(_ theme: Theme, _ dataset: Dataset) -> String {
        let rows = dataset.matchingRows(ProjectFilter(themes: [theme.id]))
        let counts = dataset.statusCounts(rows)
        let funding = dataset.fundingByTheme().first { $0.key == theme.id }?.amount ?? 0
        let parts = dataset.allocations(forRows: nil).filter { dataset.projects[$0.row].theme == theme.id }.map(\.allocation.provenance)
        var out = block(
            theme.name,
            [
                ("id", theme.id), ("projects", String(rows.count)),
                (
                    "by status",
                    ProjectStatus.allCases.compactMap { status in counts[status].map { "\($0) \(status.rawValue)" } }.joined(
                        separator: ", ")
                ),
                ("funding", Money.format(funding) + " allocated to projects with this primary theme" + ProvenanceMark.suffix(parts)),
            ])
        out += "\n" + theme.description + "\n"
        out += section("Projects", rows.map { projectLine($0, dataset) })
        return out
    }
}
