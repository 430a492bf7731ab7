/// One problem found in a data file, printed as `FILE:LINE:COLUMN: message`.
public struct Problem: Equatable, Sendable, CustomStringConvertible, Error {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// Loading failed: the first problems found, in file order, and how many there were in all.
public struct LoadFailure: Error, Sendable, CustomStringConvertible {
    /// The most problems a report lists with their positions; the rest are counted. Enough to fix a batch,
    /// and it keeps a file with a problem in every record from producing megabytes of messages.
    public static let listed = 200

    public var problems: [Problem]
    /// Every problem found, listed or not.
    public var total: Int

    public init(problems: [Problem], total: Int? = nil) {
        self.problems = problems
        self.total = max(total ?? problems.count, problems.count)
    }

    public var description: String {
        let listed = problems.map(\.description).joined(separator: "\n")
        guard total > problems.count else { return listed }
        return listed
            + "\n… and \(total - problems.count) more problems (the first \(problems.count) are listed; fix them and validate again)"
    }
}

/// A file being read: its bytes (mapped, not copied) and the problems found so far, by byte offset. Lines
/// and columns are worked out once, at the end, in one pass over the file: per problem, that search would
/// make a file with a problem in every record take time quadratic in its size.
final class SourceFile {
    let name: String
    let mapped: MappedFile
    private var found: [(offset: Int, message: String)] = []

    init(name: String, mapped: MappedFile) {
        self.name = name
        self.mapped = mapped
    }

    convenience init(name: String, bytes: [UInt8]) {
        self.init(name: name, mapped: MappedFile(bytes: bytes))
    }

    /// A copy of the bytes, for the full parser (the fast paths read the mapping itself).
    var bytes: [UInt8] { mapped.withBytes { Array($0) } }

    var hasProblems: Bool { !found.isEmpty }
    var problemCount: Int { found.count }

    /// Forgets what an earlier pass found, before checking the file again.
    func clearProblems() { found = [] }

    func report(at offset: Int, _ message: String) {
        found.append((offset, message))
    }

    /// The first `limit` problems in file order (ties in the order found), with their lines and columns.
    func problems(limit: Int) -> [Problem] {
        let ordered = found.indices.sorted { (found[$0].offset, $0) < (found[$1].offset, $1) }.prefix(limit)
        var out: [Problem] = []
        out.reserveCapacity(ordered.count)
        mapped.withBytes { bytes in
            var position = 0
            var line = 1
            var column = 1
            for index in ordered {
                let (offset, message) = found[index]
                while position < min(offset, bytes.count) {
                    let byte = bytes[position]
                    if byte == 0x0A {
                        line += 1
                        column = 1
                    } else if byte & 0xC0 != 0x80 {
                        column += 1  // count only bytes that begin a UTF-8 sequence
                    }
                    position += 1
                }
                out.append(Problem(file: name, line: line, column: column, message: message))
            }
        }
        return out
    }
}
