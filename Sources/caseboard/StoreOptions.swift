import ArgumentParser
import CaseboardPostgres
import Foundation

/// `--store`: which PostgreSQL database. Any libpq connection string, so an IT team's usual set-up works as it is.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The database, as a libpq connection string.",
            discussion: """
                postgresql://host/dbname?sslmode=verify-full, or host=… dbname=… pairs, or a service (service=caseboard). \
                Default: $CASEBOARD_STORE, else libpq's own defaults (PGHOST, PGDATABASE, PGUSER, PGSERVICE, ~/.pgpass). \
                Put passwords in ~/.pgpass, not here: a command line is visible to other users of the machine.
                """,
            valueName: "CONNECTION"))
    var store: String?

    /// An empty value is a mistake (an unset variable in a script), not a request for libpq's defaults.
    func validate() throws {
        if store?.isEmpty == true {
            throw ValidationError("--store needs a connection string; leave it out to use $CASEBOARD_STORE or libpq's defaults")
        }
        if store == nil, ProcessInfo.processInfo.environment["CASEBOARD_STORE"]?.isEmpty == true {
            throw ValidationError("CASEBOARD_STORE is set but empty; unset it to use libpq's defaults, or set it to a connection string")
        }
    }

    /// `--store`, else CASEBOARD_STORE, else "" (everything from libpq's defaults).
    var conninfo: String { store ?? ProcessInfo.processInfo.environment["CASEBOARD_STORE"] ?? "" }

    /// Connects, or ends the command with the reason (which never holds the password).
    func connect(_ command: String, statementTimeout: Duration = .seconds(30)) throws -> PostgresConnection {
        do {
            return try PostgresConnection(conninfo: conninfo, statementTimeout: statementTimeout)
        } catch {
            Output.error("caseboard \(command): \(error.message)")
            throw ExitCode(1)
        }
    }
}
