import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A PostgreSQL server of the tests' own: `initdb` and `pg_ctl start` in a fresh temporary directory, on a
/// Unix socket, and on a free port of 127.0.0.1 for TLS only (with a certificate for `localhost` from a
/// throwaway CA); stopped and removed when the test process exits. One per test process; each test makes its
/// own database in it.
///
/// PostgreSQL refuses to run as root, and CI runs as root: then the server runs as the unprivileged system
/// user `caseboard-pg` (scripts/install-needs --tests creates it), which owns the directory.
final class ThrowawayServer: Sendable {
    static let serverUser = "caseboard-pg"
    /// The superuser initdb creates; local connections as it need no password.
    static let superuser = "caseboard_test"

    let directory: String
    let socketDirectory: String
    let binaries: String
    /// The TCP port, which also names the socket file.
    let port: Int
    /// The CA that signed the server's certificate, and one that did not.
    var caCertificate: String { directory + "/ca.crt" }
    var otherCACertificate: String { directory + "/other-ca.crt" }

    /// Started on first use; a failure to start fails every test that needs it, saying why.
    static let shared: Result<ThrowawayServer, ServerError> = Result { () throws(ServerError) in try ThrowawayServer() }

    struct ServerError: Error, CustomStringConvertible {
        var description: String
    }

    static func start() throws -> ThrowawayServer { try shared.get() }

    private init() throws(ServerError) {
        binaries = try Self.findBinaries()
        port = try Self.freePort()
        let asRoot = getuid() == 0
        // Under /tmp when root: the server user must be able to reach it, and root's TMPDIR may be private.
        var template = Array(((asRoot ? "/tmp/" : NSTemporaryDirectory()) + "caseboard-pg-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw ServerError(description: "cannot make a temporary directory") }
        directory = String(cString: made)
        socketDirectory = directory + "/socket"
        if asRoot {
            guard let user = getpwnam(Self.serverUser) else {
                throw ServerError(
                    description: "the tests run as root, and PostgreSQL will not; they run it as the system user "
                        + "\(Self.serverUser), which does not exist: run scripts/install-needs --tests (it creates it)")
            }
            chown(directory, user.pointee.pw_uid, user.pointee.pw_gid)
        }
        mkdir(socketDirectory, 0o700)
        if asRoot, let user = getpwnam(Self.serverUser) { chown(socketDirectory, user.pointee.pw_uid, user.pointee.pw_gid) }
        try run(
            "initdb",
            ["-D", directory + "/data", "-U", Self.superuser, "--auth-local=trust", "--auth-host=reject", "-E", "UTF8", "--no-sync"])
        try makeCertificates()
        // Trust for the test superuser on the socket, passwords for everyone else; TCP only with TLS.
        let hba = "local all \(Self.superuser) trust\nlocal all all scram-sha-256\nhostssl all all 127.0.0.1/32 scram-sha-256\n"
        try write(hba, to: directory + "/data/pg_hba.conf")
        let options =
            "-k \(socketDirectory) -c listen_addresses=127.0.0.1 -p \(port) -c fsync=off -c full_page_writes=off -c ssl=on "
            + "-c ssl_cert_file=\(directory)/server.crt -c ssl_key_file=\(directory)/server.key"
        try run("pg_ctl", ["-D", directory + "/data", "-l", directory + "/server.log", "-o", options, "-w", "-t", "60", "start"])
        atexit { ThrowawayServer.stopAtExit() }
    }

    /// A connection string for `database` as `user` (the test superuser by default).
    func conninfo(database: String, user: String = ThrowawayServer.superuser, password: String? = nil) -> String {
        var text = "host=\(socketDirectory) port=\(port) dbname=\(database) user=\(user)"
        if let password { text += " password=\(password)" }
        return text
    }

    /// A CA, a server certificate it signs for `localhost` (the key readable by the server alone), and a
    /// second CA that signs nothing: made with openssl as the server's user, so the server owns its key.
    private func makeCertificates() throws(ServerError) {
        let openssl = "/usr/bin/openssl"
        guard FileManager.default.isExecutableFile(atPath: openssl) else {
            throw ServerError(description: "the TLS tests need \(openssl): install openssl (scripts/install-needs --tests does)")
        }
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        func file(_ name: String) -> String { directory + "/" + name }
        for ca in ["ca", "other-ca"] {
            try run(
                openssl,
                ["req", "-x509"] + key + [
                    "-days", "2", "-subj", "/CN=caseboard test \(ca)", "-keyout", file("\(ca).key"), "-out", file("\(ca).crt"),
                ])
        }
        try run(openssl, ["req"] + key + ["-subj", "/CN=localhost", "-keyout", file("server.key"), "-out", file("server.csr")])
        try write("subjectAltName=DNS:localhost\n", to: file("server.ext"), asServerUser: true)
        try run(
            openssl,
            [
                "x509", "-req", "-in", file("server.csr"), "-CA", file("ca.crt"), "-CAkey", file("ca.key"), "-CAcreateserial", "-days", "2",
                "-extfile", file("server.ext"), "-out", file("server.crt"),
            ])
    }

    /// A port nobody is listening on now: the kernel's pick for a socket bound to port 0.
    private static func freePort() throws(ServerError) -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError(description: "cannot open a socket to find a free port") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw ServerError(description: "cannot find a free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A connection string over TCP and TLS to `host` (localhost is the name on the certificate).
    func tlsConninfo(database: String, user: String, password: String, host: String = "localhost", rootCertificate: String) -> String {
        "host=\(host) port=\(port) dbname=\(database) user=\(user) password=\(password) sslmode=verify-full sslrootcert=\(rootCertificate)"
    }

    /// Looks in /usr/lib/postgresql/*/bin (Debian's layout), newest version first.
    private static func findBinaries() throws(ServerError) -> String {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
            let bin = "\(root)/\(version)/bin"
            if FileManager.default.isExecutableFile(atPath: bin + "/initdb")
                && FileManager.default.isExecutableFile(atPath: bin + "/pg_ctl")
            {
                return bin
            }
        }
        throw ServerError(
            description: "these tests need a PostgreSQL server to start, and found no initdb and pg_ctl under \(root)/*/bin: "
                + "install the postgresql package (scripts/install-needs --tests does)")
    }

    /// A new, empty database of the tests' own, named after nothing but a random UUID.
    func createDatabase() throws(ServerError) -> String {
        let name = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try run("createdb", ["-h", socketDirectory, "-p", String(port), "-U", Self.superuser, name], asServerUser: false)
        return name
    }

    /// Runs a server program, as the server user when we are root, and fails with its output if it fails.
    private func run(_ program: String, _ arguments: [String], asServerUser: Bool = true) throws(ServerError) {
        var command = [program.hasPrefix("/") ? program : binaries + "/" + program] + arguments
        if asServerUser && getuid() == 0 { command = ["/usr/sbin/runuser", "-u", Self.serverUser, "--"] + command }
        let result: Spawned.Result
        do {
            result = try Spawned.run(command, outputPath: directory + "/\((program as NSString).lastPathComponent).out")
        } catch {
            throw ServerError(description: error.description)
        }
        guard result.status == 0 else {
            let log = (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? ""
            throw ServerError(description: "\(program) failed (wait status \(result.status)):\n\(result.output)\n\(log)")
        }
    }

    /// `asServerUser`: a new file the server's programs can read, when root writes it.
    private func write(_ text: String, to path: String, asServerUser: Bool = false) throws(ServerError) {
        do {
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        } catch {
            throw ServerError(description: "cannot write \(path): \(error)")
        }
        if asServerUser, getuid() == 0, let user = getpwnam(Self.serverUser) { chown(path, user.pointee.pw_uid, user.pointee.pw_gid) }
    }

    private static func stopAtExit() {
        guard case .success(let server) = shared else { return }
        try? server.run("pg_ctl", ["-D", server.directory + "/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: server.directory)
    }
}
