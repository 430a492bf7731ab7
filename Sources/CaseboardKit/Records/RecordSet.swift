/// Every record of a data set as plain values, live and retired: where record changes are applied before the
/// data set is built again. Building again costs a load's worth of indexing, so changes are applied in batches.
struct RecordSet {
    var themes: [Theme]
    var organisations: [Organisation]
    var contacts: [Contact]
    var projects: [Project]
    var funding: [FundingStream]
    var retired: RetiredRecords

    init(_ dataset: Dataset) {
        themes = dataset.themes
        organisations = dataset.organisations
        contacts = dataset.contacts
        projects = Array(dataset.projects)
        funding = dataset.funding
        retired = dataset.retired
    }

    /// The records built into a data set as they are: for replay, which applies what the journal says.
    var dataset: Dataset {
        var built = Dataset(themes: themes, organisations: organisations, contacts: contacts, projects: projects, funding: funding)
        built.retired = retired
        return built
    }

    var files: [(name: String, text: String)] {
        DatasetWriter.files(
            themes: themes, organisations: organisations, contacts: contacts, projects: projects, funding: funding, retired: retired)
    }

    /// The records as a load would read them back: the data set, or every problem a load would report (a
    /// reference to nothing, an end before a start, allocations over the total). Checked on the plain
    /// records, before indexing, which would drop a reference it cannot resolve.
    var checked: Result<Dataset, LoadFailure> {
        var sources: [String: SourceFile] = [:]
        for file in files { sources[file.name] = SourceFile(name: file.name, bytes: Array(file.text.utf8)) }
        do {
            return .success(try DatasetLoader.fullLoad(sources, problems: []))
        } catch {
            return .failure(error)
        }
    }

    mutating func apply(_ change: RecordChange) {
        switch change.kind {
        case .project:
            Self.update(&projects, &retired.projects, change, id: \.id, make: { $0.project }, record: Record.init)
        case .partner:
            Self.update(&organisations, &retired.organisations, change, id: \.id, make: { $0.organisation }, record: Record.init)
        case .contact:
            Self.update(&contacts, &retired.contacts, change, id: \.id, make: { $0.contact }, record: Record.init)
        case .stream:
            let (before, beforeRetired) = (funding, retired.funding)
            Self.update(
                &funding, &retired.funding, change, id: \.id,
                make: { record in
                    // A stream's allocations are kept when its own fields are set again.
                    let old = before.first { $0.id == record.id } ?? beforeRetired.first { $0.id == record.id }
                    return record.stream(allocations: old?.allocations ?? [], retiredAllocations: old?.retiredAllocations ?? [])
                }, record: Record.init)
        case .allocation:
            applyAllocation(change)
        }
    }

    /// One record's values as the changes applied so far leave them; nil when there is none of that kind and id.
    func record(_ kind: RecordKind, _ id: String) -> Record? {
        func find<Value>(_ live: [Value], _ gone: [Value], _ key: (Value) -> String, _ make: (Value) -> Record) -> Record? {
            Self.locate(live, gone, id, key).map { inUse, row in make(inUse ? live[row] : gone[row]) }
        }
        switch kind {
        case .project: return find(projects, retired.projects, \.id, Record.init)
        case .partner: return find(organisations, retired.organisations, \.id, Record.init)
        case .contact: return find(contacts, retired.contacts, \.id, Record.init)
        case .stream: return find(funding, retired.funding, \.id, Record.init)
        case .allocation:
            guard let key = Record.allocationKey(id),
                let stream = funding.first(where: { $0.id == key.stream }) ?? retired.funding.first(where: { $0.id == key.stream })
            else { return nil }
            return find(stream.allocations, stream.retiredAllocations, { $0.id(stream: key.stream) }, { Record($0, stream: key.stream) })
        }
    }

    /// The records as a load would read back those these changes touch, or every problem it would report.
    /// Only they are written and read back, with everything they may point at (every partner, contact and
    /// retired record, and the projects the touched streams fund): the rest was checked when it was loaded, and
    /// a retire or removal is checked against every record by `references(to:)`. So an edit costs about the
    /// same on 100 projects or 100,000.
    func checked(touchedBy changes: [RecordChange]) -> Result<Dataset, LoadFailure> { neighbourhood(of: changes).checked }

    /// The records these changes touch, with every record they may point at: what a check of the changes needs.
    private func neighbourhood(of changes: [RecordChange]) -> RecordSet {
        var projectIDs = Set<String>()
        var streamIDs = Set<String>()
        for change in changes {
            switch change.kind {
            case .project: projectIDs.insert(change.id)
            case .stream: streamIDs.insert(change.id)
            case .allocation:
                if let key = Record.allocationKey(change.id) {
                    streamIDs.insert(key.stream)
                    projectIDs.insert(key.project)
                }
            case .partner, .contact: break
            }
        }
        var part = self
        part.funding = funding.filter { streamIDs.contains($0.id) }
        for stream in part.funding { projectIDs.formUnion(stream.allocations.map(\.project)) }
        part.projects = projects.filter { projectIDs.contains($0.id) }
        return part
    }

    /// The one shape of every change: find the record (in use or retired), then add, set, retire, restore or remove.
    private static func locate<Value>(_ live: [Value], _ gone: [Value], _ id: String, _ key: (Value) -> String) -> (Bool, Int)? {
        if let row = live.firstIndex(where: { key($0) == id }) { return (true, row) }
        if let row = gone.firstIndex(where: { key($0) == id }) { return (false, row) }
        return nil
    }

    /// `id` reads a record's id without building its `Record` (the search runs over every record of the kind).
    private static func update<Value>(
        _ live: inout [Value], _ gone: inout [Value], _ change: RecordChange, id: (Value) -> String, make: (Record) -> Value,
        record: (Value) -> Record
    ) {
        let found = locate(live, gone, change.id, id)
        switch change.operation {
        case .add:
            let value = make(change.record)
            if let (inUse, row) = found {
                if inUse {
                    live[row] = value
                } else {
                    gone.remove(at: row)
                    live.append(value)
                }
            } else {
                live.append(value)
            }
        case .set:
            guard let (inUse, row) = found, let field = change.field else { return }
            var edited = record(inUse ? live[row] : gone[row])
            edited[field] = change.to
            if inUse { live[row] = make(edited) } else { gone[row] = make(edited) }
        case .retire:
            guard let (inUse, row) = found, inUse else { return }
            gone.append(live.remove(at: row))
        case .restore:
            guard let (inUse, row) = found, !inUse else { return }
            live.append(gone.remove(at: row))
        case .remove:
            guard let (inUse, row) = found else { return }
            if inUse { live.remove(at: row) } else { gone.remove(at: row) }
        }
    }

    private mutating func applyAllocation(_ change: RecordChange) {
        guard let key = Record.allocationKey(change.id) else { return }
        func apply(_ stream: inout FundingStream) {
            Self.update(
                &stream.allocations, &stream.retiredAllocations, change, id: { $0.id(stream: key.stream) }, make: { $0.allocation },
                record: { Record($0, stream: key.stream) })
        }
        if let row = funding.firstIndex(where: { $0.id == key.stream }) {
            apply(&funding[row])
        } else if let row = retired.funding.firstIndex(where: { $0.id == key.stream }) {
            apply(&retired.funding[row])
        }
    }

    /// Records in use that point at this one, named for a message: `project "x" (lead)`.
    func references(to kind: RecordKind, _ id: String) -> [String] {
        var out: [String] = []
        switch kind {
        case .partner:
            for contact in contacts where contact.organisation == id { out.append("contact \"\(contact.id)\"") }
            for project in projects where project.lead == id || project.partners.contains(id) {
                out.append("project \"\(project.id)\" (\(project.lead == id ? "lead" : "partner"))")
            }
            for stream in funding where stream.funder == id { out.append("funding stream \"\(stream.id)\" (funder)") }
        case .contact:
            for project in projects where project.contacts.contains(id) || project.riskOwner == id {
                out.append("project \"\(project.id)\"")
            }
        case .project:
            for stream in funding {
                for allocation in stream.allocations where allocation.project == id {
                    out.append("allocation \"\(allocation.id(stream: stream.id))\"")
                }
            }
        case .stream:
            if let stream = funding.first(where: { $0.id == id }) {
                for allocation in stream.allocations { out.append("allocation \"\(allocation.id(stream: id))\"") }
            }
        case .allocation:
            break
        }
        return out
    }

}
