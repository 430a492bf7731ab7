import Foundation

/// Folded search text for every project, held in one contiguous buffer so a search is a
/// linear pass of `memmem` with no allocation per project.
public struct SearchKeys: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]

    public init() {}

    public var count: Int { starts.count - 1 }

    mutating func reserve(projects: Int) {
        starts.reserveCapacity(projects + 1)
        bytes.reserveCapacity(projects * 160)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: SearchKeys.fold(text).utf8)
        starts.append(bytes.count)
    }

    /// Case- and diacritics-insensitive form used on both sides of a search.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// Whether project `row`'s key contains `needle` (already folded, UTF-8).
    public func contains(_ needle: [UInt8], row: Int) -> Bool {
        if needle.isEmpty { return true }
        let start = starts[row]
        let length = starts[row + 1] - start
        if length < needle.count { return false }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { pattern in
                Self.find(pattern, in: UnsafeBufferPointer(rebasing: haystack[start..<(start + length)]))
            }
        }
    }

    /// Substring search: memchr for the first byte, memcmp for the rest (memmem is a GNU extension).
    private static func find(_ pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress, let first = pattern.first else { return true }
        var position = 0
        let last = text.count - pattern.count
        while position <= last {
            guard let hit = memchr(base + position, Int32(first), last - position + 1) else { return false }
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + offset, pattern.baseAddress!, pattern.count) == 0 { return true }
            position = offset + 1
        }
        return false
    }
}
