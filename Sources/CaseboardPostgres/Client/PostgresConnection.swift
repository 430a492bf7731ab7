import CLibpq
import Foundation

/// One libpq connection, used from one thread at a time. SQL is a `StaticString`, so it can only be text
/// written in this source; values always travel separately, as text parameters (`$1`, `$2`, …).
public final class PostgresConnection {
    let handle: OpaquePointer
    private var secrets: Secrets

    /// Connects with a libpq connection string: a URI (`postgresql://host/db?sslmode=verify-full`), `key=value`
    /// pairs, a bare database name, or "" for libpq's defaults. Whatever it leaves out comes from the usual
    /// places (PGHOST, PGUSER, PGSERVICE, ~/.pgpass, PGSSLMODE…). Every statement on the connection is stopped
    /// by the server after `statementTimeout`.
    public init(conninfo: String, statementTimeout: Duration = .seconds(30)) throws(PostgresError) {
        secrets = Secrets(conninfo: conninfo)
        var parseError: UnsafeMutablePointer<CChar>?
        guard let parsed = PQconninfoParse(conninfo, &parseError) else {
            let reason = parseError.map { String(cString: $0) } ?? "out of memory"
            if let parseError { PQfreemem(parseError) }
            throw PostgresError("the connection string cannot be read: " + Secrets.describeUnreadable(Self.trimmed(reason)))
        }
        PQconninfoFree(parsed)
        handle = Self.open(conninfo)
        secrets.insert(PQpass(handle).map { String(cString: $0) })
        guard PQstatus(handle) == CONNECTION_OK else {
            // deinit closes the handle, here as on every later failure.
            throw PostgresError("cannot connect to PostgreSQL: " + secrets.scrub(Self.trimmed(String(cString: PQerrorMessage(handle)))))
        }
        clibpq_silence_notices(handle)
        guard PQsetClientEncoding(handle, "UTF8") == 0 else { throw PostgresError("the server cannot send UTF-8 text") }
        let milliseconds = statementTimeout.components.seconds * 1000 + statementTimeout.components.attoseconds / 1_000_000_000_000_000
        // Dates and times in one unambiguous form whatever the server's defaults, so they read back as written.
        try execute(
            "SELECT set_config('statement_timeout', $1, false), set_config('DateStyle', 'ISO, YMD', false), set_config('TimeZone', 'UTC', false)",
            [String(milliseconds)])
    }

    deinit { PQfinish(handle) }

    /// The application name is a fallback, so one in the connection string (or PGAPPNAME) wins.
    private static func open(_ conninfo: String) -> OpaquePointer {
        var pairs = [("fallback_application_name", "caseboard")]
        // A dead host should not hang a command forever; PGCONNECT_TIMEOUT or the string's own setting wins.
        if ProcessInfo.processInfo.environment["PGCONNECT_TIMEOUT"] == nil { pairs.append(("connect_timeout", "10")) }
        // Last, and expanded: the connection string overrides the fallbacks above.
        pairs.append(("dbname", conninfo))
        let keywords = pairs.map { strdup($0.0) }
        let values = pairs.map { strdup($0.1) }
        defer { for copy in keywords + values { free(copy) } }
        let keywordPointers = keywords.map { UnsafePointer($0) } + [nil]
        let valuePointers = values.map { UnsafePointer($0) } + [nil]
        return PQconnectdbParams(keywordPointers, valuePointers, 1)!
    }

    /// Who and where, for messages: `alice@db.example.org:5432/caseboard`. Never the password.
    public var description: String {
        func text(_ pointer: UnsafeMutablePointer<CChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }
        return "\(text(PQuser(handle)))@\(text(PQhost(handle))):\(text(PQport(handle)))/\(text(PQdb(handle)))"
    }

    /// Runs one statement with text parameters (nil is SQL NULL) and returns its rows as text.
    @discardableResult
    public func execute(_ sql: StaticString, _ parameters: [String?] = []) throws(PostgresError) -> PostgresRows {
        for case let value? in parameters where value.utf8.contains(0) {
            throw PostgresError("a value holds a NUL character, which PostgreSQL text cannot store")
        }
        let copies: [UnsafeMutablePointer<CChar>?] = parameters.map { value in value.flatMap { strdup($0) } }
        defer { for copy in copies { free(copy) } }
        let pointers: [UnsafePointer<CChar>?] = copies.map { copy in copy.map { UnsafePointer($0) } }
        let result = sql.withUTF8Buffer { buffer in
            String(decoding: buffer, as: UTF8.self).withCString { text in
                PQexecParams(handle, text, Int32(pointers.count), nil, pointers, nil, nil, 0)
            }
        }
        return try check(result)
    }

    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T { try inTransaction(begin: "BEGIN", body) }

    /// Runs `body` in a read-only transaction that sees one snapshot throughout, whatever commits meanwhile.
    public func snapshot<T>(_ body: () throws -> T) throws -> T {
        try inTransaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", body)
    }

    private func inTransaction<T>(begin: StaticString, _ body: () throws -> T) throws -> T {
        try execute(begin)
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    /// The rows of a finished statement, or its error (scrubbed) with the server's SQLSTATE.
    func check(_ result: OpaquePointer?) throws(PostgresError) -> PostgresRows {
        guard let result else { throw failure() }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_COPY_IN:
            return PostgresRows(result)
        default:
            defer { PQclear(result) }
            throw failure(result)
        }
    }

    func failure(_ result: OpaquePointer? = nil) -> PostgresError {
        func field(_ code: Character) -> String? {
            guard let result, let value = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            return String(cString: value)
        }
        // 'M', 'D', 'H', 'C': libpq's PG_DIAG_MESSAGE_PRIMARY, _DETAIL, _HINT and _SQLSTATE.
        guard let primary = field("M") else {
            return PostgresError(secrets.scrub(Self.trimmed(String(cString: PQerrorMessage(handle)))))
        }
        var message = primary
        if let detail = field("D") { message += " (\(detail))" }
        if let hint = field("H") { message += "; \(hint)" }
        return PostgresError(secrets.scrub(message), sqlState: field("C"))
    }

    static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}
