/// One step of the schema, applied once, in order, and recorded in `caseboard.schema_version`. A step is
/// never edited once released: a change to the schema is a new step.
struct Migration {
    var version: Int
    var statements: [StaticString]
}

enum Migrations {
    static let all = [Migration(version: 1, statements: version1)]
    static var latest: Int { all.last!.version }

    /// The collections as tables, one row per record, columns named after the data files' fields (`start` and
    /// `end` are `start_date` and `end_date`, which SQL does not reserve). `position` keeps each file's order,
    /// so a pull writes the records back where they were; `retired` is the files' `"retired": true`.
    /// References are checked at commit, so a load may insert the tables in any order.
    static let version1: [StaticString] = [
        """
        CREATE TABLE caseboard.themes (
            id text PRIMARY KEY, position integer NOT NULL UNIQUE, name text NOT NULL, description text NOT NULL)
        """,
        """
        CREATE TABLE caseboard.partners (
            id text PRIMARY KEY, position integer NOT NULL UNIQUE, name text NOT NULL, kind text NOT NULL,
            district text NOT NULL, provenance text, retired boolean NOT NULL DEFAULT false)
        """,
        """
        CREATE TABLE caseboard.contacts (
            id text PRIMARY KEY, position integer NOT NULL UNIQUE, name text NOT NULL, role text NOT NULL,
            organisation text NOT NULL REFERENCES caseboard.partners DEFERRABLE INITIALLY DEFERRED,
            email text NOT NULL DEFAULT '', phone text NOT NULL DEFAULT '', retired boolean NOT NULL DEFAULT false)
        """,
        """
        CREATE TABLE caseboard.projects (
            id text PRIMARY KEY, position integer NOT NULL UNIQUE, title text NOT NULL,
            theme text NOT NULL REFERENCES caseboard.themes DEFERRABLE INITIALLY DEFERRED,
            secondary_themes text[] NOT NULL DEFAULT '{}',
            status text NOT NULL CHECK (status IN ('proposed', 'approved', 'active', 'at-risk', 'paused', 'completed', 'closed')),
            lead text NOT NULL REFERENCES caseboard.partners DEFERRABLE INITIALLY DEFERRED,
            partners text[] NOT NULL DEFAULT '{}', districts text[] NOT NULL, start_date date, end_date date,
            summary text NOT NULL DEFAULT '', contacts text[] NOT NULL DEFAULT '{}', tags text[] NOT NULL DEFAULT '{}',
            risk_reason text, risk_owner text, review_date date, provenance text, retired boolean NOT NULL DEFAULT false)
        """,
        """
        CREATE TABLE caseboard.funding_streams (
            id text PRIMARY KEY, position integer NOT NULL UNIQUE, name text NOT NULL,
            funder text NOT NULL REFERENCES caseboard.partners DEFERRABLE INITIALLY DEFERRED, years text[] NOT NULL,
            total_pence bigint NOT NULL CHECK (total_pence >= 0), notes text NOT NULL DEFAULT '', provenance text,
            retired boolean NOT NULL DEFAULT false)
        """,
        """
        CREATE TABLE caseboard.allocations (
            stream text NOT NULL REFERENCES caseboard.funding_streams DEFERRABLE INITIALLY DEFERRED,
            position integer NOT NULL,
            project text NOT NULL REFERENCES caseboard.projects DEFERRABLE INITIALLY DEFERRED,
            amount_pence bigint NOT NULL CHECK (amount_pence >= 0), year text NOT NULL, spent_pence bigint,
            spent_quarters_pence bigint[] NOT NULL DEFAULT '{}', provenance text, retired boolean NOT NULL DEFAULT false,
            PRIMARY KEY (stream, position))
        """,
        // The journal: one row per event, columns named after its JSON fields (`from` and `to` are
        // `from_status` and `to_status`). `seq` keeps the order events were written in. The time and the author
        // are the server's own when the client leaves them out, and a coordinator may not supply them (see the
        // grants): the author is the login that wrote the row, not a name the client chose.
        """
        CREATE TABLE caseboard.events (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id text NOT NULL UNIQUE,
            time timestamptz NOT NULL DEFAULT now(), author text NOT NULL DEFAULT session_user, project text NOT NULL,
            kind text NOT NULL CHECK (kind IN ('status', 'note', 'undo', 'edit')),
            from_status text, to_status text, note text, undoes text, source text, reason text, owner text, review text,
            changes jsonb)
        """,
        // Events folded into the collections by a compaction: the audit trail, kept for good.
        """
        CREATE TABLE caseboard.events_archive (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id text NOT NULL UNIQUE, time timestamptz NOT NULL,
            author text NOT NULL, project text NOT NULL, kind text NOT NULL CHECK (kind IN ('status', 'note', 'undo', 'edit')),
            from_status text, to_status text, note text, undoes text, source text, reason text, owner text, review text,
            changes jsonb, archived_at timestamptz NOT NULL DEFAULT now())
        """,
        "CREATE INDEX events_project ON caseboard.events (project)",
        "CREATE INDEX events_archive_project ON caseboard.events_archive (project)",
    ]
}
