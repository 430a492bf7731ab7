import Foundation

/// The loader's fast path for `funding.json`, whose allocations grow with the projects: streams and their
/// allocations straight from the bytes. Like `FastProjectReader`, it gives up (nil) at anything the full loader
/// would report, and the full loader then says what is wrong.
struct FastFundingReader {
    let organisationIndex: ByteIndex
    let projectIndex: [String: Int]
    /// Ids every other collection uses.
    let claimedIDs: Set<String>

    func read(_ buffer: UnsafeBufferPointer<UInt8>) -> [FundingStream]? {
        var reader = Reader(bytes: buffer)
        if buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { return nil }
        var streams: [FundingStream] = []
        var ids = Set<String>()
        reader.skipSpace()
        guard reader.take(UInt8(ascii: "[")) else { return nil }
        reader.skipSpace()
        if !reader.take(UInt8(ascii: "]")) {
            while true {
                reader.skipSpace()
                guard let stream = readStream(&reader), !claimedIDs.contains(stream.id), projectIndex[stream.id] == nil,
                    ids.insert(stream.id).inserted
                else { return nil }
                streams.append(stream)
                reader.skipSpace()
                if reader.take(UInt8(ascii: ",")) { continue }
                guard reader.take(UInt8(ascii: "]")) else { return nil }
                break
            }
        }
        reader.skipSpace()
        return reader.index == buffer.count ? streams : nil
    }

    private func readStream(_ reader: inout Reader) -> FundingStream? {
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        var id: String?
        var name: String?
        var funder: String?
        var years: [String]?
        var total: Pence?
        var notes: String?
        var allocations: [Allocation]?
        var provenance: Provenance?
        repeat {
            guard let key = reader.memberKey() else { return nil }
            switch String(decoding: key, as: UTF8.self) {
            case "id":
                guard id == nil, let bytes = Self.plain(&reader), FastProjectReader.isID(bytes) else { return nil }
                id = String(decoding: bytes, as: UTF8.self)
            case "name":
                guard name == nil, let text = Self.text(&reader), !RecordFields.isBlank(text) else { return nil }
                name = text
            case "funder":
                guard funder == nil, let bytes = Self.plain(&reader), organisationIndex.value(bytes) != nil else { return nil }
                funder = String(decoding: bytes, as: UTF8.self)
            case "years":
                guard years == nil, let list = Self.years(&reader), !list.isEmpty else { return nil }
                years = list
            case "total_pence":
                guard total == nil, let amount = Self.amount(&reader) else { return nil }
                total = amount
            case "notes":
                guard notes == nil, let text = Self.text(&reader) else { return nil }
                notes = text
            case "allocations":
                guard allocations == nil, let list = readAllocations(&reader) else { return nil }
                allocations = list
            case "provenance":
                guard provenance == nil, let value = Self.provenance(&reader) else { return nil }
                provenance = value
            default:
                return nil
            }
            reader.skipSpace()
        } while reader.take(UInt8(ascii: ","))
        guard reader.take(UInt8(ascii: "}")), let id, let name, let funder, let years, let total else { return nil }
        var sum: Pence = 0
        for allocation in allocations ?? [] {
            guard years.contains(allocation.year) else { return nil }
            let (next, overflow) = sum.addingReportingOverflow(allocation.amount)
            guard !overflow else { return nil }
            sum = next
        }
        guard sum <= total else { return nil }
        return FundingStream(
            id: id, name: name, funder: funder, years: years, total: total, allocations: allocations ?? [], notes: notes ?? "",
            provenance: provenance)
    }

    private func readAllocations(_ reader: inout Reader) -> [Allocation]? {
        Self.list(&reader) { reader -> Allocation? in
            guard reader.take(UInt8(ascii: "{")) else { return nil }
            var project: String?
            var amount: Pence?
            var year: String?
            var provenance: Provenance?
            repeat {
                guard let key = reader.memberKey() else { return nil }
                switch key.count {
                case 7 where key[0] == UInt8(ascii: "p") && project == nil:  // "project"
                    guard memcmp(key.baseAddress!, "project", 7) == 0, let bytes = Self.plain(&reader) else { return nil }
                    let text = String(decoding: bytes, as: UTF8.self)
                    guard projectIndex[text] != nil else { return nil }
                    project = text
                case 12 where amount == nil:  // "amount_pence"
                    guard memcmp(key.baseAddress!, "amount_pence", 12) == 0, let value = Self.amount(&reader) else { return nil }
                    amount = value
                case 4 where year == nil:  // "year"
                    guard memcmp(key.baseAddress!, "year", 4) == 0, let bytes = Self.plain(&reader) else { return nil }
                    year = String(decoding: bytes, as: UTF8.self)
                case 10 where provenance == nil:  // "provenance"
                    guard memcmp(key.baseAddress!, "provenance", 10) == 0, let value = Self.provenance(&reader) else { return nil }
                    provenance = value
                default:
                    return nil
                }
                reader.skipSpace()
            } while reader.take(UInt8(ascii: ","))
            guard reader.take(UInt8(ascii: "}")), let project, let amount, let year else { return nil }
            return Allocation(project: project, amount: amount, year: year, provenance: provenance)
        }
    }

    /// `[ a, b, … ]`, each element read by `element`; nil when the array or any element is not as expected.
    static func list<T>(_ reader: inout Reader, _ element: (inout Reader) -> T?) -> [T]? {
        guard reader.take(UInt8(ascii: "[")) else { return nil }
        var out: [T] = []
        reader.skipSpace()
        if reader.take(UInt8(ascii: "]")) { return out }
        repeat {
            reader.skipSpace()
            guard let value = element(&reader) else { return nil }
            out.append(value)
            reader.skipSpace()
        } while reader.take(UInt8(ascii: ","))
        return reader.take(UInt8(ascii: "]")) ? out : nil
    }

    static func provenance(_ reader: inout Reader) -> Provenance? {
        plain(&reader).flatMap { Provenance(rawValue: String(decoding: $0, as: UTF8.self)) }
    }

    static func plain(_ reader: inout Reader) -> UnsafeBufferPointer<UInt8>? { reader.plainString() }

    /// Any string, through the full parser's own string reader.
    static func text(_ reader: inout Reader) -> String? {
        guard reader.peek == UInt8(ascii: "\"") else { return nil }
        return try? reader.string()
    }

    /// A non-negative whole number of pence that fits in 64 bits.
    static func amount(_ reader: inout Reader) -> Pence? {
        var value: Int64 = 0
        let start = reader.index
        while let byte = reader.peek, byte >= 0x30 && byte <= 0x39 {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int64(byte - 0x30))
            guard !o1 && !o2 else { return nil }
            value = sum
            reader.index += 1
        }
        let digits = reader.index - start
        // No fraction, exponent or leading zero: exactly what the full loader accepts as pence.
        guard digits > 0, !(digits > 1 && reader.bytes[start] == 0x30) else { return nil }
        if let next = reader.peek, next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") { return nil }
        return value
    }

    static func years(_ reader: inout Reader) -> [String]? {
        list(&reader) { reader -> String? in
            guard let bytes = plain(&reader) else { return nil }
            let year = String(decoding: bytes, as: UTF8.self)
            return FinancialYear.isValid(year) ? year : nil
        }
    }
}
