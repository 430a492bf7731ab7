import CaseboardKit
import Foundation
import Testing

/// `caseboard db …` as a person types it: the real binary against the throwaway server.
@Suite("caseboard db")
struct DatabaseCommandTests {
    /// The `caseboard` binary that `swift test` built beside the test bundle.
    static var caseboard: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: exe).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("caseboard").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return TestDatabase.repositoryRoot + "/.build/debug/caseboard"
    }

    static func caseboard(_ arguments: [String], environment: [String: String] = [:]) throws -> Spawned.Result {
        let output = TestDatabase.scratchPath("output")
        defer { try? FileManager.default.removeItem(atPath: output) }
        return try Spawned.run([caseboard] + arguments, outputPath: output, environment: environment)
    }

    @Test func initPushPullAndStatusFromTheCommandLine() throws {
        let database = try TestDatabase()
        let store = ["--store", database.conninfo]
        let first = try Self.caseboard(["db", "init"] + store)
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("now at version 1 (it was 0)"))
        let again = try Self.caseboard(["db", "init"] + store)
        #expect(again.output.contains("at version 1 already"), "\(again.output)")
        // CASEBOARD_STORE is used when --store is left out.
        let pushed = try Self.caseboard(["db", "push", TestDatabase.sample], environment: ["CASEBOARD_STORE": database.conninfo])
        #expect(pushed.status == 0, "\(pushed.output)")
        #expect(pushed.output.contains("36 projects"))
        let refused = try Self.caseboard(["db", "push", TestDatabase.sample] + store)
        #expect(refused.status == 256, "\(refused.output)")  // exit 1
        #expect(refused.output.contains("already holds data"))
        let pulled = TestDatabase.scratchPath("cli-pull")
        defer { try? FileManager.default.removeItem(atPath: pulled) }
        let pull = try Self.caseboard(["db", "pull", pulled] + store)
        #expect(pull.status == 0, "\(pull.output)")
        #expect(try TestDatabase.files(in: pulled) == TestDatabase.files(in: TestDatabase.sample))
        let status = try Self.caseboard(["db", "status"] + store)
        #expect(status.status == 0, "\(status.output)")
        #expect(status.output.contains("Schema:     version 1"))
        #expect(status.output.contains("  projects         36"), "\(status.output)")
        #expect(status.output.contains("Connected:  \(ThrowawayServer.superuser) (1)"))
    }

    @Test func aWrongPasswordOnTheCommandLineIsNeverPrinted() throws {
        let database = try TestDatabase()
        #expect(try Self.caseboard(["db", "init", "--store", database.conninfo]).status == 0)
        try RoleLogins.create(database)
        let secret = "Cl1-Secret-Word"
        let conninfo = database.server.conninfo(database: database.name, user: RoleLogins.viewer, password: secret)
        let result = try Self.caseboard(["db", "status", "--store", conninfo])
        #expect(result.status == 256)
        #expect(result.output.contains("password authentication failed"), "\(result.output)")
        #expect(!result.output.contains(secret))
    }

    @Test func anEmptyStoreIsAMistakeNotTheDefaults() throws {
        let result = try Self.caseboard(["db", "status", "--store", ""])
        #expect(result.status == 64 << 8, "\(result.output)")
        #expect(result.output.contains("--store needs a connection string"))
    }
}
