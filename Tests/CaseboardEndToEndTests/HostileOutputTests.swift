import CaseboardKit
import Foundation
import Testing

/// Values from data files, the journal and the command line that try to drive the terminal: clear the screen,
/// write the clipboard (OSC 52), start a C1 control sequence, or reverse what follows. Every command is run over
/// them; nothing printed for a person may carry one raw, and the machine formats must keep them exactly.
@Suite struct HostileOutputTests {
    /// ESC [2J, OSC 52 (ESC ] 52;c;… BEL), U+009B (a one-byte CSI), DEL and U+202E.
    static let payload = "\u{1B}[2J\u{1B}]52;c;aGFja2Vk\u{07}\u{9B}31m\u{7F}\u{202E}"

    /// The free-text fields of each collection file (ids, references and enumerations must stay valid).
    static let textFields = [
        "themes.json": ["name", "description"], "partners.json": ["name"], "contacts.json": ["name", "role"],
        "projects.json": ["title", "summary", "tags"], "funding.json": ["name", "notes"],
    ]

    /// A scalar a terminal would act on instead of showing.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00..<0x20, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    static func expectSafe(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bad = Set(text.unicodeScalars.filter(isUnsafe).map { "U+" + String($0.value, radix: 16, uppercase: true) })
        let count = bad.count
        #expect(count == 0, "\(what) printed raw \(bad.sorted())", sourceLocation: sourceLocation)
    }

    /// A copy of the sample with the payload at the start of every text field, and a journal whose authors and
    /// notes carry it, plus one unreadable line (so every command prints a journal warning).
    static func hostileData() throws -> (path: String, injected: Set<String>) {
        let data = try Spawn.sampleCopy()
        var injected: Set<String> = []
        for (file, fields) in textFields {
            let url = URL(fileURLWithPath: data + "/" + file)
            var records = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
            for index in records.indices {
                for field in fields {
                    if let text = records[index][field] as? String {
                        records[index][field] = payload + text
                        injected.insert(payload + text)
                    } else if let list = records[index][field] as? [String] {
                        records[index][field] = list.map { payload + $0 }
                        injected.formUnion(list.map { payload + $0 })
                    }
                }
            }
            try JSONSerialization.data(withJSONObject: records).write(to: url)
        }
        let author = payload + "mallory"
        let note = payload + "moved\r\nby hand"
        let events = [
            JournalEvent(
                id: JournalEvent.newID(), time: "2026-11-25T18:30:41.123Z", author: author, project: "kirklees-mst", kind: .status,
                from: .atRisk, to: .active, note: note),
            JournalEvent(
                id: JournalEvent.newID(), time: "2026-11-25T18:31:00.000Z", author: author, project: "kirklees-mst", kind: .note,
                note: note),
        ]
        injected.formUnion([author, note])
        let lines = events.map(\.jsonLine) + ["\u{1B}[2J not json \u{202E}\u{9B}"]
        try (lines.joined(separator: "\n") + "\n").write(toFile: data + "/journal.jsonl", atomically: true, encoding: .utf8)
        return (data, injected)
    }

    /// Every string anywhere in a JSON document.
    static func strings(inJSON text: String) throws -> Set<String> {
        func collect(_ value: Any, into out: inout Set<String>) {
            if let text = value as? String { out.insert(text) }
            if let array = value as? [Any] { for item in array { collect(item, into: &out) } }
            if let object = value as? [String: Any] { for item in object.values { collect(item, into: &out) } }
        }
        var out: Set<String> = []
        collect(try JSONSerialization.jsonObject(with: Data(text.utf8)), into: &out)
        return out
    }

    /// Every cell of a CSV text, and the items of cells that hold a list ("a; b").
    static func cells(inCSV text: String) -> Set<String> {
        var out: Set<String> = []
        for row in CSVReading.rows(text) {
            for cell in row {
                out.insert(cell)
                out.formUnion(cell.components(separatedBy: "; "))
            }
        }
        return out
    }

    func caseboard(_ arguments: [String]) -> Spawn.Result { Spawn.run([Spawn.caseboard] + arguments) }

    @Test func nothingPrintedForAPersonCarriesAControl() throws {
        let (data, _) = try Self.hostileData()
        let projectID = "kirklees-mst"
        var human: [(String, [String])] = []
        for collection in ["themes", "projects", "funding", "partners", "contacts"] {
            human.append(("list \(collection)", ["list", collection]))
        }
        for id in [projectID, "wy-vru", "aisha-khan", "eiyf-2018-20", "early-intervention"] {
            human.append(("show \(id)", ["show", id]))
        }
        for screen in ["themes", "projects", "funding", "partners", "activity"] {
            human.append(("render-once \(screen)", ["--render-once", "100x40", "--screen", screen]))
        }
        human += [
            ("history", ["history"]), ("history of a project", ["history", projectID]), ("validate", ["validate"]),
            ("set-status refused by --expect", ["set-status", projectID, "paused", "--expect", "proposed"]),
            ("set-status of an unknown project", ["set-status", Self.payload + "x", "paused"]),
            ("set-status to an unknown status", ["set-status", projectID, Self.payload]),
            ("show of an unknown id", ["show", Self.payload]), ("list of an unknown collection", ["list", Self.payload]),
            ("list with an unknown theme", ["list", "projects", "--theme", Self.payload]),
            ("list with an unknown sort field", ["list", "projects", "--sort", Self.payload]),
            ("history of an unknown project", ["history", Self.payload]),
            ("undo of an unknown event", ["undo", Self.payload]),
            // Authors with controls are refused (and the refusal is checked); the note itself is accepted.
            ("note by a hostile author", ["note", projectID, "ok", "--author", Self.payload]),
            ("note", ["note", projectID, Self.payload + "note", "--author", "alice"]),
        ]
        let readsData = Set(human.prefix(10).map(\.0) + ["history"])
        for (what, arguments) in human {
            let result = caseboard(arguments + ["--data", data])
            Self.expectSafe(result.stdout, "\(what) (stdout)")
            Self.expectSafe(result.stderr, "\(what) (stderr)")
            // The journal's unreadable line is reported by every command that reads the data.
            if readsData.contains(what) {
                #expect(result.stderr.contains("journal.jsonl:3:"), "\(what): \(result.stderr)")
            }
        }
        // Undo of the note just added: its confirmation names the (hostile) project title.
        let history = caseboard(["history", projectID, "--format", "json", "--data", data])
        let records = try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]] ?? []
        let newest = try #require(records.first?["id"] as? String)
        #expect(records.first?["note"] as? String == Self.payload + "note")
        let undo = caseboard(["undo", newest, "--author", "alice", "--data", data])
        #expect(undo.status == 0, "\(undo.stderr)")
        Self.expectSafe(undo.stdout, "undo (stdout)")
        Self.expectSafe(undo.stderr, "undo (stderr)")
        // Machine formats are for machines, but their messages on stderr are for people.
        for arguments in [
            ["list", "projects", "--format", "csv"], ["list", "projects", "--format", "json"], ["history", "--format", "csv"],
        ] {
            Self.expectSafe(caseboard(arguments + ["--data", data]).stderr, arguments.joined(separator: " ") + " (stderr)")
        }
    }

    @Test func everyValueTheValidatorEchoesIsShownNotObeyed() throws {
        let data = try Spawn.sampleCopy()
        // The payload in every string of every file (ids, references, statuses), and in a field name.
        for file in Self.textFields.keys {
            let url = URL(fileURLWithPath: data + "/" + file)
            let records = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
            func poison(_ value: Any) -> Any {
                if let text = value as? String { return Self.payload + text }
                if let array = value as? [Any] { return array.map(poison) }
                if let object = value as? [String: Any] { return object.mapValues(poison) }
                return value
            }
            var poisoned = records.map { poison($0) as? [String: Any] ?? [:] }
            poisoned[0][Self.payload + "colour"] = "red"
            try JSONSerialization.data(withJSONObject: poisoned).write(to: url)
        }
        try "{\"id\":\"\(Self.payload)\"}\n\u{1B}]52;c;aGk=\u{07}\n".write(
            toFile: data + "/journal.jsonl", atomically: true, encoding: .utf8)
        let validate = caseboard(["validate", "--data", data])
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("␛[2J"), "the problems should quote the values, made visible")
        Self.expectSafe(validate.stdout, "validate (stdout)")
        Self.expectSafe(validate.stderr, "validate (stderr)")
        let list = caseboard(["list", "projects", "--data", data])
        #expect(list.status == 1)
        Self.expectSafe(list.stderr, "list over broken data (stderr)")
    }

    @Test func machineFormatsKeepTheExactStrings() throws {
        let (data, injected) = try Self.hostileData()
        // Funding notes are in `show` only, not in any listing.
        let notes = try Set(
            (JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: data + "/funding.json"))) as? [[String: Any]] ?? [])
                .compactMap { $0["notes"] as? String })
        let expected = injected.subtracting(notes)
        var fromLists: Set<String> = []
        for collection in ["themes", "projects", "funding", "partners", "contacts"] {
            let result = caseboard(["list", collection, "--format", "json", "--data", data])
            #expect(result.status == 0, "\(result.stderr)")
            fromLists.formUnion(try Self.strings(inJSON: result.stdout))
            // JSON escapes what a terminal would act on, so even on a screen it is safe.
            Self.expectSafe(result.stdout, "list \(collection) --format json")
        }
        fromLists.formUnion(try Self.strings(inJSON: caseboard(["history", "--format", "json", "--data", data]).stdout))
        #expect(expected.subtracting(fromLists).isEmpty, "not round-tripped: \(expected.subtracting(fromLists).map(\.debugDescription))")

        let file = NSTemporaryDirectory() + "caseboard-hostile-\(UUID().uuidString).json"
        #expect(caseboard(["export", "--format", "json", "--out", file, "--data", data]).status == 0)
        let exported = try Self.strings(inJSON: String(contentsOfFile: file, encoding: .utf8))
        #expect(expected.subtracting(exported).isEmpty)
        let toStdout = caseboard(["export", "--format", "json", "--out", "-", "--data", data])
        #expect(try Self.strings(inJSON: toStdout.stdout) == exported)

        let directory = NSTemporaryDirectory() + "caseboard-hostile-\(UUID().uuidString)"
        #expect(caseboard(["export", "--format", "csv", "--out", directory, "--data", data]).status == 0)
        var fromCSV: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            fromCSV.formUnion(Self.cells(inCSV: try String(contentsOfFile: directory + "/" + name, encoding: .utf8)))
        }
        #expect(expected.subtracting(fromCSV).isEmpty, "not kept in CSV: \(expected.subtracting(fromCSV).map(\.debugDescription))")
        // CSV into a pipe is data too.
        let piped = caseboard(["list", "projects", "--format", "csv", "--data", data])
        #expect(Self.cells(inCSV: piped.stdout).contains { $0.hasPrefix(Self.payload) })
    }

    @Test func csvOnATerminalIsShownWithVisibleStandIns() throws {
        let (data, _) = try Self.hostileData()
        let result = Spawn.runOnTerminal([Spawn.caseboard, "list", "projects", "--format", "csv", "--data", data])
        #expect(result.status == 0, "\(result.stdout)")
        let text = result.stdout.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(text.contains("␛[2J"), "the values should still be there, made visible")
        Self.expectSafe(text, "list projects --format csv on a terminal")
    }
}
