import CaseboardKit

/// One line of a record form: typed into (a TextField) or chosen from a list (`picked` ids).
public struct FormField: Equatable, Sendable {
    public var spec: FieldSpec
    public var text: TextField
    public var picked: [String]
    /// Why the field cannot be changed here (a project's status follows `c`), or nil.
    public var locked: String?
    /// Edited since the form opened: its problems show from then on, not before anything was typed.
    public var touched = false
    /// Said beside the field after a refusal: what someone else saved there meanwhile.
    public var meanwhile: String?
    /// The value the form opened with, and its text as first shown: a field whose text is still that keeps the
    /// value exactly, even where one line could not show it (a line break, a control character).
    private var original: RecordValue
    private var originalText: String

    init(_ spec: FieldSpec, _ value: RecordValue, locked: String? = nil, style: DateStyle) {
        self.spec = spec
        self.locked = locked
        let picked = PickerOption.isPicked(spec.type)
        self.picked = picked ? value.list : []
        let limit = spec.type == .longText || spec.type.isList ? FieldInput.maxLongText : FieldInput.maxText
        self.text = TextField(picked ? "" : FieldText.initial(value, spec.type, style: style), limit: limit)
        original = value
        originalText = text.text
    }

    public var isPicked: Bool { PickerOption.isPicked(spec.type) }

    /// The value as it would be saved, or what is wrong with it.
    public func value(in data: Dataset) -> Result<RecordValue, FieldError> {
        guard isPicked else {
            if text.text == originalText && !original.isNone { return .success(original) }
            return FieldInput.parse(text.text, spec, in: data)
        }
        if picked.isEmpty {
            return spec.required ? .failure(FieldError("\(spec.label) is required")) : .success(spec.type.isList ? .list([]) : .none)
        }
        return .success(spec.type.isList ? .list(picked) : .text(picked[0]))
    }

    /// Nil when the value is fine.
    public func problem(in data: Dataset) -> String? {
        guard locked == nil, case .failure(let error) = value(in: data) else { return nil }
        return error.message
    }
}

/// Two values that mean the same: an empty list and no value are both "nothing".
