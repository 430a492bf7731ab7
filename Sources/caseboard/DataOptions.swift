import ArgumentParser
import CaseboardKit
import Foundation

/// `--data DIR`, shared by every subcommand.
struct DataOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("The data directory.", discussion: "Default: $CASEBOARD_DATA, else $XDG_DATA_HOME/caseboard."),
        completion: .directory)
    var data: String?

    var location: DataLocation { DataLocation.resolve(explicit: data) }

    /// An empty path is a mistake (an unset variable in a script, say), not a request for the default
    /// directory: falling back would quietly read, or even create, a different data set.
    func validate() throws {
        if data?.isEmpty == true {
            throw ValidationError("--data needs a directory; leave it out to use $CASEBOARD_DATA or the default")
        }
        if data == nil, ProcessInfo.processInfo.environment["CASEBOARD_DATA"]?.isEmpty == true {
            throw ValidationError("CASEBOARD_DATA is set but empty; unset it to use the default directory, or set it to one")
        }
    }

    /// The data as it stands now: the collection files with the journal replayed, read without changing
    /// anything on disk.
    func loadDataset() throws -> Dataset { try openStore(readOnly: true).dataset }

    /// Resolves the directory, fills the per-user default from the bundled sample on first use, and loads
    /// it with its journal. Problems are printed as `FILE:LINE:COLUMN: message` and end the run with exit 1;
    /// journal warnings (a torn last line, say) go to standard error once.
    func openStore(readOnly: Bool) throws -> DataStore {
        let location = try prepare()
        do {
            let store = try DataStore(directory: location.path, readOnly: readOnly)
            for warning in store.takeWarnings() { Output.error("caseboard: \(warning)") }
            return store
        } catch {
            Self.report(error, in: location.path)
            throw ExitCode(1)
        }
    }

    /// Every problem as `FILE:LINE:COLUMN: message`, then what to do.
    static func report(_ failure: LoadFailure, in path: String) {
        Output.error(failure.description)
        Output.error(
            "caseboard: \(failure.total) problem\(failure.total == 1 ? "" : "s") in \(path); fix \(failure.total == 1 ? "it" : "them") and run `caseboard validate` again."
        )
    }

    func prepare() throws -> DataLocation {
        let prepared = try prepareQuietly()
        if let created = prepared.created { Output.error("caseboard: \(created)") }
        return prepared.location
    }

    /// As `prepare`, but the first-run notice is returned rather than printed: the browser shows it in its
    /// footer, where it is seen, instead of on standard error behind the screen.
    func prepareQuietly() throws -> (location: DataLocation, created: String?) {
        let location = self.location
        var created: String?
        if location.isDefault {
            do {
                if try location.installSampleIfEmpty(SampleData.files) {
                    created = "created \(location.path) from the West Yorkshire sample data"
                }
            } catch {
                Output.error("caseboard: \(error)")
                throw ExitCode(1)
            }
        } else if !FileManager.default.fileExists(atPath: location.path) {
            Output.error("caseboard: no data directory at \(location.path); check --data or $CASEBOARD_DATA")
            throw ExitCode(1)
        }
        return (location, created)
    }
}

/// The West Yorkshire sample, compiled into the binary (see Package.swift).
enum SampleData {
    static var files: [String: [UInt8]] {
        [
            DataFiles.themes: PackageResources.themes_json, DataFiles.partners: PackageResources.partners_json,
            DataFiles.contacts: PackageResources.contacts_json, DataFiles.projects: PackageResources.projects_json,
            DataFiles.funding: PackageResources.funding_json,
        ]
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}
