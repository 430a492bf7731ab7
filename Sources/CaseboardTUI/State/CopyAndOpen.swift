import CaseboardKit

/// `y` copies what is selected (through the terminal, so it works in tmux and over ssh); `o` emails or
/// calls the selected contact through the desktop, when there is one.
extension AppState {
    /// The contact in focus: the selected link on a page when it is a contact, else the contact card open.
    var focusedContact: Contact? { focusedContact(Memo()) }

    /// The link highlighted on the open page, if any.
    var selectedLink: DetailTarget? { selectedLink(Memo()) }

    /// `memo` only saves laying out the page again.
    func focusedContact(_ memo: Memo) -> Contact? {
        guard let detail else { return nil }
        if let link = selectedLink(memo), case .contact(let id) = link { return dataset.contact(id) }
        if case .contact(let id) = detail.target { return dataset.contact(id) }
        return nil
    }

    /// The link highlighted on the open page, if any.
    func selectedLink(_ memo: Memo) -> DetailTarget? {
        guard let detail, let outline = memo.outline(detail.target, self), outline.targets.indices.contains(detail.selectedLink) else {
            return nil
        }
        return outline.targets[detail.selectedLink]
    }

    /// What `y` copies: a contact's email (or phone, when there is no email), else the id of the selected
    /// link, the open page or the selected row.
    func copyValue(_ memo: Memo) -> String? {
        if let contact = focusedContact(memo) {
            return contact.email.isEmpty ? (contact.phone.isEmpty ? contact.id : contact.phone) : contact.email
        }
        if let detail { return (selectedLink(memo) ?? detail.target).id }
        let selected = cursor(screen).selected
        switch screen {
        case .themes: return dataset.themes.indices.contains(selected) ? dataset.themes[selected].id : nil
        case .projects: return selectedProjectRow.map { dataset.projects.ids[$0] }
        case .funding: return dataset.funding.indices.contains(selected) ? dataset.funding[selected].id : nil
        case .partners: return visiblePartners.indices.contains(selected) ? dataset.organisations[visiblePartners[selected]].id : nil
        case .activity: return activity.indices.contains(selected) ? history.projectID(at: activity[selected]) : nil
        case .reports: return ReportsScreen.selectedRow(self).map(\.key)
        }
    }

    mutating func copySelection(_ memo: Memo) -> [Effect] {
        guard let value = copyValue(memo), !value.isEmpty else {
            message = Notice("Nothing selected to copy", .warning)
            return []
        }
        message = Notice("Copied \(value)", .success)
        return [.copyToClipboard(value)]
    }

    /// `mailto:` for a contact's email, else `tel:` for the phone (spaces left out).
    mutating func openContactLink(_ memo: Memo) -> [Effect] {
        guard let contact = focusedContact(memo) else {
            message = Notice("Select a contact first (on a project or partner page) to email or call them", .warning)
            return []
        }
        let link =
            !contact.email.isEmpty
            ? "mailto:" + contact.email : !contact.phone.isEmpty ? "tel:" + contact.phone.filter { $0 != " " } : nil
        guard let link else {
            message = Notice("\(contact.name) has no email or phone recorded", .warning)
            return []
        }
        let scheme = link.hasPrefix("mailto:") ? "mailto:" : "tel:"
        guard canOpenLinks else {
            let what = scheme == "mailto:" ? "address" : "number"
            message = Notice("No desktop to open \(scheme) links — press y to copy the \(what)", .warning)
            return []
        }
        message = Notice("Opening \(link)", .info)
        return [.openLink(link)]
    }
}

extension DetailTarget {
    /// The record's id, as `caseboard show` takes it.
    var id: String {
        switch self {
        case .project(let id), .organisation(let id), .contact(let id), .stream(let id): return id
        }
    }
}
