import Foundation

@testable import CaseboardKit

/// A small valid data directory written into a fresh temp dir, with files that tests can break.
enum MiniData {
    static let themes = """
        [
          {"id": "county-lines", "name": "County lines", "description": "Drugs"},
          {"id": "early-intervention", "name": "Early intervention", "description": "Prevention"},
          {"id": "communities", "name": "Communities", "description": "Partnerships"},
          {"id": "law-enforcement", "name": "Law enforcement", "description": "Justice"}
        ]

        """
    static let partners = """
        [
          {"id": "wyp", "name": "West Yorkshire Police", "kind": "police", "district": "west-yorkshire"},
          {"id": "kirklees-yot", "name": "Kirklees YOT", "kind": "youth-justice", "district": "kirklees"},
          {"id": "home-office", "name": "Home Office", "kind": "government", "district": "west-yorkshire"}
        ]

        """
    static let contacts = """
        [
          {"id": "c-one", "name": "Zoë Example", "role": "Lead", "organisation": "wyp", "email": "z@example.org", "phone": "01632 960001"}
        ]

        """
    static let projects = """
        [
          {"id": "gangs", "title": "GANGS schools sessions", "theme": "early-intervention", "status": "active", "lead": "wyp", "districts": ["leeds"], "summary": "Sessions in schools.", "contacts": ["c-one"]},
          {"id": "sceptre", "title": "Operation Sceptre", "theme": "law-enforcement", "status": "at-risk", "lead": "wyp", "partners": ["kirklees-yot"], "districts": ["kirklees", "leeds"], "start": "2020-01-01", "end": "2021-03-31", "summary": "Weapons amnesty."}
        ]

        """
    static let funding = """
        [
          {"id": "eiyf", "name": "Early Intervention Youth Fund", "funder": "home-office", "years": ["2018/19", "2019/20"], "total_pence": 112139500,
           "allocations": [{"project": "gangs", "amount_pence": 5000000, "year": "2018/19"}, {"project": "sceptre", "amount_pence": 2500000, "year": "2019/20"}]}
        ]

        """

    static var files: [String: String] {
        [
            DataFiles.themes: themes, DataFiles.partners: partners, DataFiles.contacts: contacts,
            DataFiles.projects: projects, DataFiles.funding: funding,
        ]
    }

    /// Writes the mini data set, with `overrides` replacing whole files, into a new temp directory.
    static func directory(_ overrides: [String: String] = [:]) throws -> String {
        let path = NSTemporaryDirectory() + "caseboard-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files.merging(overrides, uniquingKeysWith: { $1 }) {
            try text.write(toFile: path + "/" + name, atomically: false, encoding: .utf8)
        }
        return path
    }

    /// Loads `directory` expecting failure; returns the problems with the directory prefix removed.
    static func problems(_ directory: String) -> [String] {
        do {
            _ = try DatasetLoader.load(directory: directory)
            return []
        } catch {
            return error.problems.map { $0.description.replacingOccurrences(of: directory + "/", with: "") }
        }
    }

    static var fixturesPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/west-yorkshire").path
    }
}
