/// A failure reported by libpq or the server. The message has been through `Secrets.scrub`: it never holds a
/// password, whether it came from the connection string, PGPASSWORD or ~/.pgpass.
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    public var message: String
    /// The server's SQLSTATE when it sent one: `42501` is "insufficient privilege", `28P01` a wrong password.
    public var sqlState: String?

    public init(_ message: String, sqlState: String? = nil) {
        self.message = message
        self.sqlState = sqlState
    }

    public var description: String { message }

    /// The server refused because the role lacks a privilege.
    public var isPermissionDenied: Bool { sqlState == "42501" }
}
