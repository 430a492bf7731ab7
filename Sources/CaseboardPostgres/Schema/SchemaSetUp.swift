/// `caseboard db init`: the roles, the schema and its grants, brought up to this Caseboard's version in one
/// transaction. Running it again changes nothing; running it against a newer schema is refused.
public enum SchemaSetUp {
    public struct Outcome: Equatable, Sendable {
        /// The version found (0: none) and the version left.
        public var from: Int
        public var to: Int
        /// Roles this run created (the rest were there already).
        public var createdRoles: [CaseboardRole]
    }

    /// Serialises concurrent inits on one database: a fixed key for pg_advisory_xact_lock.
    static let lockKey = "4702113011"

    /// Needs a superuser, or a user who may create roles (when they are missing) and is a member of
    /// caseboard_admin, which owns everything it creates.
    public static func run(_ connection: PostgresConnection) throws -> Outcome {
        try connection.transaction {
            try connection.execute("SELECT pg_advisory_xact_lock($1::bigint)", [lockKey])
            let missing = try connection.execute(RoleStatements.missing)
            let created = (0..<missing.count).compactMap { missing[$0, 0].flatMap(CaseboardRole.init(rawValue:)) }
            do {
                if !created.isEmpty { try connection.execute(RoleStatements.create) }
                // Only when missing: creating a schema needs CREATE on the database, which an admin re-running init may lack.
                if try connection.execute("SELECT to_regnamespace('caseboard') IS NULL").scalar == "t" {
                    try connection.execute("CREATE SCHEMA caseboard AUTHORIZATION caseboard_admin")
                }
                // Everything below is created as, and owned by, caseboard_admin; schema_version still records who ran it.
                try connection.execute("SET LOCAL ROLE caseboard_admin")
            } catch let error as PostgresError where error.isPermissionDenied {
                // The user running init cannot do it: say what it needs.
                throw DatabaseRefusal(
                    "db init needs a superuser, or a user who can create roles and is a member of caseboard_admin: \(error.message)")
            }
            try connection.execute(
                """
                CREATE TABLE IF NOT EXISTS caseboard.schema_version (
                    version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now(),
                    applied_by text NOT NULL DEFAULT session_user)
                """)
            let found = try SchemaVersion.read(connection)
            try SchemaVersion.refuseNewer(found)
            for migration in Migrations.all where migration.version > found {
                for statement in migration.statements { try connection.execute(statement) }
                try connection.execute("INSERT INTO caseboard.schema_version (version) VALUES ($1::integer)", [String(migration.version)])
            }
            for grant in RoleStatements.grants { try connection.execute(grant) }
            return Outcome(from: found, to: max(found, Migrations.latest), createdRoles: created)
        }
    }
}
