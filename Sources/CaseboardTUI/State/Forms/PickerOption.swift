import CaseboardKit

/// One thing a picker offers: the id the record stores and the name people know it by.
public struct PickerOption: Equatable, Sendable {
    public var id: String
    public var label: String

    /// Fields whose value is chosen from a list rather than typed.
    static func isPicked(_ type: FieldSpec.ValueType) -> Bool {
        switch type {
        case .text, .longText, .date, .money, .quarters, .email, .phone, .tags, .year, .years: return false
        default: return true
        }
    }

    /// Fields that hold several choices (Space ticks each).
    static func isMulti(_ type: FieldSpec.ValueType) -> Bool { isPicked(type) && type.isList }

    /// Everything a field of this type can be, in the order people expect to see it; nil for typed fields.
    static func options(_ type: FieldSpec.ValueType, _ data: Dataset) -> [PickerOption]? {
        switch type {
        case .theme, .themes: return data.themes.map { PickerOption(id: $0.id, label: $0.name) }
        case .status: return ProjectStatus.allCases.map { PickerOption(id: $0.rawValue, label: $0.label) }
        case .district, .districts: return District.allCases.map { PickerOption(id: $0.rawValue, label: $0.name) }
        case .organisationKind: return OrganisationKind.allCases.map { PickerOption(id: $0.rawValue, label: $0.label) }
        case .provenance: return Provenance.allCases.map { PickerOption(id: $0.rawValue, label: $0.label) }
        case .organisation, .organisations: return data.organisations.map { PickerOption(id: $0.id, label: $0.name) }
        case .contact, .contacts:
            return data.contacts.map { PickerOption(id: $0.id, label: "\($0.name) (\(data.organisationName($0.organisation)))") }
        case .project: return data.projects.ids.indices.map { PickerOption(id: data.projects.ids[$0], label: data.projects.title($0)) }
        case .stream: return data.funding.map { PickerOption(id: $0.id, label: $0.name) }
        case .text, .longText, .date, .money, .quarters, .email, .phone, .tags, .year, .years: return nil
        }
    }

    /// The name of one chosen id, looked up without listing every option (projects can number thousands).
    static func label(_ id: String, _ type: FieldSpec.ValueType, _ data: Dataset) -> String {
        switch type {
        case .theme, .themes: return data.theme(id)?.name ?? id
        case .status: return ProjectStatus(rawValue: id)?.label ?? id
        case .district, .districts: return District(rawValue: id)?.name ?? id
        case .organisationKind: return OrganisationKind(rawValue: id)?.label ?? id
        case .provenance: return Provenance(rawValue: id)?.label ?? id
        case .organisation, .organisations: return data.organisation(id)?.name ?? id
        case .contact, .contacts: return data.contact(id)?.name ?? id
        case .project: return data.project(id)?.title ?? id
        case .stream: return data.stream(id)?.name ?? id
        default: return id
        }
    }
}
