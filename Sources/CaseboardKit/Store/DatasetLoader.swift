import Foundation

/// Reads and validates a data directory, reporting every problem at once.
public enum DatasetLoader {
    /// `progress` is called now and then with the share of the projects file read (0…1), for a loading screen.
    public static func load(directory: String, progress: (@Sendable (Double) -> Void)? = nil) throws(LoadFailure) -> Dataset {
        let (sources, problems) = open(directory)
        LoadTrace.mark("read files")
        if problems.isEmpty, let dataset = fastLoad(sources, progress: progress) { return dataset }
        return try fullLoad(sources, problems: problems)
    }

    /// Maps each collection file; a missing or unreadable one is a problem.
    static func open(_ directory: String) -> ([String: SourceFile], [Problem]) {
        var sources: [String: SourceFile] = [:]
        var problems: [Problem] = []
        for name in DataFiles.all {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                sources[name] = SourceFile(name: path, mapped: try MappedFile(path: path))
            } catch {
                problems.append(Problem(file: path, line: 1, column: 1, message: error.reason))
            }
        }
        return (sources, problems)
    }

    /// Projects straight from bytes into a table, the small files through the full reader. Nil at the first
    /// problem of any kind: the full load then finds and reports them all.
    static func fastLoad(_ sources: [String: SourceFile], progress: (@Sendable (Double) -> Void)?) -> Dataset? {
        var reader = CollectionReader()
        func records(_ name: String) -> [JSONNode]? {
            guard let source = sources[name], let root = try? JSONParser.parse(source.bytes), case .array(let items) = root.value else {
                return nil
            }
            return items
        }
        guard let themeItems = records(DataFiles.themes), let partnerItems = records(DataFiles.partners),
            let contactItems = records(DataFiles.contacts), let projectSource = sources[DataFiles.projects]
        else { return nil }
        let themes = reader.themes(themeItems, sources[DataFiles.themes]!)
        let organisations = reader.organisations(partnerItems, sources[DataFiles.partners]!)
        let contacts = reader.contacts(contactItems, sources[DataFiles.contacts]!)
        guard DataFiles.all.allSatisfy({ sources[$0].map { !$0.hasProblems } ?? false }), reader.retired.isEmpty else { return nil }
        LoadTrace.mark("themes, partners, contacts")
        let organisationIndex = ByteIndex(organisations.map(\.id))
        let fast = FastProjectReader(
            organisationIndex: organisationIndex, contactIndex: ByteIndex(contacts.map(\.id)),
            claimedIDs: reader.claimedIDs,
            progress: progress)
        let organisationIDs = organisations.map(\.id)
        let contactIDs = contacts.map(\.id)
        guard let table = projectSource.mapped.withBytes({ fast.read($0, organisationIDs: organisationIDs, contactIDs: contactIDs) })
        else { return nil }
        progress?(1)
        LoadTrace.mark("projects (fast path)")
        // Two independent jobs of about the same size, one per core: ids, funding and who works where; the
        // title order. (Search keys are built after, in the background: the first frame does not need them.)
        enum Job: Sendable {
            case funding(projectIndex: [String: Int], funding: [FundingStream]?, money: ProjectMoney?, links: ProjectLinks?)
            case titles([Int32])
        }
        let claimed = reader.claimedIDs
        let fundingFile = sources[DataFiles.funding]?.mapped
        let jobs = Parallel.run(2) { job -> Job in
            guard job == 0 else { return .titles(TitleRanks.compute(table)) }
            let projectIndex = Dataset.index(table.ids)
            // A project id used twice leaves the index one entry short: the full loader will say where.
            guard projectIndex.count == table.count, let fundingFile else {
                return .funding(projectIndex: projectIndex, funding: nil, money: nil, links: nil)
            }
            let fundingReader = FastFundingReader(organisationIndex: organisationIndex, projectIndex: projectIndex, claimedIDs: claimed)
            let funding = fundingFile.withBytes { fundingReader.read($0) }
            return .funding(
                projectIndex: projectIndex, funding: funding,
                money: funding.map { ProjectMoney($0, projectIndex: projectIndex, count: table.count) },
                links: ProjectLinks(table, organisations: organisations, contacts: contacts))
        }
        guard case .funding(let projectIndex, let funding?, let money, let links) = jobs[0], case .titles(let titleRanks) = jobs[1]
        else { return nil }
        LoadTrace.mark("funding, links ∥ titles")
        let dataset = Dataset(
            themes: themes, organisations: organisations, contacts: contacts, table: table, projectIndex: projectIndex,
            funding: funding, titleRanks: titleRanks, links: links, money: money)
        return dataset
    }

    /// Every file through the full reader, collecting every problem.
    static func fullLoad(_ sources: [String: SourceFile], problems: [Problem]) throws(LoadFailure) -> Dataset {
        var problems = problems
        var reader = CollectionReader()
        var roots: [String: [JSONNode]] = [:]
        for name in DataFiles.all {
            guard let source = sources[name] else { continue }
            source.clearProblems()
            do {
                let root = try JSONParser.parse(source.bytes)
                guard case .array(let items) = root.value else {
                    source.report(at: root.offset, "expected an array of records at the top level, found \(root.value.typeName)")
                    continue
                }
                roots[name] = items
            } catch {
                source.report(at: error.offset, "syntax error: \(error.message)")
            }
        }
        let themes = roots[DataFiles.themes].map { reader.themes($0, sources[DataFiles.themes]!) } ?? []
        let organisations = roots[DataFiles.partners].map { reader.organisations($0, sources[DataFiles.partners]!) } ?? []
        let contacts = roots[DataFiles.contacts].map { reader.contacts($0, sources[DataFiles.contacts]!) } ?? []
        let projects = roots[DataFiles.projects].map { reader.projects($0, sources[DataFiles.projects]!) } ?? []
        let funding = roots[DataFiles.funding].map { reader.funding($0, sources[DataFiles.funding]!) } ?? []
        var total = problems.count
        for name in DataFiles.all {
            guard let source = sources[name] else { continue }
            // Checks run field by field; readers want them in the order they appear in the file.
            problems += source.problems(limit: max(0, LoadFailure.listed - problems.count))
            total += source.problemCount
        }
        if total > 0 { throw LoadFailure(problems: problems, total: total) }
        var dataset = Dataset(themes: themes, organisations: organisations, contacts: contacts, projects: projects, funding: funding)
        dataset.retired = reader.retired
        return dataset
    }
}

/// Turns parsed records into model values, checking each field and each reference.
/// A collection whose file failed to parse is not checked against, so one broken file
/// does not bury its real problem under a cascade of dangling references.
struct CollectionReader {
    private var idOwners: [String: String] = [:]
    private var themeIDs: Set<String>?
    private var organisationIDs: Set<String>?
    private var contactIDs: Set<String>?
    /// Project ids and rows: from the full reader, or adopted from the fast path.
    private var projectIDs: [String: Int]?
    /// Records marked `"retired": true`, kept apart; records in use may not point at them.
    private(set) var retired = RetiredRecords()
    private var retiredIDs: Set<String> = []
    /// Whether the record being read is itself retired (it may point at anything).
    private var readingRetired = false

    /// Every id claimed so far (themes, organisations, contacts).
    var claimedIDs: Set<String> { Set(idOwners.keys) }

    /// Checks an id's shape and that no other record anywhere uses it.
    private mutating func claim(_ fields: RecordFields) -> String? {
        guard let id = fields.string("id") else { return nil }
        guard FieldRules.isID(id.utf8) else {
            fields.report("id", "\"\(id)\" is not a valid id; use lower-case letters, digits and hyphens")
            return nil
        }
        if let owner = idOwners[id] {
            fields.report("id", "duplicate id; \(owner) already uses it")
            return nil
        }
        idOwners[id] = fields.label
        return id
    }

    private func reference(_ fields: RecordFields, _ key: String, _ id: String, in ids: Set<String>?, kind: String, at offset: Int? = nil) {
        if retiredIDs.contains(id) { return checkNotRetired(fields, key, id, kind: kind, at: offset) }
        guard let ids, !ids.contains(id) else { return }
        report(fields, key, id, kind: kind, at: offset)
    }

    private func reference(_ fields: RecordFields, _ key: String, _ id: String, in ids: [String: Int]?, kind: String, at offset: Int? = nil)
    {
        if retiredIDs.contains(id) { return checkNotRetired(fields, key, id, kind: kind, at: offset) }
        guard let ids, ids[id] == nil else { return }
        report(fields, key, id, kind: kind, at: offset)
    }

    /// Files a record just read with those in use, or apart with the retired, whose ids records in use may
    /// not point at.
    private mutating func keep<Value>(
        _ record: Value, id: String, retired isRetired: Bool, in out: inout [Value], apart: WritableKeyPath<RetiredRecords, [Value]>
    ) {
        guard isRetired else { return out.append(record) }
        retired[keyPath: apart].append(record)
        retiredIDs.insert(id)
    }

    private func checkNotRetired(_ fields: RecordFields, _ key: String, _ id: String, kind: String, at offset: Int?) {
        guard !readingRetired else { return }
        fields.file.report(
            at: offset ?? fields.offset(of: key),
            "\(fields.label): field \"\(key)\": the \(kind) \"\(id)\" is retired; point at one in use, or retire this record too")
    }

    private func report(_ fields: RecordFields, _ key: String, _ id: String, kind: String, at offset: Int?) {
        let message = "\(fields.label): field \"\(key)\": no \(kind) has id \"\(id)\""
        fields.file.report(at: offset ?? fields.offset(of: key), message)
    }

    mutating func themes(_ items: [JSONNode], _ file: SourceFile) -> [Theme] {
        var out: [Theme] = []
        for (index, node) in items.enumerated() {
            guard let fields = RecordFields(file: file, kind: "theme", node: node, index: index, allowed: ["id", "name", "description"])
            else { continue }
            let id = claim(fields)
            if let id, !Theme.knownIDs.contains(id) {
                fields.report("id", "unknown theme \"\(id)\"; the strategy's themes are " + Theme.knownIDs.joined(separator: ", "))
            }
            let name = fields.string("name")
            let description = fields.string("description", required: false, allowEmpty: true) ?? ""
            if let id, let name { out.append(Theme(id: id, name: name, description: description)) }
        }
        for missing in Theme.knownIDs where !out.contains(where: { $0.id == missing }) && !hasID(missing) {
            file.report(at: 0, "theme \"\(missing)\" is missing; every data set has all four strategy themes")
        }
        themeIDs = Set(Theme.knownIDs)
        return out
    }

    private func hasID(_ id: String) -> Bool { idOwners[id] != nil }

    mutating func organisations(_ items: [JSONNode], _ file: SourceFile) -> [Organisation] {
        var out: [Organisation] = []
        var ids = Set<String>()
        for (index, node) in items.enumerated() {
            guard
                let fields = RecordFields(
                    file: file, kind: "organisation", node: node, index: index,
                    allowed: ["id", "name", "kind", "district", "provenance", "retired"])
            else { continue }
            let isRetired = fields.retired()
            let id = claim(fields)
            if let id { ids.insert(id) }
            let name = fields.string("name")
            let kind = fields.string("kind").flatMap { text -> OrganisationKind? in
                if let kind = OrganisationKind(rawValue: text) { return kind }
                fields.report(
                    "kind", "unknown kind \"\(text)\"; expected " + OrganisationKind.allCases.map(\.rawValue).joined(separator: ", "))
                return nil
            }
            let district = fields.string("district").flatMap { districtValue($0, fields, "district") }
            let provenance = fields.provenance()
            if let id, let name, let kind, let district {
                let organisation = Organisation(id: id, name: name, kind: kind, district: district, provenance: provenance)
                keep(organisation, id: id, retired: isRetired, in: &out, apart: \.organisations)
            }
        }
        organisationIDs = ids
        return out
    }

    private func districtValue(_ text: String, _ fields: RecordFields, _ key: String, at offset: Int? = nil) -> District? {
        if let district = District(rawValue: text) { return district }
        let message =
            "\(fields.label): field \"\(key)\": unknown district \"\(text)\"; expected "
            + District.allCases.map(\.rawValue).joined(separator: ", ")
        fields.file.report(at: offset ?? fields.offset(of: key), message)
        return nil
    }

    mutating func contacts(_ items: [JSONNode], _ file: SourceFile) -> [Contact] {
        var out: [Contact] = []
        var ids = Set<String>()
        for (index, node) in items.enumerated() {
            guard
                let fields = RecordFields(
                    file: file, kind: "contact", node: node, index: index,
                    allowed: ["id", "name", "role", "organisation", "email", "phone", "retired"])
            else { continue }
            readingRetired = fields.retired()
            let id = claim(fields)
            if let id { ids.insert(id) }
            let name = fields.string("name")
            let role = fields.string("role")
            let organisation = fields.string("organisation")
            if let organisation { reference(fields, "organisation", organisation, in: organisationIDs, kind: "organisation") }
            let email = fields.string("email", required: false, allowEmpty: true) ?? ""
            if !email.isEmpty && !Self.isEmail(email) {
                fields.report("email", "not an email address (the value is personal data, so it is not repeated here)")
            }
            let phone = fields.string("phone", required: false, allowEmpty: true) ?? ""
            if !phone.isEmpty && !Self.isPhone(phone) {
                fields.report(
                    "phone",
                    "not a phone number; use digits, spaces and an optional leading + (the value is personal data, so it is not repeated here)"
                )
            }
            if let id, let name, let role, let organisation {
                let contact = Contact(id: id, name: name, role: role, organisation: organisation, email: email, phone: phone)
                keep(contact, id: id, retired: readingRetired, in: &out, apart: \.contacts)
            }
        }
        readingRetired = false
        contactIDs = ids
        return out
    }

    /// Something@somewhere.tld: one "@", no spaces, and a dot inside the part after it.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let domain = Array(parts[1])
        return domain.count >= 3 && domain.dropFirst().dropLast().contains(".")
    }

    /// Digits, spaces, brackets and dashes (at least six), after an optional "+".
    static func isPhone(_ text: String) -> Bool {
        let body = text.hasPrefix("+") ? text.utf8.dropFirst() : text.utf8[...]
        return body.count >= 6 && body.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x20 || $0 == 0x28 || $0 == 0x29 || $0 == 0x2D }
    }

    static let projectFields = [
        "id", "title", "theme", "secondary_themes", "status", "lead", "partners", "districts", "start", "end", "summary",
        "contacts", "tags", "risk_reason", "risk_owner", "review_date", "provenance", "retired",
    ]

    mutating func projects(_ items: [JSONNode], _ file: SourceFile) -> [Project] {
        var out: [Project] = []
        out.reserveCapacity(items.count)
        var ids: [String: Int] = [:]
        ids.reserveCapacity(items.count)
        for (index, node) in items.enumerated() {
            guard let fields = RecordFields(file: file, kind: "project", node: node, index: index, allowed: Self.projectFields) else {
                continue
            }
            let id = claim(fields)
            readingRetired = fields.retired()
            if let id, !readingRetired { ids[id] = out.count }
            let title = fields.string("title")
            let theme = fields.string("theme")
            if let theme { reference(fields, "theme", theme, in: themeIDs, kind: "theme") }
            let secondary = fields.strings("secondary_themes") ?? []
            for (other, offset) in secondary {
                reference(fields, "secondary_themes", other, in: themeIDs, kind: "theme", at: offset)
                if other == theme {
                    file.report(at: offset, "\(fields.label): field \"secondary_themes\": \"\(other)\" is already the primary theme")
                }
            }
            let status = fields.string("status").flatMap { text -> ProjectStatus? in
                if let status = ProjectStatus(rawValue: text) { return status }
                fields.report(
                    "status", "unknown status \"\(text)\"; expected " + ProjectStatus.allCases.map(\.rawValue).joined(separator: ", "))
                return nil
            }
            let lead = fields.string("lead")
            if let lead { reference(fields, "lead", lead, in: organisationIDs, kind: "organisation") }
            let partners = fields.strings("partners") ?? []
            for (partner, offset) in partners {
                reference(fields, "partners", partner, in: organisationIDs, kind: "organisation", at: offset)
            }
            var districts: [District] = []
            if let listed = fields.strings("districts", required: true) {
                if listed.isEmpty && fields.has("districts") { fields.report("districts", "list at least one district") }
                for (text, offset) in listed {
                    if let district = districtValue(text, fields, "districts", at: offset) { districts.append(district) }
                }
            }
            let start = date(fields, "start")
            let end = date(fields, "end")
            if let start, let end, end < start {
                fields.report("end", "end date \(end) is before start date \(start)")
            }
            let summary = fields.string("summary", required: false, allowEmpty: true) ?? ""
            let contacts = fields.strings("contacts") ?? []
            for (contact, offset) in contacts {
                reference(fields, "contacts", contact, in: contactIDs, kind: "contact", at: offset)
            }
            let tags = fields.strings("tags") ?? []
            let riskReason = fields.string("risk_reason", required: false)
            let riskOwner = fields.string("risk_owner", required: false)
            if let riskOwner { reference(fields, "risk_owner", riskOwner, in: contactIDs, kind: "contact") }
            let reviewDate = date(fields, "review_date")
            let provenance = fields.provenance()
            if let id, let title, let theme, let status, let lead, !districts.isEmpty {
                let project = Project(
                    id: id, title: title, theme: theme, secondaryThemes: secondary.map(\.0), status: status, lead: lead,
                    partners: partners.map(\.0), districts: districts, start: start, end: end, summary: summary,
                    contacts: contacts.map(\.0), tags: tags.map(\.0), riskReason: riskReason, riskOwner: riskOwner,
                    reviewDate: reviewDate, provenance: provenance)
                keep(project, id: id, retired: readingRetired, in: &out, apart: \.projects)
            }
        }
        readingRetired = false
        projectIDs = ids
        return out
    }

    /// Four quarterly figures adding up to the year's spend, or none.
    private func spentQuarters(_ allocation: RecordFields, spent: Pence?) -> [Pence] {
        guard let listed = allocation.objects("spent_quarters_pence") else { return [] }
        var quarters: [Pence] = []
        for item in listed {
            guard case .integer(let value) = item.value, value >= 0 else {
                allocation.report("spent_quarters_pence", "expected four non-negative amounts in pence")
                return []
            }
            quarters.append(value)
        }
        guard quarters.count == 4 else {
            allocation.report("spent_quarters_pence", "expected four amounts (April–June first), found \(quarters.count)")
            return []
        }
        let sum = quarters.reduce(Pence(0)) { $0 &+ $1 }
        if sum != (spent ?? 0) {
            allocation.report(
                "spent_quarters_pence", "the quarters add up to \(Money.format(sum)), not the year's spend of \(Money.format(spent ?? 0))")
        }
        return quarters
    }

    private func date(_ fields: RecordFields, _ key: String) -> String? {
        guard let text = fields.string(key, required: false) else { return nil }
        guard CalendarDate(text) != nil else {
            fields.report(key, "\"\(text)\" is not a date; write it as YYYY-MM-DD")
            return nil
        }
        return text
    }

    mutating func funding(_ items: [JSONNode], _ file: SourceFile) -> [FundingStream] {
        var out: [FundingStream] = []
        for (index, node) in items.enumerated() {
            guard
                let fields = RecordFields(
                    file: file, kind: "funding stream", node: node, index: index,
                    allowed: ["id", "name", "funder", "years", "total_pence", "allocations", "notes", "provenance", "retired"])
            else { continue }
            let id = claim(fields)
            let streamRetired = fields.retired()
            readingRetired = streamRetired
            let name = fields.string("name")
            let funder = fields.string("funder")
            if let funder { reference(fields, "funder", funder, in: organisationIDs, kind: "organisation") }
            var years: [String] = []
            if let listed = fields.strings("years", required: true) {
                if listed.isEmpty && fields.has("years") { fields.report("years", "list at least one financial year") }
                for (year, offset) in listed {
                    if FinancialYear.isValid(year) {
                        years.append(year)
                    } else {
                        file.report(
                            at: offset, "\(fields.label): field \"years\": \"\(year)\" is not a financial year; write it as 2021/22")
                    }
                }
            }
            let total = fields.pence("total_pence")
            let notes = fields.string("notes", required: false, allowEmpty: true) ?? ""
            var allocations: [Allocation] = []
            var retiredAllocations: [Allocation] = []
            var sum: Pence = 0
            var sumOverflowed = false
            for (position, element) in (fields.objects("allocations") ?? []).enumerated() {
                guard
                    let allocation = RecordFields(
                        file: file, kind: "\(fields.label) allocation", node: element, index: position,
                        allowed: ["project", "amount_pence", "year", "spent_pence", "spent_quarters_pence", "provenance", "retired"])
                else { continue }
                let allocationRetired = allocation.retired()
                readingRetired = streamRetired || allocationRetired
                let project = allocation.string("project")
                if let project { reference(allocation, "project", project, in: projectIDs, kind: "project") }
                let amount = allocation.pence("amount_pence")
                let year = allocation.string("year")
                if let year, !years.isEmpty, !years.contains(year) {
                    allocation.report("year", "\"\(year)\" is not one of the stream's years (" + years.joined(separator: ", ") + ")")
                }
                let spent = allocation.optionalPence("spent_pence")
                let quarters = spentQuarters(allocation, spent: spent)
                let provenance = allocation.provenance()
                if let amount, !allocationRetired {
                    let (next, overflow) = sum.addingReportingOverflow(amount)
                    sumOverflowed = sumOverflowed || overflow
                    sum = next
                }
                if let project, let amount, let year {
                    let value = Allocation(
                        project: project, amount: amount, year: year, spent: spent, spentByQuarter: quarters, provenance: provenance)
                    if allocationRetired { retiredAllocations.append(value) } else { allocations.append(value) }
                }
            }
            readingRetired = streamRetired
            if sumOverflowed {
                fields.report("allocations", "the allocations add up to more than can be counted")
            } else if let total, sum > total {
                fields.report(
                    "allocations", "allocations add up to \(Money.format(sum)), more than the stream's total of \(Money.format(total))")
            }
            let provenance = fields.provenance()
            if let id, let name, let funder, !years.isEmpty, let total {
                let stream = FundingStream(
                    id: id, name: name, funder: funder, years: years, total: total, allocations: allocations, notes: notes,
                    provenance: provenance, retiredAllocations: retiredAllocations)
                keep(stream, id: id, retired: streamRetired, in: &out, apart: \.funding)
            }
            readingRetired = false
        }
        return out
    }
}
