/// A partner organisation: police, a council, a school, a charity…
public struct Organisation: Equatable, Sendable {
    public var id: String
    public var name: String
    public var kind: OrganisationKind
    public var district: District
    public var provenance: Provenance?

    public init(id: String, name: String, kind: OrganisationKind, district: District, provenance: Provenance? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.district = district
        self.provenance = provenance
    }
}

public enum OrganisationKind: String, CaseIterable, Sendable {
    case police
    case localAuthority = "local-authority"
    case health
    case education
    case youthJustice = "youth-justice"
    case prisonProbation = "prison-probation"
    case fireRescue = "fire-rescue"
    case voluntary
    case academic
    case government

    public var label: String {
        switch self {
        case .police: return "Police"
        case .localAuthority: return "Local authority"
        case .health: return "Health"
        case .education: return "Education"
        case .youthJustice: return "Youth justice"
        case .prisonProbation: return "Prison & probation"
        case .fireRescue: return "Fire & rescue"
        case .voluntary: return "Voluntary sector"
        case .academic: return "Academic"
        case .government: return "Government"
        }
    }
}
