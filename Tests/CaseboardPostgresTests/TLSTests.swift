import CaseboardPostgres
import Testing

/// `sslmode=verify-full` is libpq's; these check that Caseboard's connection hands it through untouched, over
/// TCP to the throwaway server, whose certificate names `localhost` and is signed by a CA of the tests' own.
@Suite("TLS")
struct TLSTests {
    @Test func verifyFullConnectsWhenTheCertificateIsTrustedAndNamesTheHost() throws {
        let database = try TestDatabase()
        _ = try database.initialised()
        try RoleLogins.create(database)
        let conninfo = database.server.tlsConninfo(
            database: database.name, user: RoleLogins.viewer, password: RoleLogins.password, rootCertificate: database.server.caCertificate)
        let connection = try PostgresConnection(conninfo: conninfo)
        #expect(try connection.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").scalar == "t")
        #expect(try connection.execute("SELECT session_user").scalar == RoleLogins.viewer)
    }

    @Test func verifyFullRefusesAnUntrustedCertificateOrAnotherHostName() throws {
        let database = try TestDatabase()
        _ = try database.initialised()
        try RoleLogins.create(database)
        let server = database.server
        let untrusted = server.tlsConninfo(
            database: database.name, user: RoleLogins.viewer, password: RoleLogins.password, rootCertificate: server.otherCACertificate)
        let wrongName = server.tlsConninfo(
            database: database.name, user: RoleLogins.viewer, password: RoleLogins.password, host: "127.0.0.1",
            rootCertificate: server.caCertificate)
        for (conninfo, reason) in [(untrusted, "certificate verify failed"), (wrongName, "does not match host name")] {
            let error = #expect(throws: PostgresError.self) { try PostgresConnection(conninfo: conninfo) }
            #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
            #expect(error?.message.contains(RoleLogins.password) == false)
        }
    }
}
