import CaseboardKit
import CaseboardTUI
import Foundation
import TerminalKit

// In-process timings for docs/performance.md, run by scripts/bench on a release build:
//   caseboard-bench load DIR [RUNS]     load to the first Projects frame (120x40), against the in-memory backend
//   caseboard-bench keys DIR            keystroke to rendered frame: search letters, theme filter, moves, sort
//   caseboard-bench replay DIR [RUNS]   opening the store (collections + journal replay), events per second
//   caseboard-bench save DIR [COUNT]    status changes until fsync'd, on a copy of DIR
//   caseboard-bench rss DIR             peak memory with everything built, search keys included
// Every figure is printed as one line: `name value unit` (then p50/p99/median lines), for the script to read.

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    var start = timespec()
    var end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    try body()
    clock_gettime(CLOCK_MONOTONIC, &end)
    return Double(end.tv_sec - start.tv_sec) * 1000 + Double(end.tv_nsec - start.tv_nsec) / 1_000_000
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func report(_ name: String, _ samples: [Double]) {
    print(String(format: "%@ p50 %.3f ms", name, percentile(samples, 0.5)))
    print(String(format: "%@ p99 %.3f ms", name, percentile(samples, 0.99)))
    print(String(format: "%@ max %.3f ms", name, samples.max() ?? 0))
    print("\(name) samples \(samples.count)")
}

let size = Size(width: 120, height: 40)

func openState(_ directory: String, screen: Screen) throws -> (AppState, DataStore) {
    let store = try DataStore(directory: directory, readOnly: true)
    return (AppState(dataset: store.dataset, history: store.history, size: size, screen: screen, author: "bench"), store)
}

/// Load to first frame: the store, the state and one frame drawn into the in-memory backend.
func load(_ directory: String, runs: Int) throws {
    var samples: [Double] = []
    for _ in 0..<runs {
        samples.append(
            try milliseconds {
                let (state, _) = try openState(directory, screen: .projects)
                let backend = MemoryBackend(size: size)
                let frame = render(state)
                backend.draw(frame.buffer, cursor: frame.cursor)
                precondition(backend.screenText[2].contains("TITLE"), "not a Projects frame")
            })
    }
    print(String(format: "load median %.1f ms", percentile(samples, 0.5)))
    print(String(format: "load min %.1f ms", samples.min() ?? 0))
    print(String(format: "load max %.1f ms", samples.max() ?? 0))
}

/// The answers kept between keystrokes, as the input loop keeps them for a session.
nonisolated(unsafe) let memo = Memo()

/// Presses `key` and times reduce + render + draw, as the input loop does.
func press(_ key: Key, _ state: inout AppState, _ backend: MemoryBackend) -> Double {
    milliseconds {
        _ = reduce(&state, .keyPressed(key), memo: memo)
        let frame = render(state)
        backend.draw(frame.buffer, cursor: frame.cursor)
    }
}

func keys(_ directory: String) throws {
    let (start, _) = try openState(directory, screen: .projects)
    let backend = MemoryBackend(size: size)
    var state = start

    // Typing a search: each letter narrows the list (the first one scans every project).
    var search: [Double] = []
    for word in ["mentoring", "outreach", "leeds", "youth work", "patrols", "knife", "family", "custody", "boxing", "summer"] {
        _ = press(.character("/"), &state, backend)
        for letter in word { search.append(press(.character(letter), &state, backend)) }
        _ = press(.escape, &state, backend)
    }
    report("search-letter", search)

    // Field words and plain words together: each letter of the whole line, as typed.
    var fields: [Double] = []
    for line in ["status:active district:leeds youth", "ends:<2022-04-01 theme:early-intervention knife", "lead:police status:at-risk"] {
        _ = press(.character("/"), &state, backend)
        for letter in line { fields.append(press(.character(letter), &state, backend)) }
        _ = press(.escape, &state, backend)
    }
    report("search-field-words", fields)

    // The filter panel's letters: each ticks or unticks at once and the list beside it updates.
    var letters: [Double] = []
    _ = press(.character("f"), &state, backend)
    for _ in 0..<10 {
        for letter in ["a", "r", "K", "L", "e", "u"] { letters.append(press(.character(Character(letter)), &state, backend)) }
    }
    _ = press(.escape, &state, backend)
    report("filter-letter", letters)

    // Changing the theme filter: the picker is open, the digit applies the theme everywhere.
    var theme: [Double] = []
    for round in 0..<40 {
        _ = press(.character("t"), &state, backend)
        theme.append(press(.character(Character(String((round % 4) + 1))), &state, backend))
    }
    _ = press(.character("t"), &state, backend)
    _ = press(.character("0"), &state, backend)
    report("theme-filter", theme)

    var moves: [Double] = []
    for _ in 0..<300 { moves.append(press(.character("j"), &state, backend)) }
    report("cursor-move", moves)

    var pages: [Double] = []
    for _ in 0..<200 { pages.append(press(.pageDown, &state, backend)) }
    report("page-down", pages)

    var sorts: [Double] = []
    for _ in 0..<48 { sorts.append(press(.character("s"), &state, backend)) }
    report("sort-change", sorts)
}

/// Opening the store: with the events in the journal they are replayed over projects.json.
func replay(_ directory: String, runs: Int) throws {
    var samples: [Double] = []
    var events = 0
    for _ in 0..<runs {
        samples.append(
            try milliseconds {
                let store = try DataStore(directory: directory, readOnly: true)
                events = store.history.count
            })
    }
    let base = try milliseconds { _ = try DatasetLoader.load(directory: directory) }
    let median = percentile(samples, 0.5)
    print(String(format: "replay open median %.1f ms", median))
    print(String(format: "replay collections %.1f ms", base))
    print("replay events \(events)")
    let replayOnly = max(0.001, median - base)
    print(String(format: "replay rate %.0f events/s", Double(events) / (replayOnly / 1000)))
}

/// Status changes until durable, toggling one project on a private copy of the directory.
func save(_ directory: String, count: Int) throws {
    let copy = NSTemporaryDirectory() + "caseboard-bench-save-\(getpid())"
    try? FileManager.default.removeItem(atPath: copy)
    try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
    for name in DataFiles.all { try FileManager.default.copyItem(atPath: directory + "/" + name, toPath: copy + "/" + name) }
    defer { try? FileManager.default.removeItem(atPath: copy) }
    let store = try DataStore(directory: copy)
    guard let row = store.dataset.projects.indices.first(where: { store.dataset.projects.statuses[$0] == .active }) else {
        fatalError("no active project to toggle")
    }
    let id = store.dataset.projects.ids[row]
    var samples: [Double] = []
    for index in 0..<count {
        let (from, to): (ProjectStatus, ProjectStatus) = index % 2 == 0 ? (.active, .atRisk) : (.atRisk, .active)
        samples.append(try milliseconds { try store.setStatus(project: id, to: to, expecting: from, note: "bench", author: "bench") })
    }
    report("status-change", samples)
}

/// A private copy of the collection files, removed by the caller.
func privateCopy(_ directory: String, _ name: String) throws -> String {
    let copy = NSTemporaryDirectory() + "caseboard-bench-\(name)-\(getpid())"
    try? FileManager.default.removeItem(atPath: copy)
    try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
    for name in DataFiles.all { try FileManager.default.copyItem(atPath: directory + "/" + name, toPath: copy + "/" + name) }
    return copy
}

/// Record edits until durable: each is checked as a load would read the result back, so it costs about a load.
func edit(_ directory: String, count: Int) throws {
    let copy = try privateCopy(directory, "edit")
    defer { try? FileManager.default.removeItem(atPath: copy) }
    let store = try DataStore(directory: copy)
    let id = store.dataset.projects.ids[store.dataset.projects.count / 2]
    var samples: [Double] = []
    for index in 0..<count {
        let current = store.dataset.project(id)?.summary ?? ""
        let change = RecordChange.set(.project, id, "summary", from: .text(current), to: .text("Edited by the benchmark, \(index)"))
        samples.append(try milliseconds { try store.save([change], author: "bench") })
    }
    report("record-edit", samples)
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: caseboard-bench load|keys|replay|save|edit DIR [N]\n".utf8))
    exit(64)
}
let directory = arguments[2]
let count = arguments.count > 3 ? Int(arguments[3]) ?? 5 : nil
switch arguments[1] {
case "load": try load(directory, runs: count ?? 5)
case "keys": try keys(directory)
case "replay": try replay(directory, runs: count ?? 5)
case "save": try save(directory, count: count ?? 200)
case "edit": try edit(directory, count: count ?? 10)
case "rss":
    // Peak memory once everything is built, search keys included (they are made in the background).
    let (state, _) = try openState(directory, screen: .projects)
    _ = state.dataset.searchKeys.count
    let frame = render(state)
    MemoryBackend(size: size).draw(frame.buffer, cursor: frame.cursor)
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    print(String(format: "rss peak %.0f MB", Double(usage.ru_maxrss) / 1024))
default:
    FileHandle.standardError.write(Data("unknown benchmark \(arguments[1])\n".utf8))
    exit(64)
}
