import CLibpq

/// The rows a statement returned, read as text (the server's text output: `t`/`f` for booleans, ISO dates,
/// `{a,b}` for arrays). Freed with the object.
public final class PostgresRows {
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }

    deinit { PQclear(handle) }

    public var count: Int { Int(PQntuples(handle)) }
    public var columnCount: Int { Int(PQnfields(handle)) }

    /// The value at `row`, `column`; nil for SQL NULL.
    public subscript(row: Int, column: Int) -> String? {
        if PQgetisnull(handle, Int32(row), Int32(column)) != 0 { return nil }
        return String(cString: PQgetvalue(handle, Int32(row), Int32(column)))
    }

    /// The first column of the first row, for `SELECT count(*)` and the like.
    public var scalar: String? { count > 0 && columnCount > 0 ? self[0, 0] : nil }
}
