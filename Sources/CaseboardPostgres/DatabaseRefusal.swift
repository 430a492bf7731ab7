/// Why a database command did nothing, in words the IT team can act on (the database is not empty, its
/// schema is newer than this Caseboard). Server errors are `PostgresError`s instead.
public struct DatabaseRefusal: Error, CustomStringConvertible, Sendable {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
