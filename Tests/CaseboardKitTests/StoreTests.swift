import Foundation
import Testing

@testable import CaseboardKit

@Suite struct StoreTests {
    @Test func miniDataLoads() throws {
        let dataset = try DatasetLoader.load(directory: try MiniData.directory())
        #expect(dataset.projects.map(\.id) == ["gangs", "sceptre"])
        #expect(dataset.project("sceptre")?.districts == [.kirklees, .leeds])
        #expect(dataset.contact("c-one")?.name == "Zoë Example")
        #expect(dataset.stream("eiyf")?.unallocated == Pence(112_139_500 - 7_500_000))
    }

    @Test func saveThenLoadGivesTheSameDataset() throws {
        let first = try DatasetLoader.load(directory: try MiniData.directory())
        let copy = NSTemporaryDirectory() + "caseboard-roundtrip-\(UUID().uuidString)/data"
        try DatasetWriter.save(first, to: copy)
        let second = try DatasetLoader.load(directory: copy)
        #expect(second.themes == first.themes)
        #expect(second.organisations == first.organisations)
        #expect(second.contacts == first.contacts)
        #expect(second.projects == first.projects)
        #expect(second.funding == first.funding)
        // Saving again changes no byte: stable key order and formatting.
        let before = try DataFiles.all.map { try String(contentsOfFile: copy + "/" + $0, encoding: .utf8) }
        try DatasetWriter.save(second, to: copy)
        let after = try DataFiles.all.map { try String(contentsOfFile: copy + "/" + $0, encoding: .utf8) }
        #expect(before == after)
    }

    @Test func atomicSaveLeavesNoTempFilesAndUsesPrivateModes() throws {
        let dataset = try DatasetLoader.load(directory: try MiniData.directory())
        let directory = NSTemporaryDirectory() + "caseboard-modes-\(UUID().uuidString)/nested"
        try DatasetWriter.save(dataset, to: directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(names == DataFiles.all.sorted())
        for name in names {
            let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/" + name)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(name)")
        }
        let directoryAttributes = try FileManager.default.attributesOfItem(atPath: directory)
        #expect((directoryAttributes[.posixPermissions] as? Int) == 0o700)
    }

    @Test func failedWriteLeavesThePreviousFileIntact() throws {
        let directory = try MiniData.directory()
        let path = directory + "/" + DataFiles.projects
        let before = try String(contentsOfFile: path, encoding: .utf8)
        chmod(directory, 0o500)
        defer { chmod(directory, 0o700) }
        if geteuid() == 0 {
            // root ignores directory modes; simulate the failure with a path whose parent is a file instead.
            #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write(Array("x".utf8), to: path + "/child") }
        } else {
            #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write(Array("x".utf8), to: path) }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func defaultLocationFollowsTheEnvironment() {
        #expect(DataLocation.resolve(explicit: "/x", environment: ["CASEBOARD_DATA": "/y"]) == DataLocation(path: "/x", isDefault: false))
        #expect(DataLocation.resolve(explicit: nil, environment: ["CASEBOARD_DATA": "/y"]) == DataLocation(path: "/y", isDefault: false))
        #expect(
            DataLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"])
                == DataLocation(path: "/d/caseboard", isDefault: true))
        #expect(
            DataLocation.resolve(explicit: nil, environment: ["HOME": "/h"])
                == DataLocation(path: "/h/.local/share/caseboard", isDefault: true))
    }

    @Test func sampleIsInstalledOnceIntoAnEmptyDefaultLocation() throws {
        let target = NSTemporaryDirectory() + "caseboard-xdg-\(UUID().uuidString)/caseboard"
        let location = DataLocation(path: target, isDefault: true)
        let files = MiniData.files.mapValues { Array($0.utf8) }
        #expect(try location.installSampleIfEmpty(files))
        #expect(try !location.installSampleIfEmpty(files))
        #expect(try DatasetLoader.load(directory: target).projects.count == 2)
    }
}
