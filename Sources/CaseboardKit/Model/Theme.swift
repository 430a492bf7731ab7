/// One of the four strategy themes of the Government's Serious Violence Strategy.
public struct Theme: Equatable, Sendable {
    public var id: String
    public var name: String
    public var description: String

    public init(id: String, name: String, description: String) {
        self.id = id
        self.name = name
        self.description = description
    }

    /// The stable ids every data set must use, in the strategy's own order.
    public static let knownIDs = ["county-lines", "early-intervention", "communities", "law-enforcement"]

    /// The strategy's own name for a theme.
    public static func longName(_ id: String) -> String {
        switch id {
        case "county-lines": return "Tackling county lines and misuse of drugs"
        case "early-intervention": return "Early intervention and prevention"
        case "communities": return "Supporting communities and local partnerships"
        case "law-enforcement": return "Law enforcement and the criminal justice response"
        default: return id
        }
    }

    /// A compact label for narrow columns and chips.
    public static func shortName(_ id: String) -> String {
        switch id {
        case "county-lines": return "County lines"
        case "early-intervention": return "Early intervention"
        case "communities": return "Communities"
        case "law-enforcement": return "Law enforcement"
        default: return id
        }
    }
}
