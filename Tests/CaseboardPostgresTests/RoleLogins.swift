import CaseboardPostgres

/// Login roles for the tests, one member of each Caseboard role, with a known password. Roles belong to the
/// whole server, so every test shares them; creating them again is harmless.
enum RoleLogins {
    static let viewer = "caseboard_test_viewer"
    static let coordinator = "caseboard_test_coordinator"
    static let admin = "caseboard_test_admin"
    static let password = "test-login-pass"

    /// Needs the Caseboard roles, so `db init` first.
    static func create(_ database: TestDatabase) throws {
        let connection = try database.connect()
        try connection.execute(
            """
            DO $$
            BEGIN
                BEGIN
                    CREATE ROLE caseboard_test_viewer LOGIN PASSWORD 'test-login-pass' IN ROLE caseboard_viewer;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END;
                BEGIN
                    CREATE ROLE caseboard_test_coordinator LOGIN PASSWORD 'test-login-pass' IN ROLE caseboard_coordinator;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END;
                BEGIN
                    CREATE ROLE caseboard_test_admin LOGIN PASSWORD 'test-login-pass' IN ROLE caseboard_admin;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END;
            END
            $$
            """)
    }

    static func connect(_ database: TestDatabase, as user: String) throws -> PostgresConnection {
        try PostgresConnection(conninfo: database.server.conninfo(database: database.name, user: user, password: password))
    }
}
