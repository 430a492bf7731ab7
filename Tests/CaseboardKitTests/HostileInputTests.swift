import Foundation
import Testing

@testable import CaseboardKit

#if canImport(Glibc)
    import Glibc
#endif

/// Inputs from the hostile trial: each once as it was found, and the class it stands for.
@Suite struct HostileInputTests {
    // MARK: - Dates: one parser, nothing it accepts can trap later

    @Test(arguments: [
        "+024-01-01", "-024-01-01", " 2024-01-01", "2024-1-01", "2024-01-1 ", "2024-02-30", "2023-02-29", "0000-01-01",
        "2024-13-01", "2024-00-10", "２０２４-01-01", "2024/01/01", "2024-01-01T00", "",
    ])
    func anythingButARealISODateIsRefused(text: String) {
        #expect(CalendarDate(text) == nil)
        #expect(CalendarDate.parse(Array(text.utf8)) == nil)
        #expect(ProjectTable.dateNumber(text) == 0)
    }

    @Test func realDatesRoundTripThroughEveryForm() throws {
        for text in ["2024-02-29", "2000-02-29", "1999-12-31", "2021-04-01", "9999-12-31", "0001-01-01"] {
            let date = try #require(CalendarDate(text))
            #expect(date.description == text)
            #expect(CalendarDate(number: date.number) == date)
            #expect(ProjectTable.dateText(ProjectTable.dateNumber(text)) == text)
        }
        #expect(FinancialYear.containing("2022-03-31") == "2021/22")
        #expect(FinancialYear.containing("2022-04-01") == "2022/23")
        #expect(FinancialYear.containing("+022-04-01") == nil)
        #expect(!FinancialYear.isValid("+021/22"))
        #expect(!FinancialYear.isValid("2021/2"))
    }

    @Test func aSignedDateInAProjectIsReportedNotACrash() throws {
        let projects = MiniData.projects.replacingOccurrences(of: #""start": "2020-01-01""#, with: #""start": "+024-01-01""#)
        let directory = try MiniData.directory([DataFiles.projects: projects])
        #expect(
            MiniData.problems(directory) == [
                #"projects.json:3:190: project "sceptre": field "start": "+024-01-01" is not a date; write it as YYYY-MM-DD"#
            ])
    }

    // MARK: - Problem reports cost time in proportion to the input

    @Test func eightyThousandEmptyRecordsOnOneLineAreCheckedAndCapped() throws {
        let themes = "[" + Array(repeating: "{}", count: 80_000).joined(separator: ",") + "]"
        let directory = try MiniData.directory([DataFiles.themes: themes])
        do {
            _ = try DatasetLoader.load(directory: directory)
            Issue.record("loaded")
        } catch {
            #expect(error.problems.count == LoadFailure.listed)
            #expect(error.total == 160_000 + 4)  // id and name per record, and the four missing themes
            #expect(
                error.problems.first?.description.hasSuffix(
                    "themes.json:1:1: theme \"county-lines\" is missing; every data set has all four strategy themes") == true)
            // The four missing themes come first (offset 0), then two per record: record #98 starts at column 2 + 97 × 3.
            #expect(error.problems.last?.column == 2 + 97 * 3)
            #expect(error.description.hasSuffix("… and 159804 more problems (the first 200 are listed; fix them and validate again)"))
        }
    }

    // MARK: - Only regular files, never through a link

    @Test func aJournalThatIsALinkIsRefusedAndItsTargetNeverTouched() throws {
        let directory = try MiniData.directory()
        let outside = NSTemporaryDirectory() + "caseboard-outside-\(UUID().uuidString)"
        // Something that looks like a journal with a torn tail: a repair would truncate it.
        let precious =
            #"{"id":"x","time":"2026-11-25T18:30:41.123Z","author":"a","project":"gangs","kind":"note","note":"n"}"# + "\nprecious"
        try precious.write(toFile: outside, atomically: false, encoding: .utf8)
        defer { unlink(outside) }
        try FileManager.default.createSymbolicLink(atPath: directory + "/" + JournalFiles.journal, withDestinationPath: outside)
        #expect(throws: LoadFailure.self) { try DataStore(directory: directory) }
        do {
            _ = try DataStore(directory: directory)
        } catch {
            #expect(error.problems.first?.message.contains("is a symbolic link") == true, "\(error)")
        }
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == precious)
    }

    @Test func aCollectionFileThatIsALinkIsAProblemWithItsName() throws {
        let directory = try MiniData.directory()
        let outside = NSTemporaryDirectory() + "caseboard-outside-\(UUID().uuidString).json"
        try MiniData.themes.write(toFile: outside, atomically: false, encoding: .utf8)
        defer { unlink(outside) }
        unlink(directory + "/" + DataFiles.themes)
        try FileManager.default.createSymbolicLink(atPath: directory + "/" + DataFiles.themes, withDestinationPath: outside)
        let problems = MiniData.problems(directory)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("themes.json:1:1: is a symbolic link; Caseboard does not follow links") == true, "\(problems)")
    }

    @Test func aLockFileThatIsALinkIsNeverCreatedThrough() throws {
        let directory = try MiniData.directory()
        let outside = NSTemporaryDirectory() + "caseboard-outside-\(UUID().uuidString)"
        defer { unlink(outside) }
        try FileManager.default.createSymbolicLink(atPath: directory + "/" + JournalFiles.lock, withDestinationPath: outside)
        let store = try DataStore(directory: directory)
        #expect(throws: EditRefusal.self) { try store.addNote(project: "gangs", text: "x", author: "alice") }
        #expect(!FileManager.default.fileExists(atPath: outside))
    }

    @Test func aFIFOInPlaceOfADataFileOrTheJournalIsAnErrorNotAHang() throws {
        for name in [DataFiles.projects, JournalFiles.journal, JournalFiles.archive] {
            let directory = try MiniData.directory()
            unlink(directory + "/" + name)
            #expect(mkfifo(directory + "/" + name, 0o600) == 0)
            do {
                _ = try DataStore(directory: directory, readOnly: true)
                Issue.record("\(name): loaded through a FIFO")
            } catch {
                #expect(error.problems.first?.message.contains("is a FIFO (named pipe), not a regular file") == true, "\(name): \(error)")
            }
        }
    }

    @Test func aDirectoryOthersCanWriteToIsWarnedAbout() throws {
        let directory = try MiniData.directory()
        chmod(directory, 0o777)
        let warnings = try DataStore(directory: directory, readOnly: true).takeWarnings()
        #expect(warnings.contains { $0.contains("can be written by every user on this machine") }, "\(warnings)")
        chmod(directory, 0o700)
        #expect(try DataStore(directory: directory, readOnly: true).takeWarnings().isEmpty)
    }

    // MARK: - The journal as validate sees it

    func journal(_ lines: [String]) throws -> [String] {
        let directory = try MiniData.directory()
        try (lines.joined(separator: "\n") + "\n").write(toFile: directory + "/" + JournalFiles.journal, atomically: false, encoding: .utf8)
        return try DataStore(directory: directory, readOnly: true).takeWarnings().map {
            $0.replacingOccurrences(of: directory + "/", with: "")
        }
    }

    func line(_ id: String, _ project: String, from: String, to: String) -> String {
        #"{"id":"\#(id)","time":"2026-11-25T18:30:41.123Z","author":"alice","project":"\#(project)","kind":"status","from":"\#(from)","to":"\#(to)"}"#
    }

    @Test func aRepeatedEventIDIsReported() throws {
        let id = "37bb87fe-5749-487f-91e6-f0b044c6f5c3"
        let warnings = try journal([line(id, "gangs", from: "active", to: "paused"), line(id, "gangs", from: "paused", to: "active")])
        #expect(warnings == [#"journal.jsonl:2: event id "\#(id)" was already used by an earlier event; this line is ignored"#])
    }

    @Test func aMoveTheRulesForbidIsReported() throws {
        let warnings = try journal([
            line("37bb87fe-5749-487f-91e6-f0b044c6f5c3", "gangs", from: "active", to: "closed"),
            line("47bb87fe-5749-487f-91e6-f0b044c6f5c3", "gangs", from: "closed", to: "active"),
        ])
        #expect(
            warnings == [
                #"journal.jsonl:2: event "47bb87fe-5749-487f-91e6-f0b044c6f5c3" (gangs): the status rules forbid this change: a closed project cannot change status"#
            ])
    }

    @Test func aChangeFromAStatusReplayNeverReachedIsReported() throws {
        let warnings = try journal([line("37bb87fe-5749-487f-91e6-f0b044c6f5c3", "gangs", from: "paused", to: "active")])
        #expect(
            warnings == [
                #"journal.jsonl:1: event "37bb87fe-5749-487f-91e6-f0b044c6f5c3" (gangs) changes the status from paused, but replay had it at active"#
            ])
    }
}

@Suite struct StatusRankTests {
    @Test func rankIsTheLifecycleOrderAndTheRulesTableAgreesWithTheLists() {
        for (index, status) in ProjectStatus.allCases.enumerated() {
            #expect(status.rank == index)
            for next in ProjectStatus.allCases { #expect(status.canMove(to: next) == status.allowedNext.contains(next)) }
        }
    }
}
