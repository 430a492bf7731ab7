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

/// A file being read: its bytes, positions and the problems found so far.
final class SourceFile {
    let name: String
    let bytes: [UInt8]
    private var positions: SourcePositions
    private(set) var problems: [Problem] = []

    init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        self.positions = SourcePositions(bytes)
    }

    func report(at offset: Int, _ message: String) {
        let (line, column) = positions.position(of: offset)
        problems.append(Problem(file: name, line: line, column: column, message: message))
    }
}
