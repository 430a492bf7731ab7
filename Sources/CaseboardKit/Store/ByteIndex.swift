import Foundation

/// A hash table from ids to rows, probed with the id's bytes, so the loader looks up references without
/// building a `String` for each.
struct ByteIndex: Sendable {
    private var arena: [UInt8] = []
    private var spans: [(start: Int32, count: Int32)] = []
    /// Each entry's full hash: probes compare it before any bytes.
    private var hashes: [Int] = []
    private var values: [Int32] = []
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    init<S: Sequence>(_ ids: S) where S.Element == String {
        let array = Array(ids)
        self.init(capacity: array.count)
        for (row, id) in array.enumerated() {
            var utf8 = Array(id.utf8)
            utf8.withUnsafeMutableBufferPointer { _ = insert(UnsafeBufferPointer($0), value: row) }
        }
    }

    var count: Int { values.count }

    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key { value = (value ^ UInt64(byte)) &* 0x100_0000_01B3 }
        // A finishing mix (MurmurHash3's) so that the low bits used for slots depend on every byte.
        value ^= value >> 33
        value &*= 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value &*= 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return Int(truncatingIfNeeded: value)
    }

    /// The row stored for `key`.
    func value(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(key)
        var slot = hash & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if hashes[entry] == hash && matches(entry, key) { return Int(values[entry]) }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` for `key` unless the key is already there; returns the existing value if so.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: Int) -> Int? {
        if values.count * 2 >= slots.count { grow() }
        let hash = Self.hash(key)
        var slot = hash & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { break }
            if hashes[entry] == hash && matches(entry, key) { return Int(values[entry]) }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(values.count)
        hashes.append(hash)
        spans.append((Int32(arena.count), Int32(key.count)))
        arena.append(contentsOf: key)
        values.append(Int32(value))
        return nil
    }

    @inline(__always)
    private func matches(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let span = spans[entry]
        guard Int(span.count) == key.count else { return false }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + Int(span.start), key.baseAddress!, key.count) == 0 }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for entry in values.indices {
            var slot = hashes[entry] & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }
}
