import CaseboardKit
import CaseboardPostgres
import Foundation

/// A fresh database in the throwaway server, for one test.
struct TestDatabase {
    let server: ThrowawayServer
    let name: String

    init() throws {
        server = try ThrowawayServer.start()
        name = try server.createDatabase()
    }

    var conninfo: String { server.conninfo(database: name) }

    /// Connected as the test superuser.
    func connect(statementTimeout: Duration = .seconds(30)) throws -> PostgresConnection {
        try PostgresConnection(conninfo: conninfo, statementTimeout: statementTimeout)
    }

    /// Connected, with `db init` run.
    func initialised() throws -> PostgresConnection {
        let connection = try connect()
        _ = try SchemaSetUp.run(connection)
        return connection
    }

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    static var sample: String { repositoryRoot + "/Fixtures/west-yorkshire" }

    /// A new directory path under the temporary directory (not created).
    static func scratchPath(_ label: String) -> String { NSTemporaryDirectory() + "caseboard-pg-test-\(label)-\(UUID().uuidString)" }

    /// A private copy of the sample, so tests never write to Fixtures/.
    static func sampleCopy() throws -> String {
        let path = scratchPath("sample")
        try FileManager.default.copyItem(atPath: sample, toPath: path)
        return path
    }

    /// Every file in a directory, by name.
    static func files(in directory: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            out[name] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
        }
        return out
    }
}
