/// One-dimensional PostgreSQL array literals (`{"leeds","kirklees"}`), the text form in which arrays travel
/// as parameters, in COPY and in results.
public enum PostgresArray {
    /// Every element quoted, so commas, braces, spaces and the word NULL stay text.
    public static func literal(_ values: [String]) -> String {
        var out = "{"
        for (index, value) in values.enumerated() {
            if index > 0 { out += "," }
            out += "\""
            for character in value {
                if character == "\"" || character == "\\" { out += "\\" }
                out.append(character)
            }
            out += "\""
        }
        return out + "}"
    }

    public static func literal(_ values: [Int64]) -> String { "{" + values.map(String.init).joined(separator: ",") + "}" }

    /// The elements of a literal the server wrote. NULL elements, which Caseboard never stores, are refused.
    public static func parse(_ text: String) throws(PostgresError) -> [String] {
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else {
            throw PostgresError("not an array: the database returned a value Caseboard cannot read")
        }
        var out: [String] = []
        var index = 1
        let end = bytes.count - 1
        while index < end {
            var element: [UInt8] = []
            if bytes[index] == UInt8(ascii: "\"") {
                index += 1
                while index < end && bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") { index += 1 }
                    if index < end { element.append(bytes[index]) }
                    index += 1
                }
                index += 1
            } else {
                while index < end && bytes[index] != UInt8(ascii: ",") {
                    element.append(bytes[index])
                    index += 1
                }
                if element == Array("NULL".utf8) { throw PostgresError("the database returned an array holding NULL") }
            }
            out.append(String(decoding: element, as: UTF8.self))
            index += 1  // the comma
        }
        return out
    }

    public static func parseIntegers(_ text: String) throws(PostgresError) -> [Int64] {
        var out: [Int64] = []
        for element in try parse(text) {
            guard let value = Int64(element) else {
                throw PostgresError("the database returned \"\(element)\" where a whole number belongs")
            }
            out.append(value)
        }
        return out
    }
}
