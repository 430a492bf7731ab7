/// Reads one row's columns into Caseboard's types, naming the table and the column's value when the database
/// holds something this Caseboard does not know (a status added by hand, say).
struct RowReader {
    let rows: PostgresRows
    let row: Int
    let table: String

    func optionalText(_ column: Int) -> String? { rows[row, column] }

    func text(_ column: Int) throws(DatabaseRefusal) -> String {
        guard let value = rows[row, column] else { throw DatabaseRefusal("\(table): an unexpected NULL in row \(row + 1)") }
        return value
    }

    func value<T>(_ column: Int, _ make: (String) -> T?) throws(DatabaseRefusal) -> T {
        let raw = try text(column)
        guard let value = make(raw) else { throw DatabaseRefusal("\(table): \"\(raw)\" in row \(row + 1) is not a value Caseboard knows") }
        return value
    }

    func optional<T>(_ column: Int, _ make: (String) -> T?) throws(DatabaseRefusal) -> T? {
        guard rows[row, column] != nil else { return nil }
        return try value(column, make)
    }

    func flag(_ column: Int) throws(DatabaseRefusal) -> Bool { try text(column) == "t" }

    func integer(_ column: Int) throws(DatabaseRefusal) -> Int64 { try value(column) { Int64($0) } }

    func list(_ column: Int) throws -> [String] { try PostgresArray.parse(try text(column)) }

    func integers(_ column: Int) throws -> [Int64] { try PostgresArray.parseIntegers(try text(column)) }
}
