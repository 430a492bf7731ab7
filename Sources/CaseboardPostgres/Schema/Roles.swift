/// The three roles a VRU needs, and what each may do: enforced by the server's grants, whatever client is used.
/// Each is a group (NOLOGIN): people log in as themselves and are made members (`GRANT caseboard_viewer TO
/// alice`). Each role has everything the one before it has.
public enum CaseboardRole: String, CaseIterable, Sendable {
    /// Reads everything: browse, list, show, history, export, report.
    case viewer = "caseboard_viewer"
    /// Also appends events: status changes, notes, undo, edits.
    case coordinator = "caseboard_coordinator"
    /// Owns the schema: also push, compaction, migrations; the only role that may change or delete events.
    case admin = "caseboard_admin"
}

enum RoleStatements {
    /// Creates whichever roles are missing (only that needs CREATEROLE), each a member of the one before.
    /// Creates whichever roles are missing (only that needs CREATEROLE), each a member of the one before.
    /// Roles belong to the whole server, not one database: two inits of two databases at once may both try,
    /// and the loser finds the role made.
    static let create: StaticString = """
        DO $$
        BEGIN
            BEGIN
                CREATE ROLE caseboard_viewer NOLOGIN;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END;
            BEGIN
                CREATE ROLE caseboard_coordinator NOLOGIN IN ROLE caseboard_viewer;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END;
            BEGIN
                CREATE ROLE caseboard_admin NOLOGIN IN ROLE caseboard_coordinator;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END;
        END
        $$
        """

    static let missing: StaticString = """
        SELECT name FROM unnest(ARRAY['caseboard_viewer', 'caseboard_coordinator', 'caseboard_admin']) AS name
        WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = name)
        """

    /// Run after every migration, so tables a later version adds get the same grants. caseboard_admin owns
    /// the schema and its tables, so it has every privilege without a grant. A coordinator inserts events but
    /// never their time or author, which the server fills in; nobody but the owner may update or delete them.
    static let grants: [StaticString] = [
        "GRANT USAGE ON SCHEMA caseboard TO caseboard_viewer",
        "GRANT SELECT ON ALL TABLES IN SCHEMA caseboard TO caseboard_viewer",
        """
        GRANT INSERT (id, project, kind, from_status, to_status, note, undoes, source, reason, owner, review, changes)
        ON caseboard.events TO caseboard_coordinator
        """,
    ]
}
