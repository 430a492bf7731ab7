import CaseboardPostgres
import Testing

@Suite("db init")
struct SchemaTests {
    @Test func initCreatesTheSchemaAndASecondRunChangesNothing() throws {
        let database = try TestDatabase()
        let connection = try database.connect()
        let first = try SchemaSetUp.run(connection)
        #expect(first.from == 0)
        #expect(first.to == SchemaVersion.supported)
        let tables = try Self.tables(connection)
        #expect(
            tables == [
                "allocations", "contacts", "events", "events_archive", "funding_streams", "partners", "projects", "schema_version",
                "themes",
            ])
        let second = try SchemaSetUp.run(connection)
        #expect(second.from == SchemaVersion.supported)
        #expect(second.to == SchemaVersion.supported)
        #expect(second.createdRoles == [])
        #expect(try Self.tables(connection) == tables)
        #expect(try connection.execute("SELECT count(*) FROM caseboard.schema_version").scalar == String(SchemaVersion.supported))
        #expect(try SchemaVersion.read(connection) == SchemaVersion.supported)
    }

    @Test func theRolesExistEachWithTheOneBefore() throws {
        let connection = try TestDatabase().initialised()
        let members = try connection.execute(
            """
            SELECT r.rolname, m.rolname FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.member JOIN pg_roles m ON m.oid = a.roleid
            WHERE r.rolname IN ('caseboard_coordinator', 'caseboard_admin') ORDER BY 1
            """)
        #expect(members.count == 2)
        #expect(members[0, 0] == "caseboard_admin" && members[0, 1] == "caseboard_coordinator")
        #expect(members[1, 0] == "caseboard_coordinator" && members[1, 1] == "caseboard_viewer")
        let owner = try connection.execute("SELECT tableowner FROM pg_tables WHERE schemaname = 'caseboard' AND tablename = 'events'")
        #expect(owner.scalar == "caseboard_admin")
        // Groups, not logins: people log in as themselves.
        let logins = try connection.execute(
            "SELECT count(*) FROM pg_roles WHERE rolname IN ('caseboard_viewer', 'caseboard_coordinator', 'caseboard_admin') AND rolcanlogin"
        )
        #expect(logins.scalar == "0")
    }

    @Test func aNewerSchemaIsRefusedNamingBothVersions() throws {
        let database = try TestDatabase()
        let connection = try database.initialised()
        try connection.execute("INSERT INTO caseboard.schema_version (version) VALUES (999)")
        let error = #expect(throws: DatabaseRefusal.self) { try SchemaSetUp.run(connection) }
        #expect(error?.message.contains("version 999") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("version \(SchemaVersion.supported)") == true)
        // Nothing was applied or recorded, and push and pull refuse it too.
        #expect(try connection.execute("SELECT count(*) FROM caseboard.schema_version").scalar == String(SchemaVersion.supported + 1))
        #expect(throws: DatabaseRefusal.self) { try DatabasePush.run(directory: TestDatabase.sample, into: connection) }
        #expect(throws: DatabaseRefusal.self) { try DatabasePull.run(from: connection, to: TestDatabase.scratchPath("newer")) }
    }

    @Test func pushAndPullNeedTheSchemaFirst() throws {
        let connection = try TestDatabase().connect()
        let error = #expect(throws: DatabaseRefusal.self) { try DatabasePush.run(directory: TestDatabase.sample, into: connection) }
        #expect(error?.message.contains("db init") == true)
    }

    static func tables(_ connection: PostgresConnection) throws -> [String] {
        let rows = try connection.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'caseboard' ORDER BY tablename")
        return (0..<rows.count).compactMap { rows[$0, 0] }
    }
}
