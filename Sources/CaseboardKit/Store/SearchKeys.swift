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

    /// The rows among `rows` whose key contains `needle` (or for which `also` holds), in the same order:
    /// one pass, no allocation per row.
    public func rows<S: Sequence>(_ rows: S, containing needle: [UInt8], also: ((Int) -> Bool)? = nil) -> [Int] where S.Element == Int {
        var out: [Int] = []
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

    /// Substring search in `text[from..<to]`: memchr for the first byte, memcmp for the rest.
    @inline(__always)
    static func find(_ pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        guard let first = pattern.first, let base = text.baseAddress else { return true }
        let last = to - pattern.count
        var position = from
        while position <= last {
            guard let hit = memchr(base + position, Int32(first), last - position + 1) else { return false }
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + offset, pattern.baseAddress!, pattern.count) == 0 { return true }
            position = offset + 1
        }
        return false
    }
}
