import CaseboardKit

/// The "(from the report)" or "(illustrative)" that `show` puts after a figure, when the data says.
enum ProvenanceMark {
    /// A figure made of parts is illustrative if any part is, and from the report only if every part is.
    static func of(_ parts: [Provenance?]) -> Provenance? {
        if parts.contains(.illustrative) { return .illustrative }
        return !parts.isEmpty && parts.allSatisfy { $0 == .report } ? .report : nil
    }

    /// Nothing for data without provenance, such as a VRU's own: the output stays as it was.
    static func suffix(_ parts: [Provenance?]) -> String { of(parts).map { " (\($0.label))" } ?? "" }

    static func suffix(_ part: Provenance?) -> String { suffix([part]) }

    /// A record's own line: the report naming a project or partner does not make its other details real.
    static func record(_ provenance: Provenance?) -> String {
        switch provenance {
        case .report: return "named in the report; other details may be illustrative"
        case .illustrative: return "illustrative"
        case nil: return ""
        }
    }
}
