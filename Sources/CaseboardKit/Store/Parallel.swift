import Foundation
import Synchronization

/// Runs a few independent jobs at once, one per core. Jobs share nothing mutable: each returns its own
/// value, and the values are collected under a mutex as the jobs finish.
enum Parallel {
    static func run<T: Sendable>(_ count: Int, _ job: @Sendable (Int) -> T) -> [T] {
        let results = Mutex<[T?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let value = job(index)
            results.withLock { $0[index] = value }
        }
        return results.withLock { $0.map { $0! } }
    }
}

/// Bytes that nobody writes while a parallel job reads them (a read-only mapping, or an array that outlives
/// the jobs and is not mutated during them): the one promise that lets jobs share a pointer to them.
struct ReadOnlyBytes<Element>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
}
