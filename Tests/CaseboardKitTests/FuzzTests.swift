import Foundation
import Testing

@testable import CaseboardKit

/// Random damage to every data file and to the journal: loading must end in data or in a list of problems,
/// never a trap or a hang, and the fast path must never accept what the full loader refuses. Large inputs
/// built by repeating a damaged piece thousands of times catch work that grows faster than the input.
@Suite struct FuzzTests {
    /// Bytes that matter to the parsers: structure, signs and digits, quotes and escapes, controls, and
    /// the first bytes of multi-byte and invalid UTF-8.
    static let alphabet: [UInt8] =
        Array(#"{}[],:"\+-.0123456789eE/tfnulTZ -"#.utf8) + [0x00, 0x01, 0x0A, 0x0D, 0x09, 0x1B, 0x7F, 0xC2, 0x9B, 0xE2, 0x80, 0xAE, 0xFF]

    static let journal =
        [
            #"{"id":"37bb87fe-5749-487f-91e6-f0b044c6f5c3","time":"2026-11-25T18:30:41.123Z","author":"alice","project":"gangs","kind":"status","from":"active","to":"paused","note":"Venue lost"}"#,
            #"{"id":"47bb87fe-5749-487f-91e6-f0b044c6f5c3","time":"2026-11-25T18:31:00.000Z","author":"bob","project":"sceptre","kind":"note","note":"met the head"}"#,
            #"{"id":"57bb87fe-5749-487f-91e6-f0b044c6f5c3","time":"2026-11-25T18:32:00.000Z","author":"alice","project":"gangs","kind":"undo","from":"paused","to":"active","undoes":"37bb87fe-5749-487f-91e6-f0b044c6f5c3"}"#,
        ].joined(separator: "\n") + "\n"

    static var originals: [String: String] { MiniData.files.merging([JournalFiles.journal: journal]) { $1 } }

    static func mutate(_ bytes: [UInt8], _ random: inout SplitMix) -> [UInt8] {
        var out = bytes
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = out.isEmpty ? 0 : Int.random(in: 0..<out.count, using: &random)
            let byte = alphabet.randomElement(using: &random)!
            switch Int.random(in: 0..<5, using: &random) {
            case 4:
                // A digit turned into a sign, a space or another digit: where dates, years and amounts break.
                let digits = out.indices.filter { out[$0] >= 0x30 && out[$0] <= 0x39 }
                if let target = digits.randomElement(using: &random) { out[target] = Array("+- 09".utf8).randomElement(using: &random)! }
            case 0 where !out.isEmpty: out[position] = byte
            case 1 where !out.isEmpty: out.remove(at: position)
            case 2:
                // A run of one byte: long numbers, deep nesting, long strings.
                out.insert(contentsOf: repeatElement(byte, count: Int.random(in: 1...64, using: &random)), at: position)
            default: out.insert(byte, at: position)
            }
        }
        return out
    }

    /// Loads `files` (name → bytes); returns how long it took. Traps end the test run, which is the point.
    func load(_ files: [String: [UInt8]]) throws -> Duration {
        let directory = NSTemporaryDirectory() + "caseboard-fuzz-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (name, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: directory + "/" + name)) }
        let clock = ContinuousClock()
        let start = clock.now
        let (sources, problems) = DatasetLoader.open(directory)
        let fast = problems.isEmpty ? DatasetLoader.fastLoad(sources, progress: nil) : nil
        do {
            let store = try DataStore(directory: directory, readOnly: true)
            _ = store.takeWarnings()
            _ = store.history.events
        } catch {
            #expect(fast == nil, "the fast path accepted what the full loader refused: \(error.problems.prefix(3))")
            #expect(error.total >= error.problems.count)
        }
        return clock.now - start
    }

    @Test(arguments: [
        DataFiles.themes, DataFiles.partners, DataFiles.contacts, DataFiles.projects, DataFiles.funding, JournalFiles.journal,
    ])
    func randomDamageEndsInDataOrProblems(file: String) throws {
        // Fixed per file, so a failure repeats.
        var random = SplitMix(seed: file.utf8.reduce(UInt64(17)) { $0 &* 31 &+ UInt64($1) })
        let originals = Self.originals.mapValues { Array($0.utf8) }
        for round in 0..<120 {
            var files = originals
            files[file] = Self.mutate(originals[file]!, &random)
            let elapsed = try load(files)
            // Generous for a few kilobytes on a busy machine; a hang or a blow-up is far beyond it.
            #expect(elapsed < .seconds(5), "\(file) round \(round) took \(elapsed): \(String(decoding: files[file]!, as: UTF8.self))")
        }
    }

    @Test(arguments: [
        DataFiles.themes, DataFiles.partners, DataFiles.contacts, DataFiles.projects, DataFiles.funding, JournalFiles.journal,
    ])
    func largeRepeatedDamageLoadsInTimeProportionalToItsSize(file: String) throws {
        var random = SplitMix(seed: 0xCA5E + UInt64(file.utf8.count))
        let originals = Self.originals.mapValues { Array($0.utf8) }
        for _ in 0..<3 {
            // A damaged piece of the file, repeated until the file is about a megabyte, on one line or many.
            let source = Self.mutate(originals[file]!, &random)
            let start = Int.random(in: 0..<max(1, source.count / 2), using: &random)
            let piece = Array(source[start..<min(source.count, start + Int.random(in: 2...200, using: &random))])
            var big = Array(source[..<start])
            while big.count < 1_000_000 { big += piece }
            big += source[start...]
            var files = originals
            files[file] = big
            let elapsed = try load(files)
            // Linear work on a megabyte takes well under a second even in a debug build; quadratic takes hours.
            #expect(elapsed < .seconds(20), "\(file): a megabyte of repeated \(String(decoding: piece, as: UTF8.self)) took \(elapsed)")
        }
    }
}
