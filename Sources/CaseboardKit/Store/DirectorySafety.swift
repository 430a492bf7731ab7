import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Who else could change a data directory. Anyone who can write to it can replace the journal, so a
/// directory that others can write to, or that belongs to someone else, is worth a warning.
enum DirectorySafety {
    static func warnings(for directory: String) -> [String] {
        var info = stat()
        guard stat(directory, &info) == 0 else { return [] }
        var out: [String] = []
        let mode = info.st_mode & 0o777
        if mode & 0o022 != 0 {
            let who = mode & 0o002 != 0 ? "every user on this machine" : "its group"
            out.append(
                "\(directory) can be written by \(who): they could change or remove the journal; "
                    + "run chmod go-w \(directory) unless the team shares it on purpose")
        }
        if info.st_uid != geteuid() {
            out.append("\(directory) belongs to another user (uid \(info.st_uid)): they can change or remove the journal")
        }
        return out
    }
}
