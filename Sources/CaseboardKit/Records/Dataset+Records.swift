/// Records by kind and id, and record changes applied to a data set.
extension Dataset {
    /// The record with this id, in use or retired.
    public func record(_ kind: RecordKind, _ id: String) -> (record: Record, retired: Bool)? {
        switch kind {
        case .project:
            if let project = project(id) { return (Record(project), false) }
            return retired.projects.first { $0.id == id }.map { (Record($0), true) }
        case .partner:
            if let organisation = organisation(id) { return (Record(organisation), false) }
            return retired.organisations.first { $0.id == id }.map { (Record($0), true) }
        case .contact:
            if let contact = contact(id) { return (Record(contact), false) }
            return retired.contacts.first { $0.id == id }.map { (Record($0), true) }
        case .stream:
            if let stream = stream(id) { return (Record(stream), false) }
            return retired.funding.first { $0.id == id }.map { (Record($0), true) }
        case .allocation:
            guard let key = Record.allocationKey(id) else { return nil }
            let stream = stream(key.stream) ?? retired.funding.first { $0.id == key.stream }
            guard let stream else { return nil }
            let matches = { (allocation: Allocation) in allocation.project == key.project && allocation.year == key.year }
            if let live = stream.allocations.first(where: matches) { return (Record(live, stream: stream.id), false) }
            return stream.retiredAllocations.first(where: matches).map { (Record($0, stream: stream.id), true) }
        }
    }

    /// Every record of a kind, in use first then retired, in file order.
    public func records(_ kind: RecordKind) -> [(record: Record, retired: Bool)] {
        switch kind {
        case .project: return projects.map { (Record($0), false) } + retired.projects.map { (Record($0), true) }
        case .partner: return organisations.map { (Record($0), false) } + retired.organisations.map { (Record($0), true) }
        case .contact: return contacts.map { (Record($0), false) } + retired.contacts.map { (Record($0), true) }
        case .stream: return funding.map { (Record($0), false) } + retired.funding.map { (Record($0), true) }
        case .allocation:
            return (funding + retired.funding).flatMap { stream in
                stream.allocations.map { (Record($0, stream: stream.id), false) }
                    + stream.retiredAllocations.map { (Record($0, stream: stream.id), true) }
            }
        }
    }

    /// Records in use that point at this one, named for a message: `project "x" (lead)`.
    public func references(to kind: RecordKind, _ id: String) -> [String] { RecordSet(self).references(to: kind, id) }

    /// The same, after these changes: what a retire in the middle of an import would leave pointing at it.
    public func references(to kind: RecordKind, _ id: String, after changes: [RecordChange]) -> [String] {
        var set = RecordSet(self)
        for change in changes { set.apply(change) }
        return set.references(to: kind, id)
    }

    /// The data set with these changes made, indexed again.
    public func applying(_ changes: [RecordChange]) -> Dataset {
        guard !changes.isEmpty else { return self }
        var set = RecordSet(self)
        for change in changes { set.apply(change) }
        return set.dataset
    }

    /// The data set with these changes made, as a load would read it back, or every problem a load would
    /// report: an edit can never save what would not load.
    /// Only the records the changes touch are written and read back, with everything they may point at (every
    /// partner, contact and retired record, and the projects the touched streams fund): the rest was checked when
    /// it was loaded, and a retire or removal is checked against every record by `references(to:)`. So an edit
    /// costs about the same on 100 projects or 100,000.
    public func checkedApplying(_ changes: [RecordChange]) -> Result<Dataset, LoadFailure> {
        var set = RecordSet(self)
        for change in changes { set.apply(change) }
        if case .failure(let failure) = set.neighbourhood(of: changes).checked { return .failure(failure) }
        return .success(set.dataset)
    }

    /// Every problem the data set would have if it were saved and loaded again.
    public func problems() -> [Problem] {
        if case .failure(let failure) = RecordSet(self).checked { return failure.problems }
        return []
    }
}
