import Foundation

/// Turns what a person types (on the command line, in a form, in a spreadsheet cell) into a field's value,
/// the way a UK user writes it: `£1,121,395`, `01/04/2021`, `1 April 2021`, `2021-22`, names in any case.
/// Anything ambiguous or unreadable is an error that says what was expected, never a guess.
public enum FieldInput {
    public static let maxText = 200
    public static let maxLongText = 2000

    public static func parse(_ raw: String, _ spec: FieldSpec, in dataset: Dataset) -> Result<RecordValue, FieldError> {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return spec.required ? .failure(FieldError("\(spec.label) is required")) : .success(.none) }
        if spec.type.isList {
            var values: [String] = []
            for item in items(text) {
                switch one(item, spec.type, dataset) {
                case .success(let value): if !values.contains(value) { values.append(value) }
                case .failure(let error): return .failure(error)
                }
            }
            if spec.type == .quarters && values.count != 4 {
                return .failure(FieldError("give four amounts, April–June first, separated by \";\""))
            }
            return .success(.list(values))
        }
        switch one(text, spec.type, dataset) {
        case .success(let value):
            if spec.type == .money { return .success(.pence(Pence(value) ?? 0)) }
            return .success(.text(value))
        case .failure(let error): return .failure(error)
        }
    }

    /// `a; b; c` (or one per line). Commas separate only when there is no semicolon and every part is short,
    /// since names may hold commas.
    static func items(_ text: String) -> [String] {
        let separators: Set<Character> = text.contains(";") || text.contains("\n") ? [";", "\n"] : [","]
        return text.split(whereSeparator: { separators.contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }

    private static func one(_ text: String, _ type: FieldSpec.ValueType, _ dataset: Dataset) -> Result<String, FieldError> {
        func fail(_ message: String) -> Result<String, FieldError> { .failure(FieldError(message)) }
        switch type {
        case .text, .tags:
            return text.count > maxText ? fail("\(text.count) characters; the most is \(maxText)") : .success(text)
        case .longText:
            return text.count > maxLongText ? fail("\(text.count) characters; the most is \(maxLongText)") : .success(text)
        case .date:
            return date(text).map { .success($0) } ?? fail("\"\(text)\" is not a date; write 31/03/2022, 31 March 2022 or 2022-03-31")
        case .money, .quarters:
            return money(text).map { .success(String($0)) }
                ?? fail("\"\(text)\" is not an amount in pounds; write 1121395, £1,121,395 or 1121395.50")
        case .year, .years:
            return financialYear(text).map { .success($0) } ?? fail("\"\(text)\" is not a financial year; write 2021/22 or 2021-22")
        case .status:
            return ProjectStatus(lenient: text).map { .success($0.rawValue) }
                ?? fail("unknown status \"\(text)\"; use " + ProjectStatus.allCases.map(\.rawValue).joined(separator: ", "))
        case .district, .districts:
            return district(text).map { .success($0.rawValue) }
                ?? fail("unknown district \"\(text)\"; use " + District.allCases.map(\.name).joined(separator: ", "))
        case .theme, .themes:
            return theme(text, dataset).map { .success($0) }
                ?? fail("unknown theme \"\(text)\"; use " + Theme.knownIDs.map(Theme.shortName).joined(separator: ", "))
        case .organisationKind:
            let folded = fold(text)
            let kind = OrganisationKind.allCases.first { fold($0.rawValue) == folded || fold($0.label) == folded }
            return kind.map { .success($0.rawValue) }
                ?? fail("unknown kind \"\(text)\"; use " + OrganisationKind.allCases.map(\.rawValue).joined(separator: ", "))
        case .provenance:
            return Provenance(rawValue: text.lowercased()).map { .success($0.rawValue) } ?? fail("use report or illustrative")
        case .email:
            return CollectionReader.isEmail(text) ? .success(text) : fail("not an email address")
        case .phone:
            return CollectionReader.isPhone(text) ? .success(text) : fail("not a phone number; use digits, spaces and an optional +")
        case .organisation, .organisations:
            return reference(text, dataset.organisations.map { ($0.id, $0.name) }, "partner organisation", "name")
        case .contact, .contacts:
            return reference(text, dataset.contacts.map { ($0.id, $0.name) }, "contact", "name")
        case .project:
            if dataset.projectIndex[text] != nil { return .success(text) }
            return reference(text, dataset.projects.map { ($0.id, $0.title) }, "project", "title")
        case .stream:
            return reference(text, dataset.funding.map { ($0.id, $0.name) }, "funding stream", "name")
        }
    }

    /// A record named by id or name; when none matches, the names that come close, and when several share the
    /// name, their ids (choosing one would be a guess).
    private static func reference(_ text: String, _ records: [(id: String, name: String)], _ what: String, _ nameWord: String)
        -> Result<String, FieldError>
    {
        if let match = lookup(text, records) { return .success(match) }
        let folded = fold(text)
        let same = records.filter { fold($0.name) == folded }
        if same.count > 1 {
            return .failure(
                FieldError("\(same.count) \(what)s are called \"\(text)\" (" + same.map(\.id).joined(separator: ", ") + "); use the id"))
        }
        let close = CloseNames.near(text, records)
        let hint = close.isEmpty ? "" : "; close: " + close.joined(separator: ", ")
        return .failure(FieldError("no \(what) has the id or \(nameWord) \"\(text)\"" + hint))
    }

    /// Case, accents and punctuation do not matter: "Leeds City Council" matches "leeds city council".
    public static func fold(_ text: String) -> String {
        String(SearchKeys.fold(text).unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// An id, or a name that exactly one record has.
    static func lookup(_ text: String, _ records: [(id: String, name: String)]) -> String? {
        if records.contains(where: { $0.id == text }) { return text }
        let folded = fold(text)
        let matches = records.filter { fold($0.name) == folded || $0.id == text.lowercased() }
        return matches.count == 1 ? matches[0].id : nil
    }

    static func theme(_ text: String, _ dataset: Dataset) -> String? {
        let folded = fold(text)
        return Theme.knownIDs.first { id in
            fold(id) == folded || fold(Theme.shortName(id)) == folded || fold(Theme.longName(id)) == folded
                || dataset.theme(id).map { fold($0.name) == folded } ?? false
        }
    }

    static func district(_ text: String) -> District? {
        let folded = fold(text)
        if ["westyorkshirewide", "allwestyorkshire", "wy"].contains(folded) { return .westYorkshire }
        return District.allCases.first { fold($0.rawValue) == folded || fold($0.name) == folded }
    }

    private static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// `2022-03-31`, `31/03/2022`, `31-03-2022`, `31.03.2022`, `31 March 2022`, `31 Mar 2022` → `2022-03-31`.
    /// Two-digit years and month-first orders are not accepted: they cannot be told apart safely.
    public static func date(_ text: String) -> String? {
        if let iso = CalendarDate(text) { return iso.description }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == " " || $0 == "-" }).map(String.init)
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]), parts[2].count == 4 else { return nil }
        var month = Int(parts[1])
        if month == nil {
            let name = parts[1].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ","))
            guard name.count >= 3, let index = months.firstIndex(where: { $0.hasPrefix(name) }) else { return nil }
            month = index + 1
        }
        return month.flatMap { CalendarDate(year: year, month: $0, day: day)?.description }
    }

    /// `£1,121,395`, `1121395.00`, `1,121,395.5` → pence. Commas must group thousands; no negatives, no `£3.37m`.
    public static func money(_ text: String) -> Pence? {
        var body = text.replacingOccurrences(of: " ", with: "")
        if body.hasPrefix("£") { body.removeFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return nil }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let digits = groups.joined()
        guard digits.allSatisfy(\.isASCII), let pounds = Int64(digits), pounds >= 0 else { return nil }
        var pence: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), let value = Int64(fraction), fraction.allSatisfy(\.isASCII) else { return nil }
            pence = fraction.count == 1 ? value * 10 : value
        }
        let (scaled, overflow) = pounds.multipliedReportingOverflow(by: 100)
        guard !overflow else { return nil }
        return scaled + pence
    }

    /// `2021/22`, `2021-22`, `2021/2022`, `2021-2022`, `FY2021/22` → `2021/22`.
    public static func financialYear(_ text: String) -> String? {
        var body = text.uppercased().replacingOccurrences(of: " ", with: "")
        if body.hasPrefix("FY") { body.removeFirst(2) }
        let parts = body.split(whereSeparator: { $0 == "/" || $0 == "-" })
        guard parts.count == 2, parts[0].count == 4, let first = Int(parts[0]) else { return nil }
        let second: Int?
        switch parts[1].count {
        case 2: second = Int(parts[1]).map { (first / 100) * 100 + $0 + ($0 < first % 100 ? 100 : 0) }
        case 4: second = Int(parts[1])
        default: second = nil
        }
        guard second == first + 1 else { return nil }
        let candidate = "\(first)/\(String(format: "%02d", (first + 1) % 100))"
        return FinancialYear.isValid(candidate) ? candidate : nil
    }
}

/// Why a value was not accepted, in words for the person who typed it.
public struct FieldError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
