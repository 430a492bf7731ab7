import Foundation

/// Where Caseboard's data lives when `--data` is not given.
public struct DataLocation: Equatable, Sendable {
    public var path: String
    /// True when the path is the per-user default, which may be filled from the bundled sample.
    public var isDefault: Bool

    /// `--data`, else `$CASEBOARD_DATA`, else `$XDG_DATA_HOME/caseboard`, else `~/.local/share/caseboard`.
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> DataLocation {
        if let explicit, !explicit.isEmpty { return DataLocation(path: explicit, isDefault: false) }
        if let fromEnv = environment["CASEBOARD_DATA"], !fromEnv.isEmpty { return DataLocation(path: fromEnv, isDefault: false) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return DataLocation(path: xdg + "/caseboard", isDefault: true)
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return DataLocation(path: home + "/.local/share/caseboard", isDefault: true)
    }

    /// Writes the sample's files (name → bytes) into `path` (0700 directory, 0600 files) unless it
    /// already holds data. Returns true when it wrote them.
    public func installSampleIfEmpty(_ files: [String: [UInt8]]) throws(AtomicFile.WriteError) -> Bool {
        guard isDefault else { return false }
        let marker = path + "/" + DataFiles.projects
        if FileManager.default.fileExists(atPath: marker) { return false }
        try AtomicFile.makeDirectory(path)
        for name in DataFiles.all {
            guard let bytes = files[name] else {
                throw AtomicFile.WriteError(path: path + "/" + name, reason: "the bundled sample has no such file")
            }
            try AtomicFile.write(bytes, to: path + "/" + name)
        }
        return true
    }
}
