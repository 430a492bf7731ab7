/// The `[values]` and `[defaults]` of a --map file, converted as cells are.
struct FixedValues {
    /// Every row takes these, whatever its cells say.
    var values: [String: RecordValue] = [:]
    /// New records take these where their cell is blank or their column missing.
    var defaults: [String: RecordValue] = [:]
    var problems: [ImportProblem] = []

    init(mapping: ImportMapping, kind: RecordKind, dataset: Dataset) {
        values = convert(mapping.values, section: "values", mapping: mapping, kind: kind, dataset: dataset)
        defaults = convert(mapping.defaults, section: "defaults", mapping: mapping, kind: kind, dataset: dataset)
    }

    private mutating func convert(
        _ entries: [ImportMapping.Entry], section: String, mapping: ImportMapping, kind: RecordKind, dataset: Dataset
    ) -> [String: RecordValue] {
        var out: [String: RecordValue] = [:]
        for entry in entries {
            guard var spec = kind.field(entry.key) else {
                problems.append(
                    ImportProblem(
                        file: mapping.source, row: nil, column: nil,
                        "[\(section)] \(entry.key): no \(kind.label) field of that name; " + Importer.fieldList(kind)))
                continue
            }
            spec.required = true
            switch FieldInput.parse(entry.value, spec, in: dataset) {
            case .success(let value): out[entry.key] = value
            case .failure(let error):
                problems.append(ImportProblem(file: mapping.source, row: nil, column: nil, "[\(section)] \(entry.key): \(error.message)"))
            }
        }
        return out
    }
}
