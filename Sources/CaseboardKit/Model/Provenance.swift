/// Where a figure or record comes from: the published report, or made up to show how Caseboard works.
/// The sample marks both; a VRU's own records usually leave it out.
public enum Provenance: String, CaseIterable, Sendable {
    case report
    case illustrative

    public var label: String {
        switch self {
        case .report: return "from the report"
        case .illustrative: return "illustrative"
        }
    }
}
