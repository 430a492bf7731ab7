/// How many rows each Caseboard table holds: for `db status`, and for push's refusal of a database that
/// already holds data.
public struct TableCounts: Equatable, Sendable {
    /// Table names and row counts, in the order of the data files, then the events.
    public var rows: [(table: String, count: Int)]

    public static func == (lhs: TableCounts, rhs: TableCounts) -> Bool {
        lhs.rows.map(\.table) == rhs.rows.map(\.table) && lhs.rows.map(\.count) == rhs.rows.map(\.count)
    }

    static let tables = ["themes", "partners", "contacts", "projects", "funding_streams", "allocations", "events", "events_archive"]

    public static func read(_ connection: PostgresConnection) throws -> TableCounts {
        let result = try connection.execute(
            """
            SELECT (SELECT count(*) FROM caseboard.themes), (SELECT count(*) FROM caseboard.partners),
            (SELECT count(*) FROM caseboard.contacts), (SELECT count(*) FROM caseboard.projects),
            (SELECT count(*) FROM caseboard.funding_streams), (SELECT count(*) FROM caseboard.allocations),
            (SELECT count(*) FROM caseboard.events), (SELECT count(*) FROM caseboard.events_archive)
            """)
        return TableCounts(rows: tables.enumerated().map { ($1, Int(result[0, $0] ?? "0") ?? 0) })
    }

    public var isEmpty: Bool { rows.allSatisfy { $0.count == 0 } }

    /// `4 themes, 30 projects, 12 events`: the tables that hold anything.
    public var summary: String {
        rows.filter { $0.count > 0 }.map { "\($0.count) \($0.table.replacingOccurrences(of: "_", with: " "))" }.joined(separator: ", ")
    }
}
