import Dispatch
import Foundation

/// The loader's fast path for `projects.json`: one pass over the bytes straight into a `ProjectTable`,
/// with no tree of JSON values in between.
///
/// It accepts only what the full loader would accept without a single problem, and gives up (returns nil) at
/// the first thing it does not expect; the caller then runs the full loader, which reports every problem
/// with its line and column. So the messages live in one place and this path only has to be fast.
struct FastProjectReader: Sendable {
    let organisationIndex: ByteIndex
    let contactIndex: ByteIndex
    /// Ids the other collections already use: a project may not reuse one.
    let claimedIDs: Set<String>
    /// Called now and then with the share of the file read so far (0…1).
    var progress: (@Sendable (Double) -> Void)?

    private enum Field: Int, CaseIterable {
        case id, title, theme, secondaryThemes, status, lead, partners, districts, start, end, summary, contacts, tags
        case riskReason, riskOwner, reviewDate, provenance

        static let names: [[UInt8]] = [
            "id", "title", "theme", "secondary_themes", "status", "lead", "partners", "districts", "start", "end", "summary", "contacts",
            "tags", "risk_reason", "risk_owner", "review_date", "provenance",
        ].map { Array($0.utf8) }

        static let required: UInt32 = [Field.id, .title, .theme, .status, .lead, .districts].reduce(0) { $0 | 1 << $1.rawValue }
    }

    private static let themeNames = Theme.knownIDs.map { Array($0.utf8) }
    private static let statusNames = ProjectStatus.allCases.map { Array($0.rawValue.utf8) }
    private static let districtNames = District.allCases.map { Array($0.rawValue.utf8) }
    private static let provenanceNames = Provenance.allCases.map { Array($0.rawValue.utf8) }

    /// The table; nil at anything unexpected.
    func read(_ buffer: UnsafeBufferPointer<UInt8>, organisationIDs: [String], contactIDs: [String]) -> ProjectTable? {
        if buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { return nil }
        var reader = Reader(bytes: buffer)
        reader.skipSpace()
        guard reader.take(UInt8(ascii: "[")) else { return nil }
        reader.skipSpace()
        if reader.take(UInt8(ascii: "]")) {
            reader.skipSpace()
            return reader.index == buffer.count ? ProjectTable(organisationIDs: organisationIDs, contactIDs: contactIDs) : nil
        }
        let first = reader.index
        // Large files are read in two halves at once, one per core, split where a record starts.
        if buffer.count > 4_000_000, let middle = Self.recordStart(near: buffer.count / 2, in: buffer) {
            let shared = ReadOnlyBytes(buffer: buffer)
            let halves = Parallel.run(2) { half in
                half == 0
                    ? records(
                        shared.buffer, from: first, to: middle, organisationIDs: organisationIDs, contactIDs: contactIDs, reporting: true)
                    : records(
                        shared.buffer, from: middle, to: nil, organisationIDs: organisationIDs, contactIDs: contactIDs, reporting: false)
            }
            guard var table = halves[0], let second = halves[1] else { return nil }
            table.append(contentsOf: second)
            return table
        }
        return records(buffer, from: first, to: nil, organisationIDs: organisationIDs, contactIDs: contactIDs, reporting: true)
    }

    /// Where a record starts near `offset`, in Caseboard's own layout (a line that is just "  {"); nil when
    /// there is none, and the file is read in one piece.
    static func recordStart(near offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = offset
        while index + 4 < buffer.count {
            if buffer[index] == 0x0A && buffer[index + 1] == 0x20 && buffer[index + 2] == 0x20 && buffer[index + 3] == UInt8(ascii: "{") {
                return index + 3
            }
            index += 1
        }
        return nil
    }

    /// The records from `start` until the comma before `stop` (or the closing bracket and the end of the file
    /// when `stop` is nil). Nil when anything is unexpected, including a `stop` that was not a record start
    /// after all (it sat inside a string): the caller then takes the full loader's path.
    private func records(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to stop: Int?, organisationIDs: [String], contactIDs: [String],
        reporting: Bool
    ) -> ProjectTable? {
        var reader = Reader(bytes: buffer)
        reader.index = start
        let length = (stop ?? buffer.count) - start
        var table = ProjectTable(organisationIDs: organisationIDs, contactIDs: contactIDs)
        // About 400 bytes a project in Caseboard's layout; the arena keeps titles, summaries and tags.
        table.reserve(length / 380 + 16, textBytes: length / 3)
        var scratch = Scratch()
        var nextReport = 0
        while true {
            reader.skipSpace()
            guard readProject(&reader, into: &table, scratch: &scratch) else { return nil }
            reader.skipSpace()
            if reader.take(UInt8(ascii: ",")) {
                if reporting, let progress, reader.index >= nextReport {
                    progress(Double(reader.index - start) / Double(length))
                    nextReport = reader.index + length / 50
                }
                if let stop {
                    reader.skipSpace()
                    if reader.index == stop { return table }
                    if reader.index > stop { return nil }
                }
                continue
            }
            guard stop == nil, reader.take(UInt8(ascii: "]")) else { return nil }
            reader.skipSpace()
            return reader.index == buffer.count ? table : nil
        }
    }

    /// The lists of one record, reused from record to record so reading allocates nothing per project.
    private struct Scratch {
        var secondary: [UInt8] = []
        var partners: [Int32] = []
        var districts: [UInt8] = []
        var contacts: [Int32] = []
        var tags: [TextSpan] = []

        mutating func reset() {
            secondary.removeAll(keepingCapacity: true)
            partners.removeAll(keepingCapacity: true)
            districts.removeAll(keepingCapacity: true)
            contacts.removeAll(keepingCapacity: true)
            tags.removeAll(keepingCapacity: true)
        }
    }

    /// One record, checked as the full loader checks it; false at anything unexpected.
    private func readProject(_ reader: inout Reader, into table: inout ProjectTable, scratch: inout Scratch) -> Bool {
        guard reader.take(UInt8(ascii: "{")) else { return false }
        scratch.reset()
        var seen: UInt32 = 0
        var idBytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var title = TextSpan(start: 0, count: 0)
        var summary = TextSpan(start: UInt32(table.text.count), count: 0)
        var theme: UInt8 = 0
        var status = ProjectStatus.proposed
        var lead: Int32 = 0
        var start: Int32 = 0
        var end: Int32 = 0
        // Few projects have these, so they live beside the table's columns.
        var extras = ProjectExtras()
        reader.skipSpace()
        if reader.peek == UInt8(ascii: "}") { return false }  // no id: let the full loader say so
        while true {
            guard let key = reader.memberKey(), let field = Self.field(key) else { return false }
            let bit = UInt32(1) << field.rawValue
            guard seen & bit == 0 else { return false }
            seen |= bit
            switch field {
            case .id:
                guard let bytes = plainString(&reader), Self.isID(bytes) else { return false }
                idBytes = bytes
            case .title:
                guard let span = text(&reader, into: &table), Self.hasVisibleText(table.text, span) else { return false }
                title = span
            case .summary:
                guard let span = text(&reader, into: &table) else { return false }
                summary = span
            case .theme:
                guard let bytes = plainString(&reader), let found = Self.lookup(Self.themeNames, bytes) else { return false }
                theme = UInt8(found)
            case .status:
                guard let bytes = plainString(&reader), let found = Self.lookup(Self.statusNames, bytes) else { return false }
                status = ProjectStatus.allCases[found]
            case .lead:
                guard let bytes = plainString(&reader), let row = organisationIndex.value(bytes) else { return false }
                lead = Int32(row)
            case .start, .end:
                guard let bytes = plainString(&reader), let date = Self.date(bytes) else { return false }
                if field == .start { start = date } else { end = date }
            case .riskReason:
                guard let reason = FastFundingReader.text(&reader), !RecordFields.isBlank(reason) else { return false }
                extras.riskReason = reason
            case .riskOwner:
                guard let bytes = plainString(&reader), contactIndex.value(bytes) != nil else { return false }
                extras.riskOwner = String(decoding: bytes, as: UTF8.self)
            case .reviewDate:
                guard let bytes = plainString(&reader), Self.date(bytes) != nil else { return false }
                extras.reviewDate = String(decoding: bytes, as: UTF8.self)
            case .provenance:
                guard let bytes = plainString(&reader), let found = Self.lookup(Self.provenanceNames, bytes) else { return false }
                extras.provenance = Provenance.allCases[found]
            case .secondaryThemes, .partners, .contacts, .districts:
                guard list(&reader, field, &scratch) else { return false }
            case .tags:
                guard reader.take(UInt8(ascii: "[")) else { return false }
                reader.skipSpace()
                if !reader.take(UInt8(ascii: "]")) {
                    while true {
                        reader.skipSpace()
                        guard let span = text(&reader, into: &table) else { return false }
                        scratch.tags.append(span)
                        reader.skipSpace()
                        if reader.take(UInt8(ascii: ",")) { continue }
                        guard reader.take(UInt8(ascii: "]")) else { return false }
                        break
                    }
                }
            }
            reader.skipSpace()
            if reader.take(UInt8(ascii: ",")) { continue }
            guard reader.take(UInt8(ascii: "}")) else { return false }
            break
        }
        guard seen & Field.required == Field.required, !scratch.districts.isEmpty, !scratch.secondary.contains(theme),
            end == 0 || start == 0 || end >= start
        else { return false }
        let id = String(decoding: idBytes, as: UTF8.self)
        // A project id used twice shows when the caller indexes them all (the index is one entry short).
        guard !claimedIDs.contains(id) else { return false }
        table.appendRow(
            id: id, title: title, summary: summary, theme: theme, secondary: scratch.secondary, status: status, lead: lead,
            partners: scratch.partners, districts: scratch.districts, start: start, end: end, contacts: scratch.contacts, tags: scratch.tags
        )
        if !extras.isEmpty { table.setExtras(extras, row: table.count - 1) }
        return true
    }

    /// Keys are told apart by length and one or two letters, then confirmed byte by byte: no call per key.
    private static func field(_ key: UnsafeBufferPointer<UInt8>) -> Field? {
        guard key.count >= 2 else { return nil }
        let candidate: Field
        switch (key.count, key[0], key[2 % key.count]) {
        case (2, UInt8(ascii: "i"), _): candidate = .id
        case (5, UInt8(ascii: "t"), UInt8(ascii: "t")): candidate = .title
        case (5, UInt8(ascii: "t"), UInt8(ascii: "e")): candidate = .theme
        case (16, _, _): candidate = .secondaryThemes
        case (6, UInt8(ascii: "s"), _): candidate = .status
        case (4, UInt8(ascii: "l"), _): candidate = .lead
        case (8, UInt8(ascii: "p"), _): candidate = .partners
        case (9, _, _): candidate = .districts
        case (5, UInt8(ascii: "s"), _): candidate = .start
        case (3, _, _): candidate = .end
        case (7, UInt8(ascii: "s"), _): candidate = .summary
        case (8, UInt8(ascii: "c"), _): candidate = .contacts
        case (4, UInt8(ascii: "t"), _): candidate = .tags
        case (11, UInt8(ascii: "r"), UInt8(ascii: "s")): candidate = .riskReason
        case (10, UInt8(ascii: "r"), _): candidate = .riskOwner
        case (11, UInt8(ascii: "r"), UInt8(ascii: "v")): candidate = .reviewDate
        case (10, UInt8(ascii: "p"), _): candidate = .provenance
        default: return nil
        }
        let name = Field.names[candidate.rawValue]
        for index in 0..<key.count where name[index] != key[index] { return nil }
        return candidate
    }

    /// The index of the name in `names` equal to `bytes`.
    private static func lookup(_ names: [[UInt8]], _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        outer: for (index, name) in names.enumerated() where name.count == bytes.count {
            for offset in 0..<name.count where name[offset] != bytes[offset] { continue outer }
            return index
        }
        return nil
    }

    private func plainString(_ reader: inout Reader) -> UnsafeBufferPointer<UInt8>? { reader.plainString() }

    /// Any JSON string, copied (unescaped, checked as UTF-8) into the table's arena.
    private func text(_ reader: inout Reader, into table: inout ProjectTable) -> TextSpan? {
        guard reader.peek == UInt8(ascii: "\"") else { return nil }
        let open = reader.index
        var index = open + 1
        var ascii = true
        // Eight bytes at a time while none is a quote, a backslash, a control or a non-ASCII byte.
        let end = reader.bytes.count
        if let base = reader.bytes.baseAddress {
            while index + 8 <= end {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if Self.isPlainWord(word) { index += 8 } else { break }
            }
        }
        while index < end {
            let byte = reader.bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: reader.bytes[(open + 1)..<index])
                if !ascii && String(validating: slice, as: UTF8.self) == nil { return nil }
                reader.index = index + 1
                return table.store(slice)
            }
            if byte == UInt8(ascii: "\\") {
                // Escapes are rare: decode with the full parser's own string reader.
                reader.index = open
                guard let decoded = try? reader.string() else { return nil }
                return table.store(Array(decoded.utf8))
            }
            if byte < 0x20 { return nil }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        return nil
    }

    /// True when none of the eight bytes is `"`, `\\`, below 0x20 or at or above 0x80 (SWAR tests).
    @inline(__always)
    static func isPlainWord(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let quote = hasZero(word ^ (ones &* 0x22))
        let backslash = hasZero(word ^ (ones &* 0x5C))
        let control = (word &- ones &* 0x20) & ~word & highs
        return (quote | backslash | control | (word & highs)) == 0
    }

    /// An array of plain strings resolved into the record's list for `field`; false when anything is off.
    private func list(_ reader: inout Reader, _ field: Field, _ scratch: inout Scratch) -> Bool {
        guard reader.take(UInt8(ascii: "[")) else { return false }
        reader.skipSpace()
        if reader.take(UInt8(ascii: "]")) { return true }
        while true {
            reader.skipSpace()
            guard let bytes = plainString(&reader) else { return false }
            switch field {
            case .secondaryThemes:
                guard let found = Self.lookup(Self.themeNames, bytes) else { return false }
                scratch.secondary.append(UInt8(found))
            case .partners:
                guard let row = organisationIndex.value(bytes) else { return false }
                scratch.partners.append(Int32(row))
            case .contacts:
                guard let row = contactIndex.value(bytes) else { return false }
                scratch.contacts.append(Int32(row))
            case .districts:
                guard let found = Self.lookup(Self.districtNames, bytes) else { return false }
                scratch.districts.append(UInt8(found))
            default:
                return false
            }
            reader.skipSpace()
            if reader.take(UInt8(ascii: ",")) { continue }
            return reader.take(UInt8(ascii: "]"))
        }
    }

    /// `^[a-z0-9][a-z0-9-]*$`.
    static func isID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { FieldRules.isID(bytes) }

    /// Titles must hold something other than spaces. Only a visible ASCII character settles it here; a
    /// title of nothing but non-ASCII goes to the full loader, which knows every Unicode space.
    static func hasVisibleText(_ text: [UInt8], _ span: TextSpan) -> Bool {
        for index in Int(span.start)..<Int(span.start + span.count) {
            let byte = text[index]
            if byte < 0x80 && byte != 0x20 && byte != 0x09 { return true }
        }
        return false
    }

    /// A valid YYYY-MM-DD as yyyymmdd.
    static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? { CalendarDate.parse(bytes)?.number }
}

extension Reader {
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// `"key":` inside an object, spaces around it skipped, leaving the reader at the value; nil when not that.
    mutating func memberKey() -> UnsafeBufferPointer<UInt8>? {
        skipSpace()
        guard let key = plainString() else { return nil }
        skipSpace()
        guard take(UInt8(ascii: ":")) else { return nil }
        skipSpace()
        return key
    }

    /// A string of printable ASCII with no escapes (ids, keys, enum values), as bytes of the source; nil for
    /// anything else, which the fast paths leave to the full parser.
    mutating func plainString() -> UnsafeBufferPointer<UInt8>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                defer { index += 1 }
                return UnsafeBufferPointer(rebasing: bytes[start..<index])
            }
            guard byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\\") else { return nil }
            index += 1
        }
        return nil
    }

    /// Consumes `byte` when it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }
}
