import Foundation

/// One change a coordinator made: a status move, a note, or the undoing of an earlier event.
/// Stored as one compact JSON line in `journal.jsonl`.
public struct JournalEvent: Sendable, Equatable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable {
        case status
        case note
        case undo
        /// Records added, changed, retired: by hand, in a form, or a whole import in one event.
        case edit
    }

    public var id: String
    /// UTC, ISO-8601 with milliseconds: `2026-11-25T18:30:41.123Z`. Sorts correctly as text.
    public var time: String
    public var author: String
    /// Project id.
    public var project: String
    public var kind: Kind
    public var from: ProjectStatus?
    public var to: ProjectStatus?
    public var note: String?
    /// For `undo`: the id of the event it undoes.
    public var undoes: String?
    /// For `edit`, and the undo of one: the record changes, applied together or not at all.
    public var changes: [RecordChange] = []
    /// For an import: the file it came from.
    public var source: String?
    /// For a move to at-risk or paused (and the undo of one): why, who owns it (a contact id), when it is reviewed.
    public var risk: RiskNote?

    public init(
        id: String, time: String, author: String, project: String, kind: Kind, from: ProjectStatus? = nil,
        to: ProjectStatus? = nil, note: String? = nil, undoes: String? = nil
    ) {
        self.id = id
        self.time = time
        self.author = author
        self.project = project
        self.kind = kind
        self.from = from
        self.to = to
        self.note = note
        self.undoes = undoes
    }

    /// `time` as a Date; nil only for a time that was written by hand and does not parse.
    public var date: Date? { JournalTime.parse(time) }

    /// `2026-11-25 18:30 UTC`: the form used in messages.
    public var shortTime: String { JournalTime.short(time) }

    /// A fresh id: a random UUID in lower case, unique across processes and machines.
    public static func newID() -> String { UUID().uuidString.lowercased() }

    /// The JSON line (without its newline). Keys in a fixed order; absent fields are left out.
    public var jsonLine: String {
        var members: [(String, JSONOutput)] = [
            ("id", .string(id)), ("time", .string(time)), ("author", .string(author)), ("project", .string(project)),
            ("kind", .string(kind.rawValue)),
        ]
        if let from { members.append(("from", .string(from.rawValue))) }
        if let to { members.append(("to", .string(to.rawValue))) }
        if let note { members.append(("note", .string(note))) }
        if let undoes { members.append(("undoes", .string(undoes))) }
        if let source { members.append(("source", .string(source))) }
        if let risk {
            members.append(("reason", .string(risk.reason)))
            if let owner = risk.owner { members.append(("owner", .string(owner))) }
            if let review = risk.review { members.append(("review", .string(review))) }
        }
        if !changes.isEmpty { members.append(("changes", .array(changes.map(\.json)))) }
        return JSONWriter.compact(.object(members))
    }

    /// A problem with one line, at a byte offset within that line.
    struct DecodeError: Error {
        var offset: Int
        var message: String
    }

    static let fields = ["id", "time", "author", "project", "kind", "from", "to", "note", "undoes", "source", "reason", "owner", "review"]

    /// Decodes one line. Unknown fields are ignored so a newer Caseboard's journal still replays.
    static func decode(line: [UInt8]) throws(DecodeError) -> JournalEvent {
        let root: JSONNode
        do {
            root = try JSONParser.parse(line)
        } catch {
            throw DecodeError(offset: error.offset, message: "syntax error: \(error.message)")
        }
        guard case .object(let members) = root.value else {
            throw DecodeError(offset: root.offset, message: "expected an event object, found \(root.value.typeName)")
        }
        var values: [String: (text: String, offset: Int)] = [:]
        var changes: [RecordChange] = []
        for member in members where member.key == "changes" {
            guard case .array(let items) = member.node.value else {
                throw DecodeError(offset: member.node.offset, message: "field \"changes\": expected an array of changes")
            }
            for item in items {
                do {
                    changes.append(try RecordChange.decode(item))
                } catch {
                    throw DecodeError(offset: item.offset, message: "field \"changes\": \(error.message)")
                }
            }
        }
        for member in members where fields.contains(member.key) {
            if values[member.key] != nil {
                throw DecodeError(offset: member.keyOffset, message: "field \"\(member.key)\" appears twice")
            }
            guard case .string(let text) = member.node.value else {
                throw DecodeError(
                    offset: member.node.offset,
                    message: "field \"\(member.key)\": expected a string, found \(member.node.value.typeName)")
            }
            values[member.key] = (text, member.node.offset)
        }
        func required(_ key: String) throws(DecodeError) -> String {
            guard let value = values[key] else {
                throw DecodeError(offset: root.offset, message: "missing required field \"\(key)\"")
            }
            guard !value.text.isEmpty else {
                throw DecodeError(offset: value.offset, message: "field \"\(key)\" must not be empty")
            }
            return value.text
        }
        func status(_ key: String) throws(DecodeError) -> ProjectStatus? {
            guard let value = values[key] else { return nil }
            guard let status = ProjectStatus(rawValue: value.text) else {
                throw DecodeError(offset: value.offset, message: "field \"\(key)\": unknown status \"\(value.text)\"")
            }
            return status
        }
        let id = try required("id")
        let label = "event \"\(id)\""
        let time = try required("time")
        guard JournalTime.parse(time) != nil else {
            throw DecodeError(
                offset: values["time"]!.offset,
                message: "\(label): field \"time\": \"\(time)\" is not a UTC time like 2026-11-25T18:30:41.123Z")
        }
        let author = try required("author")
        let project = try required("project")
        let kindText = try required("kind")
        guard let kind = Kind(rawValue: kindText) else {
            throw DecodeError(
                offset: values["kind"]!.offset,
                message: "\(label): field \"kind\": unknown kind \"\(kindText)\"; expected status, note, undo or edit")
        }
        var event = JournalEvent(
            id: id, time: time, author: author, project: project, kind: kind, from: try status("from"),
            to: try status("to"), note: values["note"]?.text, undoes: values["undoes"]?.text)
        event.changes = changes
        event.source = values["source"]?.text
        if let reason = values["reason"]?.text {
            event.risk = RiskNote(reason: reason, owner: values["owner"]?.text, review: values["review"]?.text)
        }
        switch kind {
        case .status where event.to == nil:
            throw DecodeError(offset: root.offset, message: "\(label): a status event needs field \"to\"")
        case .note where event.note == nil:
            throw DecodeError(offset: root.offset, message: "\(label): a note event needs field \"note\"")
        case .undo where event.undoes == nil:
            throw DecodeError(offset: root.offset, message: "\(label): an undo event needs field \"undoes\"")
        case .edit where event.changes.isEmpty:
            throw DecodeError(offset: root.offset, message: "\(label): an edit event needs field \"changes\"")
        default:
            return event
        }
    }
}

extension JournalEvent {
    /// The status this event leaves its project in, if it sets one.
    public var statusAfter: ProjectStatus? {
        switch kind {
        case .status, .undo: return to
        case .note, .edit: return nil
        }
    }
}

/// Why a project is at risk or paused, as the move to that status records it.
public struct RiskNote: Equatable, Sendable {
    public var reason: String
    /// A contact id.
    public var owner: String?
    /// `YYYY-MM-DD`.
    public var review: String?

    public init(reason: String, owner: String? = nil, review: String? = nil) {
        self.reason = reason
        self.owner = owner
        self.review = review
    }
}
