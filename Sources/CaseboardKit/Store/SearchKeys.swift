import Dispatch
import Foundation

/// Folded search text for every project (title, summary, id and tags), held in one contiguous buffer so a
/// search is a linear scan with no allocation per project. Each key starts with the folded title, so titles
/// sort from it too. Organisation and contact names are matched once each, not copied into every key.
public struct SearchKeys: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private var titleEnds: [Int] = []

    public init() {}

    public var count: Int { starts.count - 1 }

    /// Keys for every project: title, summary, id and tags, folded.
    init(_ table: ProjectTable) {
        bytes.reserveCapacity(table.text.count + table.count * 16)
        starts.reserveCapacity(table.count + 1)
        titleEnds.reserveCapacity(table.count)
        table.text.withUnsafeBufferPointer { text in
            for row in table.indices {
                appendFolded(text, table.titles[row])
                titleEnds.append(bytes.count)
                bytes.append(0x1F)
                appendFolded(text, table.summaries[row])
                bytes.append(0x1F)
                Self.appendLowered(table.ids[row].utf8, into: &bytes)
                for tag in table.tags[row] {
                    bytes.append(0x1F)
                    appendFolded(text, tag)
                }
                starts.append(bytes.count)
            }
        }
    }

    /// ASCII is lowered byte by byte; anything else goes through the full fold.
    private mutating func appendFolded(_ text: UnsafeBufferPointer<UInt8>, _ span: TextSpan) {
        let slice = UnsafeBufferPointer(rebasing: text[Int(span.start)..<Int(span.start + span.count)])
        if slice.allSatisfy({ $0 < 0x80 }) {
            Self.appendLowered(slice, into: &bytes)
        } else {
            bytes.append(contentsOf: Self.fold(String(decoding: slice, as: UTF8.self)).utf8)
        }
    }

    private static func appendLowered<C: Collection>(_ source: C, into bytes: inout [UInt8]) where C.Element == UInt8 {
        let start = bytes.count
        bytes.append(contentsOf: source)
        bytes.withUnsafeMutableBufferPointer { buffer in
            for index in start..<buffer.count where buffer[index] &- 0x41 < 26 { buffer[index] |= 0x20 }
        }
    }

    /// Case- and diacritics-insensitive form used on both sides of a search.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// Whether project `row`'s key contains `needle` (already folded, UTF-8).
    public func contains(_ needle: [UInt8], row: Int) -> Bool {
        needle.withUnsafeBufferPointer { pattern in
            bytes.withUnsafeBufferPointer { haystack in Self.find(pattern, in: haystack, from: starts[row], to: starts[row + 1]) }
        }
    }

    /// The rows among `rows` whose key contains `needle` (or for which `also` holds), in the same order.
    /// A long list of candidates is answered by one memmem scan of the whole buffer, jumping to the next key
    /// after each hit, then a pass over the candidates; a short one key by key.
    public func rows(_ rows: [Int], containing needle: [UInt8], also: ((Int) -> Bool)? = nil) -> [Int] {
        var out: [Int] = []
        if rows.count > count / 8 {
            let hits = rowsContaining(needle)
            out.reserveCapacity(rows.count)
            for row in rows where hits[row] || also?(row) == true { out.append(row) }
            return out
        }
        needle.withUnsafeBufferPointer { pattern in
            bytes.withUnsafeBufferPointer { haystack in
                starts.withUnsafeBufferPointer { starts in
                    for row in rows {
                        if Self.find(pattern, in: haystack, from: starts[row], to: starts[row + 1]) || also?(row) == true {
                            out.append(row)
                        }
                    }
                }
            }
        }
        return out
    }

    /// Every project whose key contains `needle`, as a flag per row; the two halves of the buffer are
    /// scanned at once, one per core.
    func rowsContaining(_ needle: [UInt8]) -> [Bool] {
        guard count > 0 else { return [] }
        let middle = count / 2
        let ranges = count > 20_000 ? [0..<middle, middle..<count] : [0..<count]
        return needle.withUnsafeBufferPointer { pattern in
            bytes.withUnsafeBufferPointer { haystack in
                starts.withUnsafeBufferPointer { starts in
                    let (pattern, haystack, starts) = (
                        ReadOnlyBytes(buffer: pattern), ReadOnlyBytes(buffer: haystack), ReadOnlyBytes(buffer: starts)
                    )
                    // Each half flags its own rows; the halves are joined after.
                    let halves = Parallel.run(ranges.count) { half in
                        var flags = [Bool](repeating: false, count: ranges[half].count)
                        flags.withUnsafeMutableBufferPointer {
                            Self.scan(pattern.buffer, haystack.buffer, starts.buffer, rows: ranges[half], into: $0)
                        }
                        return flags
                    }
                    return halves.count == 1 ? halves[0] : halves[0] + halves[1]
                }
            }
        }
    }

    /// One search from the start of `rows`' first key to the end of its last, then a jump to the next key after
    /// a hit. Needles of five bytes or more use the C library's memmem (a two-way search, fast on long
    /// buffers); shorter ones memchr for their rarest byte, which measured faster for them.
    private static func scan(
        _ pattern: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>, _ starts: UnsafeBufferPointer<Int>, rows: Range<Int>,
        into flags: UnsafeMutableBufferPointer<Bool>
    ) {
        guard let base = text.baseAddress, let needle = pattern.baseAddress, !rows.isEmpty, !pattern.isEmpty else { return }
        let length = pattern.count
        var row = rows.lowerBound
        let end = starts[rows.upperBound]
        if length >= 5 {
            var position = starts[row]
            while position < end {
                guard let hit = systemMemmem(base + position, end - position, needle, length) else { return }
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                while starts[row + 1] <= offset { row += 1 }
                if offset + length <= starts[row + 1] {
                    flags[row - rows.lowerBound] = true
                    row += 1
                    guard row < rows.upperBound else { return }
                    position = starts[row]
                } else {
                    position = offset + 1
                }
            }
            return
        }
        let anchor = rarest(pattern)
        let byte = Int32(pattern[anchor])
        var position = starts[row] + anchor
        while position < end {
            guard let hit = memchr(base + position, byte, end - position) else { return }
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
            // Move to the key the match would start in (keys are in row order, so this only moves forward).
            while starts[row + 1] <= offset { row += 1 }
            if offset >= starts[row] && offset + length <= starts[row + 1] && memcmp(base + offset, needle, length) == 0 {
                flags[row - rows.lowerBound] = true
                row += 1
                guard row < rows.upperBound else { return }
                position = starts[row] + anchor
            } else {
                position = offset + anchor + 1
            }
        }
    }

    /// Substring search in `text[from..<to]`. memchr looks for the needle's rarest letter (by how often
    /// letters appear in English text), so common first letters do not stop it at every word; memcmp checks.
    @inline(__always)
    static func find(_ pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        guard !pattern.isEmpty, let base = text.baseAddress else { return true }
        let anchor = rarest(pattern)
        let byte = Int32(pattern[anchor])
        let count = pattern.count
        var position = from + anchor
        let last = to - count + anchor  // the last place the anchor byte can sit
        while position <= last {
            guard let hit = memchr(base + position, byte, last - position + 1) else { return false }
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + offset - anchor, pattern.baseAddress!, count) == 0 { return true }
            position = offset + 1
        }
        return false
    }

    /// The position of the needle byte least common in English text.
    static func rarest(_ pattern: UnsafeBufferPointer<UInt8>) -> Int {
        var best = 0
        for index in pattern.indices where commonness[Int(pattern[index])] < commonness[Int(pattern[best])] { best = index }
        return best
    }

    /// Higher for bytes that turn up more often in folded titles and summaries.
    private static let commonness: [UInt8] = {
        var table = [UInt8](repeating: 10, count: 256)
        for (rank, byte) in Array(" etaoinsrhldcumfpgwybv-k,x.jqz".utf8).enumerated() { table[Int(byte)] = UInt8(200 - rank * 6) }
        return table
    }()
}

extension SearchKeys {
    /// Whether a folded key (an organisation's or a contact's name) holds the folded needle: bytes compared
    /// with memmem, not Foundation's locale-aware string search, which cost more than the project scan itself.
    static func key(_ key: String, contains needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        var key = key
        return key.withUTF8 { haystack in
            needle.withUnsafeBufferPointer { pattern in
                guard let base = haystack.baseAddress, let bytes = pattern.baseAddress, haystack.count >= pattern.count else {
                    return false
                }
                return systemMemmem(base, haystack.count, bytes, pattern.count) != nil
            }
        }
    }
}

/// glibc's memmem, which Swift's Glibc module hides without _GNU_SOURCE (it is in every C library Caseboard
/// runs on).
@_silgen_name("memmem")
private func systemMemmem(_ haystack: UnsafeRawPointer, _ haystackLength: Int, _ needle: UnsafeRawPointer, _ needleLength: Int)
    -> UnsafeMutableRawPointer?
