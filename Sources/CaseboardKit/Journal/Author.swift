import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Who a change is recorded against: `--author`, else `CASEBOARD_AUTHOR`, else the login name.
public enum Author {
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        for candidate in [explicit, environment["CASEBOARD_AUTHOR"]] {
            if let candidate, !candidate.trimmingCharacters(in: .whitespaces).isEmpty { return candidate }
        }
        if let login = getlogin(), let name = String(validatingCString: login), !name.isEmpty { return name }
        for key in ["USER", "LOGNAME"] {
            if let name = environment[key], !name.isEmpty { return name }
        }
        if let entry = getpwuid(geteuid()), let name = String(validatingCString: entry.pointee.pw_name) { return name }
        return "uid-\(geteuid())"
    }

    /// Why an author name cannot be recorded, or nil when it can.
    public static func problem(_ name: String) -> String? {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { return "the author name is empty" }
        if name.count > 64 { return "the author name is longer than 64 characters" }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "the author name contains control characters"
        }
        return nil
    }
}
