/// The version of the Caseboard schema in a database, and whether this Caseboard can work with it.
public enum SchemaVersion {
    /// The version this Caseboard creates and understands.
    public static var supported: Int { Migrations.latest }

    /// The database's version: 0 when `db init` has never run there.
    public static func read(_ connection: PostgresConnection) throws(PostgresError) -> Int {
        let table = try connection.execute("SELECT to_regclass('caseboard.schema_version') IS NOT NULL")
        guard table.scalar == "t" else { return 0 }
        return Int(try connection.execute("SELECT coalesce(max(version), 0) FROM caseboard.schema_version").scalar ?? "0") ?? 0
    }

    /// Refuses a schema newer than this Caseboard, naming both versions.
    static func refuseNewer(_ version: Int) throws(DatabaseRefusal) {
        if version > supported {
            throw DatabaseRefusal(
                "the database's Caseboard schema is version \(version), newer than this Caseboard's (version \(supported)); "
                    + "use a Caseboard at least as new as the one that last ran db init there")
        }
    }

    /// For push and pull, which read and write every table: the schema must be exactly this Caseboard's.
    public static func require(_ connection: PostgresConnection) throws -> Int {
        let version = try read(connection)
        if version == 0 { throw DatabaseRefusal("this database has no Caseboard schema; run `caseboard db init` first") }
        try refuseNewer(version)
        if version < supported {
            throw DatabaseRefusal(
                "the database's Caseboard schema is version \(version), older than this Caseboard's (version \(supported)); "
                    + "run `caseboard db init` to bring it up to date")
        }
        return version
    }
}
