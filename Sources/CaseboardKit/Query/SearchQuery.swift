/// What a search line asks for: plain words (each must match, in any order) and field words such as
/// `status:at-risk`, `district:kirklees`, `theme:early`, `lead:barnardos`, `ends:<2022-04-01`.
///
/// The same parser serves the browser's `/` line and the command line's `--search`, so a query copied
/// from one works in the other. Parsing never fails: a word it cannot use is kept as a problem to show
/// the user (and left out of the match), so a typo is explained rather than silently matching nothing.
public struct SearchQuery: Equatable, Sendable {
    /// Plain words, folded (case and accents ignored); every one must match.
    public var words: [String] = []
    /// Repeating a field (or giving values with commas) means any of them: `status:at-risk,paused`.
    public var statuses: Set<ProjectStatus> = []
    public var districts: Set<District> = []
    public var themes: Set<String> = []
    /// Folded, with spaces as hyphens; matched against the lead organisation's id and name.
    public var leads: [String] = []
    public var endsBefore: CalendarDate?
    public var endsAfter: CalendarDate?
    public var startsBefore: CalendarDate?
    public var startsAfter: CalendarDate?
    /// One sentence per word that could not be used, in the order typed.
    public var problems: [String] = []

    /// The field words the parser knows, for messages and help.
    public static let fields = ["status", "district", "theme", "lead", "starts", "ends"]

    public init() {}

    public init(_ text: String) {
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            read(String(word))
        }
    }

    /// True when the query asks for nothing.
    public var isEmpty: Bool { words.isEmpty && !hasFields }

    /// True when a field word narrows the projects.
    public var hasFields: Bool {
        !statuses.isEmpty || !districts.isEmpty || !themes.isEmpty || !leads.isEmpty || endsBefore != nil || endsAfter != nil
            || startsBefore != nil || startsAfter != nil
    }

    /// The query without its plain words (what the column filters alone allow).
    public var fieldsOnly: SearchQuery {
        var copy = self
        copy.words = []
        copy.problems = []
        return copy
    }

    /// Whether every project matching `self` also matches `earlier`: the same field words, and each earlier
    /// word inside one of ours. Then a search can look among the projects the earlier one found.
    public func narrows(_ earlier: SearchQuery) -> Bool {
        fieldsOnly == earlier.fieldsOnly && earlier.words.allSatisfy { old in words.contains { $0.contains(old) } }
    }

    private mutating func read(_ word: String) {
        guard let colon = word.firstIndex(of: ":"), colon != word.startIndex else {
            words.append(SearchKeys.fold(word))
            return
        }
        let field = word[..<colon].lowercased()
        let value = String(word[word.index(after: colon)...])
        guard Self.fields.contains(field) else {
            // A colon inside an ordinary word ("10:30") is text; a known-looking field name is a typo.
            if field.allSatisfy(\.isLetter) {
                problems.append("Unknown search field \"\(field):\"; use " + Self.fields.map { $0 + ":" }.joined(separator: " "))
            } else {
                words.append(SearchKeys.fold(word))
            }
            return
        }
        guard !value.isEmpty else {
            problems.append("\(field): needs a value, such as \(Self.example(field))")
            return
        }
        switch field {
        case "status": statuses.formUnion(choices(field, value, ProjectStatus.allCases.map { ($0.rawValue, $0) }))
        case "district": districts.formUnion(choices(field, value, District.allCases.map { ($0.rawValue, $0) }))
        case "theme": themes.formUnion(choices(field, value, Theme.knownIDs.map { ($0, $0) }))
        case "lead": leads.append(contentsOf: value.split(separator: ",").map { Self.hyphenated(String($0)) })
        default: readDate(field, value)
        }
    }

    /// Values may be cut short while unambiguous: `status:at` is at-risk, `district:kirk` Kirklees.
    private mutating func choices<Value>(_ field: String, _ value: String, _ options: [(id: String, value: Value)]) -> [Value] {
        var chosen: [Value] = []
        for part in value.split(separator: ",") {
            let typed = Self.hyphenated(String(part))
            if let exact = options.first(where: { $0.id == typed }) {
                chosen.append(exact.value)
                continue
            }
            let candidates = options.filter { $0.id.hasPrefix(typed) }
            if candidates.count == 1 {
                chosen.append(candidates[0].value)
            } else if candidates.isEmpty {
                problems.append("No \(field) \"\(part)\"; use one of: " + options.map(\.id).joined(separator: ", "))
            } else {
                problems.append("\(field):\(part) could be " + candidates.map(\.id).joined(separator: " or "))
            }
        }
        return chosen
    }

    private mutating func readDate(_ field: String, _ value: String) {
        guard let sign = value.first, sign == "<" || sign == ">" else {
            problems.append("\(field): takes < or > and a date, such as \(Self.example(field))")
            return
        }
        guard let date = CalendarDate(String(value.dropFirst())) else {
            problems.append("\"\(value.dropFirst())\" is not a date; write it as YYYY-MM-DD, such as \(Self.example(field))")
            return
        }
        switch (field, sign) {
        case ("ends", "<"): endsBefore = date
        case ("ends", _): endsAfter = date
        case ("starts", "<"): startsBefore = date
        default: startsAfter = date
        }
    }

    static func hyphenated(_ text: String) -> String {
        SearchKeys.fold(text).replacingOccurrences(of: " ", with: "-")
    }

    static func example(_ field: String) -> String {
        switch field {
        case "status": return "status:at-risk"
        case "district": return "district:kirklees"
        case "theme": return "theme:early-intervention"
        case "lead": return "lead:kirklees-council"
        case "starts": return "starts:>2021-04-01"
        default: return "ends:<2022-04-01"
        }
    }
}
