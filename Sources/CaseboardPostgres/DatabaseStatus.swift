/// `caseboard db status`: which schema version the database has, what it holds, and who is connected to it
/// now (login names only: no addresses, no queries).
public struct DatabaseStatus: Sendable {
    public var version: Int
    /// nil when there is no schema yet.
    public var counts: TableCounts?
    /// Each login connected to this database, with how many connections it has.
    public var connected: [(user: String, connections: Int)]

    public static func read(_ connection: PostgresConnection) throws -> DatabaseStatus {
        try connection.snapshot {
            let version = try SchemaVersion.read(connection)
            // A newer schema may have moved tables: only count what this version knows is there.
            let counts = version >= 1 && version <= SchemaVersion.supported ? try TableCounts.read(connection) : nil
            let users = try connection.execute(
                """
                SELECT usename, count(*) FROM pg_stat_activity WHERE datname = current_database() AND usename IS NOT NULL
                GROUP BY usename ORDER BY usename
                """)
            let connected = (0..<users.count).map { (users[$0, 0] ?? "", Int(users[$0, 1] ?? "0") ?? 0) }
            return DatabaseStatus(version: version, counts: counts, connected: connected)
        }
    }
}
