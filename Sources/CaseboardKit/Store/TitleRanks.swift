import Foundation

/// Each project's rank by title, compared as the search folds text (case and accents ignored), so that
/// sorting by title is an integer sort. Equal titles share a rank.
public enum TitleRanks {
    /// Chunks of eight folded bytes read up front, in row order (so the reads are sequential); deeper
    /// bytes are read from the text only for titles that share this much.
    static let precomputedChunks = 5

    public static func compute(_ table: ProjectTable) -> [Int32] {
        let count = table.count
        // ASCII titles are read where they are, lower-cased on the fly; the rare others are folded into a
        // side buffer. `starts` are offsets into one or the other; `aside` says which.
        var aside = [Bool](repeating: false, count: count)
        var side: [UInt8] = []
        var starts = [Int](repeating: 0, count: count)
        var lengths = [Int](repeating: 0, count: count)
        table.text.withUnsafeBufferPointer { text in
            for row in 0..<count {
                let span = table.titles[row]
                let bytes = UnsafeBufferPointer(rebasing: text[Int(span.start)..<Int(span.start + span.count)])
                if bytes.allSatisfy({ $0 < 0x80 }) {
                    starts[row] = Int(span.start)
                    lengths[row] = Int(span.count)
                } else {
                    let folded = Array(SearchKeys.fold(String(decoding: bytes, as: UTF8.self)).utf8)
                    aside[row] = true
                    starts[row] = side.count
                    lengths[row] = folded.count
                    side.append(contentsOf: folded)
                }
            }
        }
        return table.text.withUnsafeBufferPointer { text in
            side.withUnsafeBufferPointer { side in
                let ranker = Ranker(text: text.baseAddress!, side: side.baseAddress, aside: aside, starts: starts, lengths: lengths)
                return ranker.ranks()
            }
        }
    }

    /// A class, not a struct: the sort closures capture it, and a captured struct copy would make every
    /// write to `order` copy the whole array.
    private final class Ranker {
        let text: UnsafePointer<UInt8>
        let side: UnsafePointer<UInt8>?
        let aside: [Bool]
        let starts: [Int]
        let lengths: [Int]
        var chunks: [[UInt64]] = []
        var order: [Int] = []
        /// `boundary[p]` is true when the title at position p differs from the one before it.
        var boundary: [Bool] = []

        init(text: UnsafePointer<UInt8>, side: UnsafePointer<UInt8>?, aside: [Bool], starts: [Int], lengths: [Int]) {
            self.text = text
            self.side = side
            self.aside = aside
            self.starts = starts
            self.lengths = lengths
        }

        @inline(__always) func byte(_ row: Int, _ index: Int) -> UInt8 {
            if aside[row] { return side![starts[row] + index] }
            let value = text[starts[row] + index]
            return value &- 0x41 < 26 ? value | 0x20 : value
        }

        func chunk(_ row: Int, _ depth: Int) -> UInt64 {
            let level = depth / 8
            if level < chunks.count { return chunks[level][row] }
            var value: UInt64 = 0
            let length = lengths[row]
            for index in depth..<(depth + 8) { value = value << 8 | UInt64(index < length ? byte(row, index) : 0) }
            return value
        }

        func compare(_ a: Int, _ b: Int, from depth: Int) -> Int {
            let shared = min(lengths[a], lengths[b])
            var index = depth
            while index < shared {
                let x = byte(a, index)
                let y = byte(b, index)
                if x != y { return x < y ? -1 : 1 }
                index += 1
            }
            return lengths[a] == lengths[b] ? 0 : (lengths[a] < lengths[b] ? -1 : 1)
        }

        func ranks() -> [Int32] {
            let count = lengths.count
            chunks = (0..<TitleRanks.precomputedChunks).map { level in (0..<count).map { chunk($0, level * 8) } }
            order = Array(0..<count)
            boundary = [Bool](repeating: false, count: count)
            if count > 0 { boundary[0] = true }
            sortRun(0..<count, depth: 0)
            var ranks = [Int32](repeating: 0, count: count)
            var rank: Int32 = -1
            for position in 0..<count {
                if boundary[position] { rank += 1 }
                ranks[order[position]] = rank
            }
            return ranks
        }

        /// Sorts `order[range]`, whose titles agree on their first `depth` bytes, and marks where they differ.
        func sortRun(_ range: Range<Int>, depth: Int) {
            guard range.count > 1 else { return }
            if range.count < 48 {
                order[range].sort { a, b in
                    let result = self.compare(a, b, from: depth)
                    return result != 0 ? result < 0 : a < b
                }
                for position in range.dropFirst() where compare(order[position - 1], order[position], from: depth) != 0 {
                    boundary[position] = true
                }
                return
            }
            let rows = Array(order[range])
            let keys = rows.map { chunk($0, depth) }
            let sorted = RadixSort.stableOrder(keys, descending: false)
            for (offset, position) in sorted.enumerated() { order[range.lowerBound + offset] = rows[position] }
            var start = range.lowerBound
            while start < range.upperBound {
                let key = keys[sorted[start - range.lowerBound]]
                var end = start + 1
                while end < range.upperBound && keys[sorted[end - range.lowerBound]] == key { end += 1 }
                if start > range.lowerBound { boundary[start] = true }
                // Titles that all end within this chunk are equal; longer ones are sorted on the next chunk.
                if end - start > 1 && (start..<end).contains(where: { lengths[order[$0]] > depth + 8 }) {
                    sortRun(start..<end, depth: depth + 8)
                }
                start = end
            }
        }
    }
}
