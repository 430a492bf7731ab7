import Foundation
import Testing

/// Global options before or after the subcommand, and `caseboard config`, run on the real binary.
extension CLITests {
    @Test func globalOptionsWorkBeforeOrAfterTheSubcommand() {
        let after = caseboard("list", "projects", "--district", "kirklees", "--data", fixtures)
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.contains("kirklees-mst"))
        let before = caseboard("--data", fixtures, "list", "projects", "--district", "kirklees")
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout == after.stdout)
        let joined = caseboard("--data=\(fixtures)", "validate")
        #expect(joined.status == 0, "\(joined.stderr)")
        #expect(joined.stdout.hasPrefix(fixtures + ": valid"))
        // Rendering the browser's first frame takes the same options either side of `browse`.
        let browse = caseboard("--data", fixtures, "--read-only", "browse", "--render-once", "80x24", "--screen", "projects")
        #expect(browse.status == 0, "\(browse.stderr)")
        #expect(browse.stdout.contains("Read-only"))
    }

    @Test func configCheckPlacesEveryProblemAndExitsOne() throws {
        let folder = NSTemporaryDirectory() + "caseboard-config-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/config.toml"
        try "[keys]\nquit = [\"Q\"]\nfly = [\"x\"]\nopen_filters = [\"j\"]\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = caseboard("config", "--check", "--config", path)
        #expect(result.status == 1)
        #expect(
            result.stdout.split(separator: "\n") == [
                "\(path):3:1: unknown command \"fly\"; docs/keys.md lists every command's name",
                "\(path):4:17: j would mean both move_down and open_filters (in everywhere and lists); this remap is ignored",
            ])
        try "date_style = \"uk\"\n[keys\n".write(toFile: path, atomically: true, encoding: .utf8)
        let broken = caseboard("--config", path, "config", "--check")
        #expect(broken.status == 1)
        #expect(broken.stdout.hasPrefix("\(path):2:"), "\(broken.stdout)")
        // --init never overwrites; --path says where the file is looked for.
        #expect(caseboard("config", "--init", "--config", path).status == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "date_style = \"uk\"\n[keys\n")
        let home = caseboard("config", "--path", environment: ["XDG_CONFIG_HOME": folder])
        #expect(home.stdout == folder + "/caseboard/config.toml\n")
        let fresh = folder + "/new/config.toml"
        #expect(caseboard("config", "--init", "--config", fresh).status == 0)
        #expect(caseboard("config", "--check", "--config", fresh).status == 0)
    }

    @Test func anUnknownViewIsAUsageErrorNamingTheKnownOnes() throws {
        let folder = NSTemporaryDirectory() + "caseboard-view-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/config.toml"
        try "[views.kirklees]\nscreen = \"projects\"\ndistricts = [\"kirklees\"]\n".write(toFile: path, atomically: true, encoding: .utf8)
        let unknown = caseboard("--config", path, "--view", "leeds", "--data", fixtures, "--render-once", "80x24")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no saved view \"leeds\""))
        #expect(unknown.stderr.contains("use one of: kirklees"))
        let known = caseboard("browse", "--config", path, "--view", "kirklees", "--data", fixtures, "--render-once", "80x24")
        #expect(known.status == 0, "\(known.stderr)")
        #expect(known.stdout.contains("District: Kirklees"))
    }
}
