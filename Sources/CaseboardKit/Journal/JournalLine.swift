/// The journal's fast path: a line in exactly the form Caseboard writes, read straight into the history's
/// columns without building strings for ids, times or notes. Anything else (escapes, other key orders,
/// hand-edited lines) returns nil and goes through the full decoder.
enum JournalLine {
    private static let keys: [[UInt8]] = ["id", "time", "author", "project", "kind", "from", "to", "note", "undoes"].map { Array($0.utf8) }
    private static let kinds = JournalEvent.Kind.allCases.map { Array($0.rawValue.utf8) }
    private static let statuses = ProjectStatus.allCases.map { Array($0.rawValue.utf8) }

    /// nil: not the canonical form; else where the event is in the history (new, or already known by its id).
    static func append(_ line: UnsafeBufferPointer<UInt8>, to history: inout History) -> History.Appended? {
        var index = 0
        var values:
            (
                UnsafeBufferPointer<UInt8>?, UnsafeBufferPointer<UInt8>?, UnsafeBufferPointer<UInt8>?, UnsafeBufferPointer<UInt8>?,
                UnsafeBufferPointer<UInt8>?, UnsafeBufferPointer<UInt8>?, UnsafeBufferPointer<UInt8>?, UnsafeBufferPointer<UInt8>?,
                UnsafeBufferPointer<UInt8>?
            ) = (nil, nil, nil, nil, nil, nil, nil, nil, nil)
        guard line.count > 2, line[0] == UInt8(ascii: "{"), line[line.count - 1] == UInt8(ascii: "}") else { return nil }
        index = 1
        var nextKey = 0
        while true {
            // "key":"value" with the keys in the order Caseboard writes them.
            guard let key = string(line, &index), index < line.count, line[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            var found: Int?
            while nextKey < keys.count {
                defer { nextKey += 1 }
                if keys[nextKey].elementsEqual(key) {
                    found = nextKey
                    break
                }
            }
            guard let slot = found, let value = string(line, &index) else { return nil }
            switch slot {
            case 0: values.0 = value
            case 1: values.1 = value
            case 2: values.2 = value
            case 3: values.3 = value
            case 4: values.4 = value
            case 5: values.5 = value
            case 6: values.6 = value
            case 7: values.7 = value
            default: values.8 = value
            }
            guard index < line.count else { return nil }
            if line[index] == UInt8(ascii: "}") {
                guard index == line.count - 1 else { return nil }
                break
            }
            guard line[index] == UInt8(ascii: ",") else { return nil }
            index += 1
        }
        guard let id = values.0, let time = values.1, let author = values.2, let project = values.3, let kindBytes = values.4,
            !author.isEmpty, !project.isEmpty, EventTime.parse(time) != nil,
            let kindIndex = kinds.firstIndex(where: { $0.elementsEqual(kindBytes) })
        else { return nil }
        let kind = JournalEvent.Kind.allCases[kindIndex]
        func status(_ bytes: UnsafeBufferPointer<UInt8>?) -> ProjectStatus?? {
            guard let bytes else { return .some(nil) }
            guard let found = statuses.firstIndex(where: { $0.elementsEqual(bytes) }) else { return nil }
            return .some(ProjectStatus.allCases[found])
        }
        guard let from = status(values.5), let to = status(values.6) else { return nil }
        switch kind {
        case .status where to == nil: return nil
        case .note where values.7 == nil: return nil
        case .undo where values.8 == nil: return nil
        default: break
        }
        guard let authorText = text(author), let projectText = text(project) else { return nil }
        var note: [UInt8]?
        if let bytes = values.7 {
            guard text(bytes) != nil else { return nil }
            note = Array(bytes)
        }
        var undoes: String?
        if let bytes = values.8 {
            guard let value = text(bytes) else { return nil }
            undoes = value
        }
        return history.append(
            id: id, time: time, author: authorText, project: projectText, kind: kind, from: from, to: to, note: note, undoes: undoes)
    }

    /// A string with no escapes and no control characters; the bytes between the quotes.
    private static func string(_ line: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> UnsafeBufferPointer<UInt8>? {
        guard index < line.count, line[index] == UInt8(ascii: "\"") else { return nil }
        let start = index + 1
        var cursor = start
        // Eight bytes at a time while none is special (see FastProjectReader.isPlainWord).
        if let base = line.baseAddress {
            while cursor + 8 <= line.count, FastProjectReader.isPlainWord(UnsafeRawPointer(base + cursor).loadUnaligned(as: UInt64.self)) {
                cursor += 8
            }
        }
        while cursor < line.count {
            let byte = line[cursor]
            if byte == UInt8(ascii: "\"") {
                index = cursor + 1
                return UnsafeBufferPointer(rebasing: line[start..<cursor])
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            cursor += 1
        }
        return nil
    }

    /// The bytes as a string when they are valid UTF-8.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }
}
