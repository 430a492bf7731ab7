/// Every change ever made, oldest first: the archive (already folded into the collection files) then the
/// journal. Stored by column, so a million events cost a few arrays rather than millions of strings:
/// ids as 128-bit UUIDs, times as milliseconds, authors and projects as small integers, notes in one arena.
/// `self[i]` builds a `JournalEvent` when one is wanted.
public struct History: Sendable {
    // One entry per event.
    private var idHigh: [UInt64] = []
    private var idLow: [UInt64] = []
    private var millis: [Int64] = []
    private var authors: [Int32] = []
    private var projects: [Int32] = []
    private var kinds: [UInt8] = []
    /// Status ranks; 255 for none.
    private var froms: [UInt8] = []
    private var tos: [UInt8] = []
    /// Index into `texts` of the note, or -1.
    private var notes: [Int32] = []
    /// The previous event of the same project, or -1: each project's timeline is a chain, newest first.
    private var previousOfProject: [Int32] = []
    /// Rarely used fields, by event index: ids that are not UUIDs, times not in the canonical form, undo targets.
    private var oddIDs: [Int32: String] = [:]
    private var oddTimes: [Int32: String] = [:]
    private var undoTargets: [Int32: String] = [:]
    /// Record changes, import sources and risk notes: only edit events, undos of them and moves to at-risk or
    /// paused have them.
    private var payloads: [Int32: Payload] = [:]
    /// Edit events that change projects other than the one they are filed under (an import), by project id.
    private var alsoAbout: [String: [Int32]] = [:]

    struct Payload: Sendable {
        var changes: [RecordChange]
        var source: String?
        var risk: RiskNote?
    }

    /// Note texts, UTF-8, one after another.
    private var texts: [UInt8] = []
    private var textStarts: [Int] = [0]

    /// Interned names.
    public private(set) var authorNames: [String] = []
    private var authorKeys: [String: Int32] = [:]
    /// Every project id any event names, in first-seen order; events refer to them by position.
    public private(set) var projectIDs: [String] = []
    private var projectKeys: [String: Int32] = [:]
    /// Per project key: its latest event, or -1.
    private var lastOfProject: [Int32] = []

    /// Event ids seen, for skipping an event met twice (archive and journal after an interrupted compaction).
    private var seen = IDSet()
    private var oddSeen: [String: Int32] = [:]
    /// Indices of events that a later undo took back.
    private var undone: Set<Int32> = []

    /// Bumped on every append, so states holding a history compare cheaply.
    public private(set) var version = 0

    public init() {}

    public var count: Int { kinds.count }

    // MARK: - Reading

    public subscript(index: Int) -> JournalEvent {
        let i = Int32(index)
        var event = JournalEvent(
            id: oddIDs[i] ?? EventID.text(high: idHigh[index], low: idLow[index]), time: oddTimes[i] ?? EventTime.text(millis[index]),
            author: authorNames[Int(authors[index])], project: projectIDs[Int(projects[index])],
            kind: JournalEvent.Kind.allCases[Int(kinds[index])], from: Self.status(froms[index]), to: Self.status(tos[index]),
            note: notes[index] < 0 ? nil : text(Int(notes[index])), undoes: undoTargets[i])
        if let payload = payloads[i] {
            event.changes = payload.changes
            event.source = payload.source
            event.risk = payload.risk
        }
        return event
    }

    /// Every event, built (for scripts and tests; the browser reads events one at a time).
    public var events: [JournalEvent] { (0..<count).map { self[$0] } }

    public func projectKey(at index: Int) -> Int { Int(projects[index]) }
    public func kind(at index: Int) -> JournalEvent.Kind { JournalEvent.Kind.allCases[Int(kinds[index])] }
    public func projectID(at index: Int) -> String { projectIDs[Int(projects[index])] }
    public func author(at index: Int) -> String { authorNames[Int(authors[index])] }
    /// When an event happened, in milliseconds since 1970 (UTC), without building the event.
    public func millis(at index: Int) -> Int64 { millis[index] }
    public func statusAfter(at index: Int) -> ProjectStatus? {
        kinds[index] == 1 ? nil : Self.status(tos[index])  // notes set nothing; edits have no status
    }

    /// The record changes an edit (or the undo of one) makes; empty for the rest.
    public func changes(at index: Int) -> [RecordChange] { payloads[Int32(index)]?.changes ?? [] }
    public func risk(at index: Int) -> RiskNote? { payloads[Int32(index)]?.risk }

    /// Events that changed this record, oldest first: only edits carry changes, so only they are looked at.
    public func indices(touching kind: RecordKind, _ id: String) -> [Int] {
        payloads.compactMap { index, payload in
            payload.changes.contains { $0.kind == kind && $0.id == id } ? Int(index) : nil
        }.sorted()
    }
    public func hasChanges(at index: Int) -> Bool { !(payloads[Int32(index)]?.changes.isEmpty ?? true) }
    /// The status a status change or undo says it moved from.
    public func statusBefore(at index: Int) -> ProjectStatus? { Self.status(froms[index]) }
    public func isUndone(at index: Int) -> Bool { undone.contains(Int32(index)) }

    public func event(id: String) -> JournalEvent? { index(ofID: id).map { self[$0] } }

    public func index(ofID id: String) -> Int? {
        if let (high, low) = EventID.parse(id.utf8) { return seen.find(high, low, idHigh, idLow).map(Int.init) }
        return oddSeen[id].map(Int.init)
    }

    /// One project's changes, newest first.
    public func timeline(of project: String) -> [JournalEvent] { timelineIndices(of: project).map { self[$0] } }

    public func timelineIndices(of project: String) -> [Int] {
        var out: [Int] = []
        if let key = projectKeys[project] {
            var index = lastOfProject[Int(key)]
            while index >= 0 {
                out.append(Int(index))
                index = previousOfProject[Int(index)]
            }
        }
        if let more = alsoAbout[project] { out = (out + more.map(Int.init)).sorted(by: >) }
        return out
    }

    /// The latest event that set the project's status (a status change or an undo of one).
    public func lastStatusChange(of project: String) -> JournalEvent? {
        guard let key = projectKeys[project] else { return nil }
        var index = lastOfProject[Int(key)]
        while index >= 0 {
            if statusAfter(at: Int(index)) != nil { return self[Int(index)] }
            index = previousOfProject[Int(index)]
        }
        return nil
    }

    public func isUndone(_ event: JournalEvent) -> Bool { index(ofID: event.id).map { undone.contains(Int32($0)) } ?? false }

    private func text(_ index: Int) -> String {
        texts.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[textStarts[index]..<textStarts[index + 1]]), as: UTF8.self)
        }
    }

    private static func status(_ rank: UInt8) -> ProjectStatus? { rank == 255 ? nil : ProjectStatus.allCases[Int(rank)] }

    // MARK: - Appending

    /// Where an append left an event: a new index, or the index of the event with the same id already here.
    struct Appended {
        var index: Int
        var isNew: Bool
    }

    /// Appends an event unless one with its id is already here.
    @discardableResult
    mutating func append(_ event: JournalEvent) -> Appended {
        let idBytes = Array(event.id.utf8)
        let timeBytes = Array(event.time.utf8)
        let noteBytes = event.note.map { Array($0.utf8) }
        let appended = idBytes.withUnsafeBufferPointer { id in
            timeBytes.withUnsafeBufferPointer { time in
                append(
                    id: id, time: time, author: event.author, project: event.project, kind: event.kind, from: event.from, to: event.to,
                    note: noteBytes, undoes: event.undoes)
            }
        }
        if appended.isNew && (!event.changes.isEmpty || event.source != nil || event.risk != nil) {
            let index = Int32(appended.index)
            payloads[index] = Payload(changes: event.changes, source: event.source, risk: event.risk)
            var named: Set<String> = [event.project]
            for change in event.changes {
                let project: String?
                switch change.kind {
                case .project: project = change.id
                case .allocation: project = Record.allocationKey(change.id)?.project
                default: project = nil
                }
                if let project, named.insert(project).inserted { alsoAbout[project, default: []].append(index) }
            }
        }
        return appended
    }

    /// The one place events are stored: from a decoded event or straight from a journal line's bytes.
    mutating func append(
        id: UnsafeBufferPointer<UInt8>, time: UnsafeBufferPointer<UInt8>, author: String, project: String, kind: JournalEvent.Kind,
        from: ProjectStatus?, to: ProjectStatus?, note: [UInt8]?, undoes: String?
    ) -> Appended {
        let index = Int32(count)
        if let (high, low) = EventID.parse(id) {
            if let known = seen.find(high, low, idHigh, idLow) { return Appended(index: Int(known), isNew: false) }
            _ = seen.insert(high, low, index: index, idHigh, idLow)
            idHigh.append(high)
            idLow.append(low)
        } else {
            let text = String(decoding: id, as: UTF8.self)
            if let known = oddSeen[text] { return Appended(index: Int(known), isNew: false) }
            oddSeen[text] = index
            oddIDs[index] = text
            idHigh.append(0)
            idLow.append(0)
        }
        if let value = EventTime.parse(time) {
            millis.append(value)
        } else {
            millis.append(0)
            oddTimes[index] = String(decoding: time, as: UTF8.self)
        }
        authors.append(Self.intern(author, &authorNames, &authorKeys))
        let projectKey = Self.intern(project, &projectIDs, &projectKeys)
        if Int(projectKey) == lastOfProject.count { lastOfProject.append(-1) }
        projects.append(projectKey)
        previousOfProject.append(lastOfProject[Int(projectKey)])
        lastOfProject[Int(projectKey)] = index
        kinds.append(UInt8(JournalEvent.Kind.allCases.firstIndex(of: kind)!))
        froms.append(from.map { UInt8($0.rank) } ?? 255)
        tos.append(to.map { UInt8($0.rank) } ?? 255)
        if let note {
            notes.append(Int32(textStarts.count - 1))
            texts.append(contentsOf: note)
            textStarts.append(texts.count)
        } else {
            notes.append(-1)
        }
        if let undoes {
            undoTargets[index] = undoes
            if let target = self.index(ofID: undoes) { undone.insert(Int32(target)) }
        }
        version += 1
        return Appended(index: Int(index), isNew: true)
    }

    /// Static: an instance method here would hold a copy of `self`, and every insert would copy the tables.
    private static func intern(_ name: String, _ names: inout [String], _ keys: inout [String: Int32]) -> Int32 {
        if let key = keys[name] { return key }
        let key = Int32(names.count)
        names.append(name)
        keys[name] = key
        return key
    }
}

/// Event ids are UUIDs written in lower case (8-4-4-4-12 hex digits): stored as two 64-bit halves.
enum EventID {
    static func parse<C: Collection>(_ bytes: C) -> (UInt64, UInt64)? where C.Element == UInt8 {
        guard bytes.count == 36 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var offset = 0
        for byte in bytes {
            defer { offset += 1 }
            if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let value = hexValue[Int(byte)]
            guard value < 16 else { return nil }
            if offset < 18 { high = high << 4 | UInt64(value) } else { low = low << 4 | UInt64(value) }
        }
        return (high, low)
    }

    /// Lower-case hex digit values; 255 for anything else.
    private static let hexValue: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0x30...0x39: return UInt8(byte - 0x30)
        case 0x61...0x66: return UInt8(byte - 0x61 + 10)
        default: return 255
        }
    }

    static func text(high: UInt64, low: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(36)
        for (index, half) in [high, low].enumerated() {
            for nibble in 0..<16 {
                let position = index * 16 + nibble
                if position == 8 || position == 12 || position == 16 || position == 20 { out.append(UInt8(ascii: "-")) }
                out.append(digits[Int((half >> UInt64(60 - nibble * 4)) & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Journal times in their canonical form, `2026-11-25T18:30:41.123Z`, as milliseconds since 1970.
enum EventTime {
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard bytes.count == 24, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A, bytes[16] == 0x3A,
            bytes[19] == 0x2E, bytes[23] == 0x5A
        else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int64(byte - 0x30)
            }
            return value
        }
        guard let date = CalendarDate.parse(UnsafeBufferPointer(rebasing: bytes[0..<10])), let hour = number(11..<13),
            let minute = number(14..<16), let second = number(17..<19), let milli = number(20..<23), hour < 24, minute < 60, second < 60
        else { return nil }
        let days = Int64(date.dayNumber)
        return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + milli
    }

    static func text(_ millis: Int64) -> String {
        var days = millis / 86_400_000
        var rest = millis % 86_400_000
        if rest < 0 {
            rest += 86_400_000
            days -= 1
        }
        // Years outside 1–9999 cannot come from a parsed time; show them as the epoch rather than trap.
        let date = CalendarDate(dayNumber: Int(days)) ?? CalendarDate(year: 1970, month: 1, day: 1)!
        let (year, month, day) = (Int64(date.year), Int64(date.month), Int64(date.day))
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(rest / 3_600_000, 2)):\(pad(rest / 60_000 % 60, 2)):"
            + "\(pad(rest / 1000 % 60, 2)).\(pad(rest % 1000, 3))Z"
    }
}

/// A hash set of 128-bit ids, holding event indices and comparing against the history's id columns.
struct IDSet: Sendable {
    private var slots: [Int32] = Array(repeating: -1, count: 1024)
    private var stored = 0

    private static func hash(_ high: UInt64, _ low: UInt64) -> Int {
        // UUIDs are random already; fold the halves and mix a little for ids that are not.
        var value = high ^ (low &* 0x9E37_79B9_7F4A_7C15)
        value ^= value >> 31
        return Int(truncatingIfNeeded: value)
    }

    func find(_ high: UInt64, _ low: UInt64, _ highs: [UInt64], _ lows: [UInt64]) -> Int32? {
        let mask = slots.count - 1
        var slot = Self.hash(high, low) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { return nil }
            if highs[Int(entry)] == high && lows[Int(entry)] == low { return entry }
            slot = (slot + 1) & mask
        }
    }

    /// False when the id is already present.
    mutating func insert(_ high: UInt64, _ low: UInt64, index: Int32, _ highs: [UInt64], _ lows: [UInt64]) -> Bool {
        if find(high, low, highs, lows) != nil { return false }
        if (stored + 1) * 2 > slots.count { grow(highs, lows) }
        let mask = slots.count - 1
        var slot = Self.hash(high, low) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = index
        stored += 1
        return true
    }

    private mutating func grow(_ highs: [UInt64], _ lows: [UInt64]) {
        let old = slots
        slots = Array(repeating: -1, count: old.count * 2)
        let mask = slots.count - 1
        for entry in old where entry >= 0 {
            var slot = Self.hash(highs[Int(entry)], lows[Int(entry)]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
