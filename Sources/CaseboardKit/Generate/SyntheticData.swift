import Foundation

/// Deterministic, realistic synthetic data for load tests: the same seed gives the same bytes. The files are
/// valid (`caseboard validate` accepts them) and formatted as Caseboard writes them.
public struct SyntheticData {
    public var projects: Int
    public var events: Int
    public var seed: UInt64

    public init(projects: Int, events: Int = 0, seed: UInt64 = 1) {
        self.projects = projects
        self.events = events
        self.seed = seed
    }

    var organisationCount: Int { max(30, min(5000, projects / 200)) }
    var streamCount: Int { max(8, min(400, projects / 2500)) }

    static let districts = District.allCases
    static let kinds = OrganisationKind.allCases
    static let adjectives = [
        "Early", "Targeted", "Community", "Youth", "Family", "Street", "School", "Custody", "Hospital", "Night-time", "Detached",
        "Weekend", "Summer", "Peer", "Restorative", "Outreach",
    ]
    static let subjects = [
        "mentoring", "diversion", "navigators", "outreach", "youth work", "safety sessions", "knife crime workshops", "sports project",
        "exploitation awareness", "drug outreach", "resettlement support", "family therapy", "patrols", "education programme",
        "arts project", "boxing club",
    ]
    static let places = [
        "Bradford", "Keighley", "Halifax", "Brighouse", "Huddersfield", "Dewsbury", "Batley", "Leeds", "Harehills", "Armley",
        "Wakefield", "Castleford", "Pontefract", "Shipley", "Todmorden", "Morley",
    ]
    static let openings = [
        "Works with young people aged 10 to 17", "Supports families referred by schools", "Reaches young adults leaving custody",
        "Brings youth workers into hospital emergency departments", "Runs evening sessions in community venues",
        "Trains practitioners to spot exploitation", "Pairs mentors with pupils at risk of exclusion",
    ]
    static let closings = [
        "and reports sessions delivered each quarter.", "and reports the number of young people reached.",
        "with funding reviewed every year.", "in partnership with the local community safety partnership.",
        "and is evaluated against hospital admissions for sharp-object injury.", "using aggregate counts only.",
    ]
    static let tags = [
        "knife-crime", "schools", "families", "custody", "health", "sport", "county-lines", "mentoring", "research", "campaign",
    ]
    static let firstNames = [
        "Aisha", "Ben", "Chloë", "Daniel", "Emma", "Farah", "Grace", "Hannah", "Imran", "José", "Kwame", "Liam", "Niamh", "Orla",
        "Priya", "Renée", "Samuel", "Tomasz", "Yusuf", "Zoë",
    ]
    static let lastNames = [
        "Khan", "Holmes", "Barraclough", "Okafor", "Firth", "Mahmood", "Holroyd", "Greenwood", "Siddiqui", "Ferreira", "Mensah",
        "Walsh", "O'Connor", "Brennan", "Sharma", "Haigh", "Ackroyd", "Nowak", "Patel", "Whitaker",
    ]
    static let roles = ["Programme Lead", "Coordinator", "Manager", "Analyst", "Youth Worker", "Commissioning Officer"]
    static let authors = [
        "aisha.khan", "ben.holmes", "chloe.b", "daniel.okafor", "emma.firth", "farah.m", "grace.holroyd", "hannah.g", "imran.s",
        "jose.f", "kwame.m", "liam.walsh",
    ]

    /// Writes the five collection files (and `journal.jsonl` when `events > 0`) into `directory`. Recorded changes
    /// are never lost to it: a non-empty journal or archive there is refused, and an empty one is left alone.
    public func write(to directory: String) throws(AtomicFile.WriteError) {
        for name in [JournalFiles.journal, JournalFiles.archive] {
            let path = directory + "/" + name
            if Self.holdsChanges(path) {
                throw AtomicFile.WriteError(path: path, reason: "it holds recorded changes; generate never replaces them")
            }
        }
        try AtomicFile.makeDirectory(directory)
        var random = SplitMix(seed: seed)
        let themes = DatasetWriter.files(
            Dataset(themes: Self.themes, organisations: [], contacts: [], projects: [], funding: [])
        ).first { $0.name == DataFiles.themes }!.text
        try AtomicFile.write(Array(themes.utf8), to: directory + "/" + DataFiles.themes)
        try AtomicFile.write(organisationsFile(&random), to: directory + "/" + DataFiles.partners)
        try AtomicFile.write(contactsFile(&random), to: directory + "/" + DataFiles.contacts)
        var statuses: [ProjectStatus] = []
        var allocations: [[(project: Int, amount: Int64)]] = Array(repeating: [], count: streamCount)
        try AtomicFile.write(
            projectsFile(&random, statuses: &statuses, allocations: &allocations), to: directory + "/" + DataFiles.projects)
        try AtomicFile.write(fundingFile(&random, allocations), to: directory + "/" + DataFiles.funding)
        if events > 0 {
            try AtomicFile.write(journalFile(&random, statuses: statuses), to: directory + "/" + JournalFiles.journal)
        }
    }

    /// True when the file exists and is not empty.
    public static func holdsChanges(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_size > 0
    }

    static let themes = Theme.knownIDs.map { id in
        Theme(id: id, name: Theme.longName(id), description: "Synthetic data for load tests: \(Theme.shortName(id).lowercased()).")
    }

    func organisationID(_ index: Int) -> String { "org-\(index + 1)" }
    func contactID(_ index: Int) -> String { "c-\(index + 1)" }
    func projectID(_ index: Int) -> String { "p-\(index + 1)" }

    private func organisationsFile(_ random: inout SplitMix) -> [UInt8] {
        var out = JSONBytes()
        out.open("[")
        for index in 0..<organisationCount {
            let district = Self.districts[index % Self.districts.count]
            let kind = Self.kinds[(index / Self.districts.count) % Self.kinds.count]
            out.record(index == 0) { record in
                record.field("id", organisationID(index))
                record.field("name", "\(district.name) \(kind.label) \(index + 1)")
                record.field("kind", kind.rawValue)
                record.field("district", district.rawValue, last: true)
            }
        }
        out.close("]")
        return out.bytes
    }

    private func contactsFile(_ random: inout SplitMix) -> [UInt8] {
        var out = JSONBytes()
        out.open("[")
        for index in 0..<(organisationCount * 2) {
            out.record(index == 0) { record in
                record.field("id", contactID(index))
                record.field("name", "\(random.pick(Self.firstNames)) \(random.pick(Self.lastNames))")
                record.field("role", random.pick(Self.roles))
                record.field("organisation", organisationID(index / 2))
                record.field("email", "contact\(index + 1)@example.org")
                record.field("phone", "01632 960\(String(format: "%03d", index % 1000))", last: true)
            }
        }
        out.close("]")
        return out.bytes
    }

    private func projectsFile(
        _ random: inout SplitMix, statuses: inout [ProjectStatus], allocations: inout [[(project: Int, amount: Int64)]]
    ) -> [UInt8] {
        var out = JSONBytes(capacity: projects * 420)
        statuses.reserveCapacity(projects)
        // Weighted towards live work, as a real portfolio is.
        let statusWeights: [(ProjectStatus, Int)] = [
            (.proposed, 6), (.approved, 6), (.active, 40), (.atRisk, 10), (.paused, 6), (.completed, 24), (.closed, 8),
        ]
        out.open("[")
        for index in 0..<projects {
            var roll = random.below(100)
            var status = ProjectStatus.active
            for (candidate, weight) in statusWeights {
                if roll < weight {
                    status = candidate
                    break
                }
                roll -= weight
            }
            statuses.append(status)
            let theme = Theme.knownIDs[random.below(4)]
            let lead = random.below(organisationCount)
            let place = random.pick(Self.places)
            let year = 2018 + random.below(7)
            out.record(index == 0) { record in
                record.field("id", projectID(index))
                record.field("title", "\(random.pick(Self.adjectives)) \(random.pick(Self.subjects)) (\(place)) \(index + 1)")
                record.field("theme", theme)
                if random.chance(30) {
                    let other = Theme.knownIDs[(Theme.knownIDs.firstIndex(of: theme)! + 1 + random.below(3)) % 4]
                    record.list("secondary_themes", [other])
                }
                record.field("status", status.rawValue)
                record.field("lead", organisationID(lead))
                let partnerCount = random.below(4)
                if partnerCount > 0 {
                    var partners: [String] = []
                    for step in 1...partnerCount { partners.append(organisationID((lead + step * 7) % organisationCount)) }
                    record.list("partners", partners)
                }
                let districtRoll = random.below(10)
                let first = Self.districts[random.below(5)]
                if districtRoll < 7 {
                    record.list("districts", [first.rawValue])
                } else if districtRoll < 9 {
                    let second = Self.districts[(Self.districts.firstIndex(of: first)! + 1) % 5]
                    record.list("districts", [first.rawValue, second.rawValue])
                } else {
                    record.list("districts", [District.westYorkshire.rawValue])
                }
                let month = 1 + random.below(12)
                record.field("start", String(format: "%04d-%02d-01", year, month))
                if status == .completed || status == .closed || random.chance(30) {
                    record.field("end", String(format: "%04d-%02d-28", year + 1 + random.below(2), month))
                }
                record.field("summary", "\(random.pick(Self.openings)) in \(place) \(random.pick(Self.closings))")
                if random.chance(70) {
                    record.list("contacts", [contactID(lead * 2 + random.below(2))])
                }
                record.list("tags", [random.pick(Self.tags)], last: true)
            }
            if random.chance(40) {
                let stream = random.below(streamCount)
                allocations[stream].append((index, Int64(5_000 + random.below(300)) * 100_000 / 100))
            }
        }
        out.close("]")
        return out.bytes
    }

    private func fundingFile(_ random: inout SplitMix, _ allocations: [[(project: Int, amount: Int64)]]) -> [UInt8] {
        var out = JSONBytes()
        out.open("[")
        for (index, entries) in allocations.enumerated() {
            let first = 2018 + index % 6
            let years = ["\(first)/\(String(format: "%02d", (first + 1) % 100))"]
            let allocated = entries.reduce(Int64(0)) { $0 + $1.amount }
            out.record(index == 0) { record in
                record.field("id", "stream-\(index + 1)")
                record.field("name", "Synthetic fund \(index + 1) \(years[0])")
                record.field("funder", organisationID(index % organisationCount))
                record.list("years", years)
                record.integer("total_pence", allocated + allocated / 4 + 100_000_00)
                record.objects(
                    "allocations",
                    entries.map { entry in
                        [
                            ("project", .string(projectID(entry.project))), ("amount_pence", .integer(entry.amount)),
                            ("year", .string(years[0])),
                        ]
                    }, last: true)
            }
        }
        out.close("]")
        return out.bytes
    }

    private func journalFile(_ random: inout SplitMix, statuses: [ProjectStatus]) -> [UInt8] {
        var current = statuses
        var out = [UInt8]()
        out.reserveCapacity(events * 190)
        var millis: Int64 = 1_704_067_200_000  // 2024-01-01T00:00:00Z
        for _ in 0..<events {
            millis += Int64(1 + random.below(60_000))
            let row = random.below(projects)
            let id = Self.uuid(&random)
            let time = JournalTime.format(Date(timeIntervalSince1970: Double(millis) / 1000))
            let author = random.pick(Self.authors)
            let options = current[row].allowedNext
            let event: JournalEvent
            if options.isEmpty || random.chance(30) {
                event = JournalEvent(
                    id: id, time: time, author: author, project: projectID(row), kind: .note, note: "Checked in with the lead organisation")
            } else {
                let next = random.pick(options)
                event = JournalEvent(
                    id: id, time: time, author: author, project: projectID(row), kind: .status, from: current[row], to: next)
                current[row] = next
            }
            out.append(contentsOf: event.jsonLine.utf8)
            out.append(0x0A)
        }
        return out
    }

    static func uuid(_ random: inout SplitMix) -> String {
        let high = random.next()
        let low = random.next()
        let hex = String(high, radix: 16).leftPadded(16) + String(low, radix: 16).leftPadded(16)
        let chars = Array(hex)
        return String(chars[0..<8]) + "-" + String(chars[8..<12]) + "-" + String(chars[12..<16]) + "-" + String(chars[16..<20]) + "-"
            + String(chars[20..<32])
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

/// Writes JSON in Caseboard's layout straight into bytes: fast enough for a million records.
struct JSONBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    mutating func open(_ bracket: String) { bytes.append(contentsOf: (bracket + "\n").utf8) }

    mutating func close(_ bracket: String) { bytes.append(contentsOf: ("\n" + bracket + "\n").utf8) }

    mutating func record(_ first: Bool, _ body: (inout Record) -> Void) {
        if !first { bytes.append(contentsOf: ",\n".utf8) }
        bytes.append(contentsOf: "  {\n".utf8)
        var record = Record()
        body(&record)
        bytes.append(contentsOf: record.bytes)
        bytes.append(contentsOf: "  }".utf8)
    }

    /// Closes the last record (the caller's `close` adds the bracket).
    struct Record {
        var bytes: [UInt8] = []

        private mutating func key(_ name: String) {
            bytes.append(contentsOf: "    \"".utf8)
            bytes.append(contentsOf: name.utf8)
            bytes.append(contentsOf: "\": ".utf8)
        }

        private mutating func end(_ last: Bool) { bytes.append(contentsOf: (last ? "\n" : ",\n").utf8) }

        mutating func field(_ name: String, _ value: String, last: Bool = false) {
            key(name)
            var text = ""
            JSONWriter.appendString(value, into: &text)
            bytes.append(contentsOf: text.utf8)
            end(last)
        }

        mutating func integer(_ name: String, _ value: Int64, last: Bool = false) {
            key(name)
            bytes.append(contentsOf: String(value).utf8)
            end(last)
        }

        mutating func list(_ name: String, _ values: [String], last: Bool = false) {
            key(name)
            bytes.append(
                contentsOf: JSONWriter.compact(.array(values.map { .string($0) })).replacingOccurrences(of: "\",\"", with: "\", \"").utf8)
            end(last)
        }

        mutating func objects(_ name: String, _ values: [[(String, JSONOutput)]], last: Bool = false) {
            key(name)
            if values.isEmpty {
                bytes.append(contentsOf: "[]".utf8)
            } else {
                bytes.append(contentsOf: "[\n".utf8)
                for (index, members) in values.enumerated() {
                    bytes.append(contentsOf: "      ".utf8)
                    bytes.append(contentsOf: JSONWriter.compact(.object(members)).utf8)
                    bytes.append(contentsOf: (index == values.count - 1 ? "\n" : ",\n").utf8)
                }
                bytes.append(contentsOf: "    ]".utf8)
            }
            end(last)
        }
    }
}
