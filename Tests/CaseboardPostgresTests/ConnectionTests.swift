import CaseboardPostgres
import Foundation
import Testing

@Suite("PostgreSQL connection")
struct ConnectionTests {
    /// Text that SQL or COPY would misread if it were ever pasted into a statement.
    static let awkward = [
        "it's", "back\\slash", "tab\there", "new\nline", "cr\rhere", "\"quoted\"", "{braces,comma}", "NULL", "Zoë £5 ✓", "",
    ]

    @Test func textParametersComeBackExactly() throws {
        let connection = try TestDatabase().connect()
        for value in Self.awkward {
            let rows = try connection.execute("SELECT $1::text, $2::text IS NULL", [value, nil])
            #expect(rows[0, 0] == value)
            #expect(rows[0, 1] == "t")
        }
    }

    @Test func arraysAndCopyRowsComeBackExactly() throws {
        let connection = try TestDatabase().connect()
        try connection.execute("CREATE TEMP TABLE t (n integer, a text, b text[], c bigint[])")
        var rows = CopyRows()
        for (index, value) in Self.awkward.enumerated() {
            try rows.append([String(index), value, PostgresArray.literal([value, "x", value]), PostgresArray.literal([Int64(index), -1])])
        }
        try rows.append([String(Self.awkward.count), nil, PostgresArray.literal([String]()), PostgresArray.literal([Int64]())])
        try connection.copyIn("COPY t (n, a, b, c) FROM STDIN", rows)
        let back = try connection.execute("SELECT a, b, c FROM t ORDER BY n")
        #expect(back.count == Self.awkward.count + 1)
        for (index, value) in Self.awkward.enumerated() {
            #expect(back[index, 0] == value)
            #expect(try PostgresArray.parse(back[index, 1]!) == [value, "x", value])
            #expect(try PostgresArray.parseIntegers(back[index, 2]!) == [Int64(index), -1])
        }
        #expect(back[Self.awkward.count, 0] == nil)
        #expect(try PostgresArray.parse(back[Self.awkward.count, 1]!) == [])
    }

    @Test func aFailedCopyKeepsNoRow() throws {
        let connection = try TestDatabase().connect()
        try connection.execute("CREATE TEMP TABLE t (n integer PRIMARY KEY)")
        var rows = CopyRows()
        for value in ["1", "2", "2"] { try rows.append([value]) }
        #expect(throws: PostgresError.self) { try connection.copyIn("COPY t (n) FROM STDIN", rows) }
        #expect(try connection.execute("SELECT count(*) FROM t").scalar == "0")
    }

    @Test func aValueHoldingNULIsRefusedBeforeItIsSent() throws {
        let connection = try TestDatabase().connect()
        let error = #expect(throws: PostgresError.self) { try connection.execute("SELECT $1::text", ["a\u{0}b"]) }
        #expect(error?.message.contains("NUL") == true)
        var rows = CopyRows()
        #expect(throws: PostgresError.self) { try rows.append(["a\u{0}b"]) }
    }

    @Test func theStatementTimeoutStopsALongStatement() throws {
        let connection = try TestDatabase().connect(statementTimeout: .milliseconds(200))
        let started = Date()
        let error = #expect(throws: PostgresError.self) { try connection.execute("SELECT pg_sleep(5)") }
        #expect(error?.sqlState == "57014")  // query_canceled
        #expect(Date().timeIntervalSince(started) < 3)
        #expect(try connection.execute("SHOW statement_timeout").scalar == "200ms")
    }

    @Test func serverErrorsCarryTheirSQLState() throws {
        let connection = try TestDatabase().connect()
        let error = #expect(throws: PostgresError.self) { try connection.execute("SELECT * FROM no_such_table") }
        #expect(error?.sqlState == "42P01")
        #expect(error?.message.contains("no_such_table") == true)
    }

    @Test func aWrongPasswordIsNeverRepeated() throws {
        let database = try TestDatabase()
        _ = try database.initialised()
        try RoleLogins.create(database)
        let secret = "Wr0ng-Secret-Pa55"
        let socket = database.server.socketDirectory.replacingOccurrences(of: "/", with: "%2F")
        let attempts = [
            "postgresql://\(RoleLogins.viewer):\(secret)@/\(database.name)?host=\(socket)&port=\(database.server.port)",
            database.server.conninfo(database: database.name, user: RoleLogins.viewer, password: secret),
        ]
        for conninfo in attempts {
            let error = #expect(throws: PostgresError.self) { try PostgresConnection(conninfo: conninfo) }
            let message = error?.message ?? ""
            #expect(message.contains("password authentication failed"), "\(message)")
            #expect(!message.contains(secret), "\(message)")
            #expect(!message.contains("Pa55"))
        }
        // The right password gets in.
        let right = database.server.conninfo(database: database.name, user: RoleLogins.viewer, password: RoleLogins.password)
        #expect(try PostgresConnection(conninfo: right).execute("SELECT session_user").scalar == RoleLogins.viewer)
    }

    @Test func aConnectionStringThatCannotBeReadIsNotQuotedBack() throws {
        let secret = "MyS3cretWord"
        for conninfo in ["host=/tmp password \(secret)", "postgresql://u:\(secret)@host/db?nonsense=1", "password='\(secret)"] {
            let error = #expect(throws: PostgresError.self) { try PostgresConnection(conninfo: conninfo) }
            #expect(error?.message.contains(secret) == false, "\(error?.message ?? "")")
            #expect(error?.message.contains("connection string") == true, "\(error?.message ?? "")")
        }
    }
}
