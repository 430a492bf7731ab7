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

    /// The data set with these changes made, indexed again.
    public func applying(_ changes: [RecordChange]) -> Dataset {
        guard !changes.isEmpty else { return self }
        var set = RecordSet(self)
        for change in changes { set.apply(change) }
        return set.dataset
    }

    /// What a load would report about the records these changes touch, made on this data set: the check an
    /// edit is saved under (see `RecordSet.checked(touchedBy:)`), so a preview says what saving would say.
    public func problems(after changes: [RecordChange]) -> [Problem] {
        var records = RecordSet(self)
        for change in changes { records.apply(change) }
        if case .failure(let failure) = records.checked(touchedBy: changes) { return failure.problems }
        return []
    }

    /// Every problem the data set would have if it were saved and loaded again.
    public func problems() -> [Problem] {
        if case .failure(let failure) = RecordSet(self).checked { return failure.problems }
        return []
    }
}
