import CaseboardKit

/// How a stored value reads in a form's text field, in a shape `FieldInput.parse` reads back, and the
/// canonical form shown beside a date or amount as it is typed.
enum FieldText {
    static func initial(_ value: RecordValue, _ type: FieldSpec.ValueType, style: DateStyle) -> String {
        switch type {
        case .date:
            return value.text.flatMap { CalendarDate($0) }.map(style.format) ?? value.text ?? ""
        case .money:
            return value.pence.map(Money.format) ?? ""
        case .quarters:
            return value.list.compactMap { Pence($0) }.map(Money.format).joined(separator: "; ")
        case .tags, .years:
            return value.list.joined(separator: "; ")
        default:
            return value.isNone ? "" : (value.text ?? value.list.joined(separator: "; "))
        }
    }

    /// "31 Mar 2022" beside a date typed as 31/03/2022; "£1,121,395.50" beside 1121395.5; nil otherwise.
    static func canonical(_ value: RecordValue, _ type: FieldSpec.ValueType, style: DateStyle) -> String? {
        switch (type, value) {
        case (.date, .text(let text)): return CalendarDate(text).map(style.format)
        case (.money, .pence(let pence)): return Money.format(pence)
        case (.quarters, .list(let values)) where !values.isEmpty:
            return values.compactMap { Pence($0) }.map(Money.format).joined(separator: " · ")
        default: return nil
        }
    }
}

extension FieldText {
    /// A value as the form shows it: names rather than ids, dates and amounts as on screen.
    static func display(_ value: RecordValue, _ type: FieldSpec.ValueType, _ data: Dataset, _ style: DateStyle) -> String {
        if value.isNone { return "(none)" }
        if PickerOption.isPicked(type) { return value.list.map { PickerOption.label($0, type, data) }.joined(separator: ", ") }
        return canonical(value, type, style: style) ?? initial(value, type, style: style)
    }
}
