import CaseboardPostgres
import Testing

/// What each role may do is the server's decision: these connect as members of each and try.
@Suite("Roles")
struct RoleTests {
    @Test func aViewerReadsButCannotWriteEvents() throws {
        let database = try TestDatabase()
        let admin = try database.initialised()
        _ = try DatabasePush.run(directory: TestDatabase.sample, into: admin)
        try RoleLogins.create(database)
        let viewer = try RoleLogins.connect(database, as: RoleLogins.viewer)
        #expect(try viewer.execute("SELECT count(*) FROM caseboard.projects").scalar == "36")
        let error = #expect(throws: PostgresError.self) {
            try viewer.execute(
                "INSERT INTO caseboard.events (id, project, kind, note) VALUES ($1, $2, 'note', $3)",
                ["e1", "programme-precision", "hello"])
        }
        #expect(error?.isPermissionDenied == true, "\(error?.message ?? "")")
        #expect(throws: PostgresError.self) { try viewer.execute("UPDATE caseboard.projects SET status = 'closed'") }
        #expect(try admin.execute("SELECT count(*) FROM caseboard.events").scalar == "0")
    }

    @Test func aCoordinatorAppendsEventsAsThemselvesAndCannotRewriteThem() throws {
        let database = try TestDatabase()
        _ = try database.initialised()
        try RoleLogins.create(database)
        let coordinator = try RoleLogins.connect(database, as: RoleLogins.coordinator)
        let inserted = try coordinator.execute(
            "INSERT INTO caseboard.events (id, project, kind, note) VALUES ($1, $2, 'note', $3) RETURNING author, time <= now()",
            ["e1", "programme-precision", "hello"])
        #expect(inserted[0, 0] == RoleLogins.coordinator)
        #expect(inserted[0, 1] == "t")
        // The author is the server's to record, not the client's to claim.
        let claimed = #expect(throws: PostgresError.self) {
            try coordinator.execute(
                "INSERT INTO caseboard.events (id, author, project, kind, note) VALUES ('e2', 'alice', 'p', 'note', 'x')")
        }
        #expect(claimed?.isPermissionDenied == true)
        for statement: StaticString in [
            "UPDATE caseboard.events SET note = 'changed'", "DELETE FROM caseboard.events", "TRUNCATE caseboard.events",
            "INSERT INTO caseboard.projects (id, position, title, theme, status, lead, districts) VALUES ('x', 1, 'x', 'x', 'active', 'x', '{}')",
        ] {
            let error = #expect(throws: PostgresError.self) { try coordinator.execute(statement) }
            #expect(error?.isPermissionDenied == true, "\(statement): \(error?.message ?? "")")
        }
        #expect(try coordinator.execute("SELECT note FROM caseboard.events").scalar == "hello")
    }

    @Test func anAdminPushesAndRerunsInitButAViewerCannotInit() throws {
        let database = try TestDatabase()
        _ = try database.initialised()
        try RoleLogins.create(database)
        // Not a superuser and unable to create roles or schemas: membership of caseboard_admin is enough.
        let admin = try RoleLogins.connect(database, as: RoleLogins.admin)
        let again = try SchemaSetUp.run(admin)
        #expect(again.from == SchemaVersion.supported && again.to == SchemaVersion.supported)
        _ = try DatabasePush.run(directory: TestDatabase.sample, into: admin)
        #expect(try admin.execute("SELECT count(*) FROM caseboard.projects").scalar == "36")
        let viewer = try RoleLogins.connect(database, as: RoleLogins.viewer)
        let error = #expect(throws: DatabaseRefusal.self) { try SchemaSetUp.run(viewer) }
        #expect(error?.message.contains("db init needs a superuser") == true, "\(error?.message ?? "")")
        #expect(throws: PostgresError.self) { try DatabasePush.run(directory: TestDatabase.sample, into: viewer) }
    }
}
