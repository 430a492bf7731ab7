import CaseboardKit

/// What `A` adds, and what `e` and `R` act on, on the screen or page in view:
///
/// - Projects and Activity, or a project's page: a project.
/// - Partners: a partner organisation, or a contact at the selected one (a key says which); a partner's or a
///   contact's page: a contact at that organisation.
/// - Funding: a funding stream, or an allocation from the selected one; a stream's page: an allocation from it
///   (and `e`/`R` there ask whether the stream or the selected allocation is meant).
/// - Themes come from the strategy: nothing to add or correct there.
extension AppState {
    /// The choices `A` offers here, or why there are none.
    func addChoices() -> Result<[RecordChooser.Choice], RecordTargetError> {
        let theme = themeFilter.map { ["theme": RecordValue.text($0)] } ?? [:]
        let project = RecordChooser.Choice(letter: "p", label: "Project", action: .add(.project, prefilled: theme))
        if let detail {
            switch detail.target {
            case .project: return .success([project])
            case .organisation(let id): return .success([contactChoice(at: id)])
            case .contact(let id): return .success([contactChoice(at: dataset.contact(id)?.organisation ?? "")])
            case .stream(let id): return .success([allocationChoice(from: id)])
            }
        }
        let selected = cursor(screen).selected
        switch screen {
        case .themes: return .failure(.themes)
        case .reports: return .failure(.reports)
        case .projects, .activity: return .success([project])
        case .partners:
            let partner = RecordChooser.Choice(letter: "p", label: "Partner organisation", action: .add(.partner, prefilled: [:]))
            guard visiblePartners.indices.contains(selected) else { return .success([partner]) }
            return .success([partner, contactChoice(at: dataset.organisations[visiblePartners[selected]].id)])
        case .funding:
            let stream = RecordChooser.Choice(letter: "s", label: "Funding stream", action: .add(.stream, prefilled: [:]))
            guard dataset.funding.indices.contains(selected) else { return .success([stream]) }
            return .success([stream, allocationChoice(from: dataset.funding[selected].id)])
        }
    }

    /// The records `e` (or `R`) could mean here: one, or a stream and the allocation selected on its page.
    func focusedRecords() -> Result<[(kind: RecordKind, id: String, label: String)], RecordTargetError> {
        if let detail {
            switch detail.target {
            case .project(let id): return .success([(.project, id, "Project")])
            case .organisation(let id): return .success([(.partner, id, "Partner organisation")])
            case .contact(let id): return .success([(.contact, id, "Contact")])
            case .stream(let id):
                var found: [(kind: RecordKind, id: String, label: String)] = [(.stream, id, "This funding stream")]
                if let allocation = selectedAllocation() {
                    let title = dataset.project(allocation.project)?.title ?? allocation.project
                    found.append((.allocation, allocation.id(stream: id), "Allocation to \(title), \(allocation.year)"))
                }
                return .success(found)
            }
        }
        let selected = cursor(screen).selected
        switch screen {
        case .themes: return .failure(.themes)
        case .reports: return .failure(.reports)
        case .projects, .activity:
            guard let row = focusedProject else { return .failure(.nothingSelected) }
            return .success([(.project, dataset.projects.ids[row], "Project")])
        case .partners:
            guard visiblePartners.indices.contains(selected) else { return .failure(.nothingSelected) }
            return .success([(.partner, dataset.organisations[visiblePartners[selected]].id, "Partner organisation")])
        case .funding:
            guard dataset.funding.indices.contains(selected) else { return .failure(.nothingSelected) }
            return .success([(.stream, dataset.funding[selected].id, "Funding stream")])
        }
    }

    /// The allocation on the selected line of a stream's page.
    func selectedAllocation() -> Allocation? {
        guard let detail, case .stream(let id) = detail.target, let stream = dataset.stream(id) else { return nil }
        let shown = shownAllocations(stream)
        return shown.indices.contains(detail.selectedLink) ? shown[detail.selectedLink] : nil
    }

    /// A stream's allocations to projects the filters show: the lines (and links) of its page, in order.
    func shownAllocations(_ stream: FundingStream) -> [Allocation] {
        let visible = filter.isEmpty ? RowMask.all : dataset.mask(visibleProjects)
        return stream.allocations.filter { dataset.projectIndex[$0.project].map(visible.contains) ?? false }
    }

    private func contactChoice(at organisation: String) -> RecordChooser.Choice {
        let name = dataset.organisation(organisation)?.name ?? organisation
        return RecordChooser.Choice(
            letter: "c", label: "Contact at \(name)", action: .add(.contact, prefilled: ["organisation": .text(organisation)]))
    }

    private func allocationChoice(from stream: String) -> RecordChooser.Choice {
        let name = dataset.stream(stream)?.name ?? stream
        return RecordChooser.Choice(
            letter: "a", label: "Allocation from \(name)", action: .add(.allocation, prefilled: ["stream": .text(stream)]))
    }
}

/// Why `A`, `e` or `R` has nothing to act on.
enum RecordTargetError: Error {
    case themes, reports, nothingSelected

    var message: String {
        switch self {
        case .themes: return "Themes come from the strategy and are not changed here; 2, 3 or 4 for projects, funding or partners"
        case .reports: return "Reports add up the records; 2, 3 or 4 to add or correct projects, funding or partners"
        case .nothingSelected: return "Nothing is selected"
        }
    }
}
