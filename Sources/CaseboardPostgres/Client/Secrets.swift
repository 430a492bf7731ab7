import CLibpq
import Foundation

/// The passwords a connection might use, so that no message built from libpq's text can repeat one.
/// libpq does not put passwords in its messages today; this makes sure a future version, or a malformed
/// connection string quoted back at us, cannot either.
struct Secrets {
    private var values: Set<String> = []

    /// The password in the connection string (as typed in a URI, and decoded), and PGPASSWORD.
    init(conninfo: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        insert(environment["PGPASSWORD"])
        insert(Self.uriPassword(conninfo))
        var error: UnsafeMutablePointer<CChar>?
        if let options = PQconninfoParse(conninfo, &error) {
            var option = options
            while let keyword = option.pointee.keyword {
                if String(cString: keyword) == "password", let value = option.pointee.val { insert(String(cString: value)) }
                option += 1
            }
            PQconninfoFree(options)
        }
        if let error { PQfreemem(error) }
    }

    /// The password libpq actually sent, which may have come from ~/.pgpass.
    mutating func insert(_ value: String?) {
        if let value, !value.isEmpty { values.insert(value) }
    }

    /// `text` with every known password replaced.
    func scrub(_ text: String) -> String {
        var out = text
        // Longest first, so a password that contains another is replaced whole.
        for secret in values.sorted(by: { $0.count > $1.count }) {
            out = out.replacingOccurrences(of: secret, with: "********")
        }
        return out
    }

    /// `secret` in `postgresql://user:secret@host/db`, exactly as typed (percent-escapes and all).
    static func uriPassword(_ conninfo: String) -> String? {
        guard let scheme = conninfo.range(of: "://"),
            conninfo.hasPrefix("postgresql://") || conninfo.hasPrefix("postgres://")
        else { return nil }
        let rest = conninfo[scheme.upperBound...]
        guard let at = rest.lastIndex(of: "@") else { return nil }
        let userInfo = rest[..<at]
        guard !userInfo.contains("/"), let colon = userInfo.firstIndex(of: ":") else { return nil }
        return String(userInfo[userInfo.index(after: colon)...])
    }

    /// A message about a connection string libpq could not read. It quotes the part it stumbled on, which
    /// may be a mistyped password, so every quoted part that is not a connection keyword is left out.
    static func describeUnreadable(_ message: String) -> String {
        let keywords = knownKeywords()
        var out = ""
        var quoted: String?
        for character in message {
            if character == "\"" {
                if let inside = quoted {
                    // A keyword, or punctuation such as "=", says where the mistake is without quoting a value.
                    let harmless = keywords.contains(inside) || inside.allSatisfy { !$0.isLetter && !$0.isNumber }
                    out += harmless ? "\"\(inside)\"" : "\"…\""
                    quoted = nil
                } else {
                    quoted = ""
                }
            } else if quoted != nil {
                quoted!.append(character)
            } else {
                out.append(character)
            }
        }
        if quoted != nil { out += "\"…" }
        return out
    }

    private static func knownKeywords() -> Set<String> {
        var out: Set<String> = []
        guard let defaults = PQconndefaults() else { return out }
        var option = defaults
        while let keyword = option.pointee.keyword {
            out.insert(String(cString: keyword))
            option += 1
        }
        PQconninfoFree(defaults)
        return out
    }
}
