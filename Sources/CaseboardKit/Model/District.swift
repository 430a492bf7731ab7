/// The five West Yorkshire districts, or the whole county.
public enum District: String, CaseIterable, Sendable, Comparable {
    case bradford
    case calderdale
    case kirklees
    case leeds
    case wakefield
    case westYorkshire = "west-yorkshire"

    public var name: String {
        switch self {
        case .bradford: return "Bradford"
        case .calderdale: return "Calderdale"
        case .kirklees: return "Kirklees"
        case .leeds: return "Leeds"
        case .wakefield: return "Wakefield"
        case .westYorkshire: return "West Yorkshire"
        }
    }

    /// Accepts the id or the display name, in any case ("Kirklees", "west-yorkshire").
    public init?(lenient text: String) {
        let folded = text.lowercased().replacingOccurrences(of: " ", with: "-")
        guard let district = District(rawValue: folded) else { return nil }
        self = district
    }

    public static func < (lhs: District, rhs: District) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
