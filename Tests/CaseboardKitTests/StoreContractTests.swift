import Foundation
import Testing

@testable import CaseboardKit

/// What every store must do, checked through `CaseboardStore` alone, so each kind of store is held to the
/// same behaviour. The directory store today; the PostgreSQL store joins `StoreKind` when it exists.
@Suite struct StoreContractTests {
    enum StoreKind: CaseIterable, CustomStringConvertible {
        case directory

        var description: String {
            switch self {
            case .directory: return "directory"
            }
        }

        /// A fresh copy of the mini data set, and a way to open more sessions on it.
        func place() throws -> String { try MiniData.directory() }

        func open(_ place: String, readOnly: Bool = false) throws -> any CaseboardStore {
            switch self {
            case .directory: return try DataStore(directory: place, readOnly: readOnly)
            }
        }
    }

    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test(arguments: StoreKind.allCases)
    func aStatusChangeIsSeenAtOnceAndByTheNextSession(kind: StoreKind) throws {
        let place = try kind.place()
        let store = try kind.open(place)
        let event = try store.setStatus(
            project: "gangs", to: .paused, expecting: .active, note: "venue closed", risk: nil, author: "alice", at: Self.now)
        #expect(event.kind == .status && event.from == .active && event.to == .paused && event.author == "alice")
        #expect(store.dataset.project("gangs")?.status == .paused)
        let next = try kind.open(place)
        #expect(next.dataset.project("gangs")?.status == .paused)
        #expect(next.history.timeline(of: "gangs").map(\.id) == [event.id])
    }

    @Test(arguments: StoreKind.allCases)
    func aChangeBasedOnAStaleStatusIsRefusedNamingWhoGotThereFirst(kind: StoreKind) throws {
        let place = try kind.place()
        let alice = try kind.open(place)
        let bob = try kind.open(place)
        try alice.setStatus(
            project: "gangs", to: .paused, expecting: .active, note: "venue closed", risk: nil, author: "alice", at: Self.now)
        let error = #expect(throws: EditRefusal.self) {
            try bob.setStatus(project: "gangs", to: .completed, expecting: .active, note: nil, risk: nil, author: "bob", at: Self.now)
        }
        #expect(error?.message.contains("alice") == true, "\(error?.message ?? "")")
        #expect(try kind.open(place).dataset.project("gangs")?.status == .paused)
    }

    @Test(arguments: StoreKind.allCases)
    func anotherSessionsChangeArrivesOnRefresh(kind: StoreKind) throws {
        let place = try kind.place()
        let watcher = try kind.open(place)
        #expect(watcher.refresh() == .unchanged)
        let note = try kind.open(place).addNote(project: "sceptre", text: "amnesty bins emptied", author: "carol", at: Self.now)
        #expect(watcher.refresh() == .appended([note]))
        #expect(watcher.history.timeline(of: "sceptre").first == note)
        #expect(watcher.refresh() == .unchanged)
    }

    @Test(arguments: StoreKind.allCases)
    func onlyTheAuthorUndoesAChange(kind: StoreKind) throws {
        let place = try kind.place()
        let store = try kind.open(place)
        let moved = try store.setStatus(
            project: "gangs", to: .completed, expecting: .active, note: nil, risk: nil, author: "alice", at: Self.now)
        let error = #expect(throws: EditRefusal.self) { try store.undo(event: moved.id, author: "bob", at: Self.now) }
        #expect(error?.message.contains("alice") == true)
        let undo = try store.undo(event: moved.id, author: "alice", at: Self.now)
        #expect(undo.kind == .undo && undo.undoes == moved.id)
        #expect(store.dataset.project("gangs")?.status == .active)
    }

    @Test(arguments: StoreKind.allCases)
    func anEditIsSavedWholeAndUndoneWhole(kind: StoreKind) throws {
        let place = try kind.place()
        let store = try kind.open(place)
        let edit = try store.save(
            [
                .set(.project, "sceptre", "summary", from: .text("Weapons amnesty."), to: .text("Knife amnesty bins")),
                .set(.project, "sceptre", "end", from: .text("2021-03-31"), to: .text("2022-03-31")),
            ], note: nil, source: nil, author: "dave", at: Self.now)
        #expect(edit.kind == .edit && edit.changes.count == 2)
        #expect(store.dataset.project("sceptre")?.summary == "Knife amnesty bins")
        #expect(store.dataset.project("sceptre")?.end == "2022-03-31")
        // One that would not load (an end before the start) is refused and changes nothing.
        #expect(throws: EditRefusal.self) {
            try store.save(
                [.set(.project, "sceptre", "end", from: .text("2022-03-31"), to: .text("2019-01-01"))], note: nil, source: nil,
                author: "dave",
                at: Self.now)
        }
        try store.undo(event: edit.id, author: "dave", at: Self.now)
        #expect(try kind.open(place).dataset.project("sceptre")?.summary == "Weapons amnesty.")
        #expect(try kind.open(place).dataset.project("sceptre")?.end == "2021-03-31")
    }

    @Test(arguments: StoreKind.allCases)
    func aReadOnlyStoreSaysWhyAndSavesNothing(kind: StoreKind) throws {
        let place = try kind.place()
        let store = try kind.open(place, readOnly: true)
        #expect(store.readOnlyReason != nil)
        #expect(throws: EditRefusal.self) {
            try store.addNote(project: "gangs", text: "hello", author: "erin", at: Self.now)
        }
        #expect(try kind.open(place).history.count == 0)
    }
}
