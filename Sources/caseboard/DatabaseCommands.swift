import ArgumentParser
import CaseboardKit
import CaseboardPostgres
import Foundation

/// `caseboard db …`: set up a PostgreSQL database for Caseboard and move a data directory in and out of it.
/// See docs/team.md.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Set up a PostgreSQL database and move a data directory in and out of it (see docs/team.md).",
        subcommands: [DatabaseInitCommand.self, DatabasePushCommand.self, DatabasePullCommand.self, DatabaseStatusCommand.self])

    /// Runs `body`, turning a refusal or a server error into one line on standard error and exit 1.
    /// `directory`: the data directory being read or written, named when its files have problems.
    static func reporting<T>(_ command: String, directory: String = "", _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as LoadFailure {
            DataOptions.report(failure, in: directory)
        } catch let refusal as DatabaseRefusal {
            Output.error("caseboard \(command): \(refusal.message)")
        } catch let error as PostgresError {
            Output.error("caseboard \(command): \(error.message)")
        } catch let error as AtomicFile.WriteError {
            Output.error("caseboard \(command): \(error)")
        }
        throw ExitCode(1)
    }

    static func seconds(since start: Date) -> String { String(format: "%.2f s", Date().timeIntervalSince(start)) }
}

struct DatabaseInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the roles, the schema and its grants, or bring an older schema up to date.",
        discussion: """
            Run it as a superuser, or as a user who can create roles and is a member of caseboard_admin. Running it \
            again changes nothing; it refuses a schema newer than this Caseboard's.
            """)

    @OptionGroup var store: StoreOptions

    func run() throws {
        let connection = try store.connect("db init")
        let outcome = try DatabaseCommand.reporting("db init") { try SchemaSetUp.run(connection) }
        if !outcome.createdRoles.isEmpty {
            Output.print("Created the roles \(outcome.createdRoles.map(\.rawValue).joined(separator: ", ")).\n")
        }
        if outcome.from == outcome.to {
            Output.print("\(connection.description): the Caseboard schema is at version \(outcome.to) already; grants checked.\n")
        } else {
            Output.print("\(connection.description): the Caseboard schema is now at version \(outcome.to) (it was \(outcome.from)).\n")
        }
    }
}

struct DatabasePushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Load a data directory (its files, journal and archive) into an empty database, in one transaction.",
        discussion: "The directory is checked first, as caseboard validate checks it; nothing is written unless all of it loads.")

    @Argument(help: "The data directory.", completion: .directory) var directory: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        // A large directory takes a while to copy in: the usual 30-second limit per statement would stop it.
        let connection = try store.connect("db push", statementTimeout: .seconds(1800))
        let started = Date()
        let counts = try DatabaseCommand.reporting("db push", directory: directory) {
            try DatabasePush.run(directory: directory, into: connection)
        }
        Output.print(
            "Pushed \(directory) into \(connection.description) in \(DatabaseCommand.seconds(since: started)): \(counts.summary).\n")
    }
}

struct DatabasePullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Write the database out as a data directory (new or empty), from one consistent snapshot.")

    @Argument(help: "The directory to write: new, or empty.", completion: .directory) var directory: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        let connection = try store.connect("db pull", statementTimeout: .seconds(1800))
        let started = Date()
        let counts = try DatabaseCommand.reporting("db pull", directory: directory) {
            try DatabasePull.run(from: connection, to: directory)
        }
        Output.print(
            "Pulled \(connection.description) into \(directory) in \(DatabaseCommand.seconds(since: started)): \(counts.summary).\n")
    }
}

struct DatabaseStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "The schema version, the rows in each table, and who is connected (login names only).")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let connection = try store.connect("db status")
        let status = try DatabaseCommand.reporting("db status") { try DatabaseStatus.read(connection) }
        var lines = ["Database:   \(connection.description)"]
        switch status.version {
        case 0: lines.append("Schema:     none (run caseboard db init)")
        case SchemaVersion.supported: lines.append("Schema:     version \(status.version)")
        default: lines.append("Schema:     version \(status.version) (this Caseboard's is \(SchemaVersion.supported))")
        }
        if let counts = status.counts {
            let width = counts.rows.map(\.table.count).max() ?? 0
            for row in counts.rows {
                lines.append(
                    "  " + row.table.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + Money.grouped(UInt64(row.count)))
            }
        }
        let users = status.connected.map { "\($0.user) (\($0.connections))" }
        lines.append("Connected:  " + (users.isEmpty ? "nobody" : users.joined(separator: ", ")))
        Output.print(lines.joined(separator: "\n") + "\n")
    }
}
