import CaseboardKit
import TerminalKit

/// A run of text with a role.
struct Span: Equatable {
    var text: String
    var role: Role

    init(_ text: String, _ role: Role = .plain) {
        self.text = text
        self.role = role
    }
}

struct DetailLine: Equatable {
    var spans: [Span]
    /// Where Enter goes when this line is selected.
    var link: DetailTarget?
}

/// The content of a detail page, laid out for the current width.
struct DetailPage {
    var title: String
    var kind: String
    var lines: [DetailLine] = []

    /// Indices of lines that can be selected and opened.
    var linkLines: [Int] { lines.indices.filter { lines[$0].link != nil } }

    init(title: String, kind: String) {
        self.title = title
        self.kind = kind
    }

    mutating func blank() { lines.append(DetailLine(spans: [])) }

    mutating func field(_ label: String, _ value: String, _ role: Role = .plain) {
        guard !value.isEmpty else { return }
        lines.append(DetailLine(spans: [Span(DisplayWidth.pad(label, to: 12), .label), Span(value, role)]))
    }

    mutating func heading(_ text: String) {
        blank()
        lines.append(DetailLine(spans: [Span(text, .heading)]))
    }

    mutating func link(_ spans: [Span], to target: DetailTarget) {
        lines.append(DetailLine(spans: [Span("  ")] + spans, link: target))
    }

    /// A contact on two lines: the name (a link to the card) with role, then how to reach them.
    mutating func contact(_ contact: Contact, detail: String) {
        link([Span(contact.name, .link), Span(" · " + detail)], to: .contact(contact.id))
        let reach = [contact.email, contact.phone].filter { !$0.isEmpty }.joined(separator: "  ")
        if !reach.isEmpty { lines.append(DetailLine(spans: [Span("    " + reach, .dim)])) }
    }

    /// Status changes and notes, newest first, with who and when.
    mutating func timeline(_ events: [JournalEvent], history: History, width: Int, style: DateStyle = .uk) {
        heading("History (\(events.count))")
        if events.isEmpty { note("No changes recorded yet; c changes the status, a adds a note") }
        for event in events {
            var spans = [Span("  " + when(event.time, style) + "  ", .dim), Span(event.author, .bold), Span("  ")]
            var change = ActivityView.change(event, undone: history.isUndone(event))
            // The note goes on its own wrapped lines below.
            if event.kind != .undo, event.note != nil { change.removeLast() }
            spans += change
            lines.append(DetailLine(spans: spans))
            if let text = event.note, event.kind != .undo {
                for line in Wrap.lines(text, width: max(10, width - 10)) { lines.append(DetailLine(spans: [Span("      " + line)])) }
            }
        }
    }

    /// "02 Nov 2026 09:15 UTC"; a time that is not in the journal's form is shown as it is.
    private func when(_ time: String, _ style: DateStyle) -> String {
        JournalTime.parse(time) == nil ? time : style.format(time: time) + " UTC"
    }

    mutating func note(_ text: String) { lines.append(DetailLine(spans: [Span("  " + text, .dim)])) }

    mutating func paragraph(_ text: String, width: Int) {
        for line in Wrap.lines(text, width: max(10, width - 2)) { lines.append(DetailLine(spans: [Span(line)])) }
    }

    /// A record's kind and title, without building its page (for breadcrumbs).
    static func heading(_ target: DetailTarget, _ data: Dataset) -> (kind: String, title: String)? {
        switch target {
        case .project(let id): return data.projectIndex[id].map { ("Project", data.projects.title($0)) }
        case .organisation(let id): return data.organisation(id).map { ("Partner", $0.name) }
        case .contact(let id): return data.contact(id).map { ("Contact", $0.name) }
        case .stream(let id): return data.stream(id).map { ("Funding stream", $0.name) }
        }
    }

    static func build(_ target: DetailTarget, _ state: AppState) -> DetailPage? {
        let data = state.dataset
        let width = state.size.width
        switch target {
        case .project(let id):
            guard let row = data.projectIndex[id] else { return nil }
            return project(row, data, width, state)
        case .organisation(let id):
            guard let organisation = data.organisation(id) else { return nil }
            return self.organisation(organisation, data)
        case .contact(let id):
            guard let contact = data.contact(id) else { return nil }
            return self.contact(contact, data)
        case .stream(let id):
            guard let stream = data.stream(id) else { return nil }
            return self.stream(stream, data, state)
        }
    }

    private static func project(_ row: Int, _ data: Dataset, _ width: Int, _ state: AppState) -> DetailPage {
        let project = data.projects[row]
        var page = DetailPage(title: project.title, kind: "Project")
        page.field("Status", project.status.label, .status(project.status))
        if project.showsRisk {
            page.field("Why", project.riskReason ?? "no reason recorded", project.riskReason == nil ? .warning : .plain)
            page.field("Risk owner", project.riskOwner.map { data.contact($0)?.name ?? $0 } ?? "")
            let overdue = project.isReviewOverdue(on: state.today)
            let review = project.reviewDate.map { state.dateStyle.format(text: $0) + (overdue ? " — overdue" : "") }
            page.field("Review", review ?? "", overdue ? .warning : .plain)
        }
        page.field("Theme", data.themeName(project.theme))
        page.field("Also", project.secondaryThemes.map(data.themeName).joined(separator: "; "))
        page.field("Districts", project.districts.map(\.name).joined(separator: ", "))
        page.field("Dates", dates(project, state.dateStyle))
        page.field("Funding", Money.format(data.projectFunding[row]), .money)
        page.field("Tags", project.tags.joined(separator: ", "))
        page.field("Id", project.id, .dim)
        // Who to call comes first: it is what people open a project for most.
        page.heading("Contacts (\(project.contacts.count))")
        if project.contacts.isEmpty { page.note("No contacts recorded") }
        for id in project.contacts {
            guard let contact = data.contact(id) else { continue }
            page.contact(contact, detail: "\(contact.role), \(data.organisationName(contact.organisation))")
        }
        page.timeline(state.history.timeline(of: project.id), history: state.history, width: width, style: state.dateStyle)
        page.heading("Lead and delivery partners")
        page.link([Span(data.organisationName(project.lead), .link), Span("  lead", .dim)], to: .organisation(project.lead))
        for partner in project.partners {
            page.link([Span(data.organisationName(partner), .link), Span("  partner", .dim)], to: .organisation(partner))
        }
        if !project.summary.isEmpty {
            page.heading("Summary")
            page.paragraph(project.summary, width: width)
        }
        page.heading("Funding allocations")
        let allocations = data.allocations(ofProject: row)
        if allocations.isEmpty { page.note("No allocations") }
        for entry in allocations {
            page.link(
                [
                    Span(DisplayWidth.pad(Money.format(entry.allocation.amount), to: 12, alignRight: true), .money),
                    Span("  \(entry.allocation.year)  "), Span(entry.stream.name, .link),
                ], to: .stream(entry.stream.id))
        }
        return page
    }

    static func dates(_ project: Project, _ style: DateStyle) -> String {
        switch (project.start.map(style.format(text:)), project.end.map(style.format(text:))) {
        case (nil, nil): return ""
        case (let start?, nil): return "from \(start)"
        case (nil, let end?): return "until \(end)"
        case (let start?, let end?): return "\(start) to \(end)"
        }
    }

    private static func projectLink(_ row: Int, _ data: Dataset, note: String = "") -> (spans: [Span], target: DetailTarget) {
        let project = data.projects[row]
        return (
            [
                Span(DisplayWidth.pad(project.status.label, to: 10), .status(project.status)), Span(project.title, .link),
                Span(note, .dim),
            ], .project(project.id)
        )
    }

    private static func organisation(_ organisation: Organisation, _ data: Dataset) -> DetailPage {
        var page = DetailPage(title: organisation.name, kind: "Partner")
        page.field("Kind", organisation.kind.label)
        page.field("District", organisation.district.name)
        page.field("Id", organisation.id, .dim)
        page.heading("Contacts")
        let contacts = data.contactRows(at: organisation.id)
        if contacts.isEmpty { page.note("No contacts recorded") }
        for row in contacts {
            let contact = data.contacts[row]
            page.contact(contact, detail: contact.role)
        }
        let rows = data.projectRows(involving: organisation.id)
        let leads = rows.filter { data.organisations[Int(data.projects.leads[$0])].id == organisation.id }
        page.heading("Leads (\(leads.count))")
        for row in leads {
            let link = projectLink(row, data)
            page.link(link.spans, to: link.target)
        }
        let delivers = rows.filter { data.organisations[Int(data.projects.leads[$0])].id != organisation.id }
        page.heading("Delivers (\(delivers.count))")
        for row in delivers {
            let link = projectLink(row, data)
            page.link(link.spans, to: link.target)
        }
        let funds = data.funding.filter { $0.funder == organisation.id }
        if !funds.isEmpty {
            page.heading("Funds")
            for stream in funds {
                page.link(
                    [
                        Span(DisplayWidth.pad(Money.format(stream.total), to: 12, alignRight: true), .money), Span("  "),
                        Span(stream.name, .link),
                    ], to: .stream(stream.id))
            }
        }
        return page
    }

    private static func contact(_ contact: Contact, _ data: Dataset) -> DetailPage {
        var page = DetailPage(title: contact.name, kind: "Contact")
        page.field("Role", contact.role)
        page.field("Email", contact.email)
        page.field("Phone", contact.phone)
        page.field("Id", contact.id, .dim)
        page.heading("Organisation")
        page.link([Span(data.organisationName(contact.organisation), .link)], to: .organisation(contact.organisation))
        let rows = data.projectRows(naming: contact.id)
        page.heading("Projects (\(rows.count))")
        if rows.isEmpty { page.note("Not named on any project") }
        for row in rows {
            let link = projectLink(row, data)
            page.link(link.spans, to: link.target)
        }
        return page
    }

    private static func stream(_ stream: FundingStream, _ data: Dataset, _ state: AppState) -> DetailPage {
        var page = DetailPage(title: stream.name, kind: "Funding stream")
        page.field("Funder", data.organisationName(stream.funder))
        page.field("Years", stream.years.joined(separator: ", "))
        page.field("Total", Money.format(stream.total), .money)
        page.field("Allocated", Money.format(stream.allocated), .money)
        page.field("Unallocated", Money.format(stream.unallocated), .money)
        // Spent is part of the allocated money; shown only once something reports it.
        if stream.allocations.contains(where: { $0.spent != nil }) {
            page.field("Spent", Money.format(stream.spent) + " of the allocated", .money)
        }
        page.field("Notes", stream.notes)
        page.field("Id", stream.id, .dim)
        let shown = state.shownAllocations(stream)
        let hidden = stream.allocations.count - shown.count
        page.heading("Funded projects (\(shown.count)\(hidden > 0 ? ", \(hidden) hidden by the filter" : ""))")
        if shown.isEmpty { page.note("No allocations") }
        for allocation in shown {
            guard let row = data.projectIndex[allocation.project] else { continue }
            let project = data.projects[row]
            page.link(
                [
                    Span(DisplayWidth.pad(Money.format(allocation.amount), to: 12, alignRight: true), .money),
                    Span("  \(allocation.year)  "), Span(project.title, .link), Span("  \(Theme.shortName(project.theme))", .dim),
                ] + (allocation.spent.map { [Span("  spent \(Money.format($0))", .dim)] } ?? []), to: .project(project.id))
        }
        return page
    }
}

/// Word wrapping by display width.
enum Wrap {
    static func lines(_ text: String, width: Int) -> [String] {
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if DisplayWidth.of(candidate) <= width || line.isEmpty {
                    line = candidate
                } else {
                    out.append(line)
                    line = String(word)
                }
            }
            out.append(line)
        }
        return out
    }
}
