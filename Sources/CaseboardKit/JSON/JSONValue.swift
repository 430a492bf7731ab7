/// A parsed JSON value that remembers where it stood in its file, so every problem can name a line and column.
public struct JSONNode: Sendable {
    public var value: JSONValue
    /// Byte offset of the value's first byte in the source.
    public var offset: Int

    public init(_ value: JSONValue, at offset: Int) {
        self.value = value
        self.offset = offset
    }
}

public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    /// An integer literal too large for 64 bits, kept as written.
    case hugeInteger(String)
    case fraction(Double)
    case string(String)
    case array([JSONNode])
    /// Members in file order; duplicates kept so validation can report them.
    case object([JSONMember])

    /// How the value's type is named in messages ("a string", "an array").
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer, .hugeInteger: return "an integer"
        case .fraction: return "a number with a fraction"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

public struct JSONMember: Sendable {
    public var key: String
    public var keyOffset: Int
    public var node: JSONNode
}

/// A syntax error at a byte offset.
public struct JSONSyntaxError: Error, Equatable {
    public var offset: Int
    public var message: String
}

/// Converts byte offsets into 1-based line and column (columns count characters, not bytes).
public struct SourcePositions {
    private let bytes: [UInt8]
    private var lineStarts: [Int] = []

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public mutating func position(of offset: Int) -> (line: Int, column: Int) {
        if lineStarts.isEmpty {
            lineStarts = [0]
            for (index, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(index + 1) }
        }
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low]
        let end = min(offset, bytes.count)
        var column = 1
        var index = start
        while index < end {
            // Count only bytes that begin a UTF-8 sequence.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (low + 1, column)
    }
}
