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

/// Loading failed; every problem found is listed, in file order.
public struct LoadFailure: Error, Sendable, CustomStringConvertible {
    public var problems: [Problem]
    public init(problems: [Problem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// A file being read: its bytes (mapped, not copied), positions and the problems found so far.
final class SourceFile {
    let name: String
    let mapped: MappedFile
    private var positions: SourcePositions?
    private(set) var problems: [Problem] = []

    init(name: String, mapped: MappedFile) {
        self.name = name
        self.mapped = mapped
    }

    convenience init(name: String, bytes: [UInt8]) {
        self.init(name: name, mapped: MappedFile(bytes: bytes))
    }

    /// A copy of the bytes, for the full parser (the fast paths read the mapping itself).
    var bytes: [UInt8] { mapped.withBytes { Array($0) } }

    /// Forgets what an earlier pass found, before checking the file again.
    func clearProblems() { problems = [] }

    func report(at offset: Int, _ message: String) {
        if positions == nil { positions = SourcePositions(bytes) }
        let (line, column) = positions!.position(of: offset)
        problems.append(Problem(file: name, line: line, column: column, message: message))
    }
}
