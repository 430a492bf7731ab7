import Foundation

/// Works out what importing a spreadsheet into one kind of record would do: every value converted as a UK user
/// writes it (FieldInput), every problem found at once with its row and column, nothing guessed.
public enum Importer {
    public static func plan(_ table: ImportTable, into kind: RecordKind, mapping: ImportMapping = ImportMapping(), dataset: Dataset)
        -> ImportPlan
    {
        var plan = ImportPlan(kind: kind)
        let rows = table.rows.filter { !$0.isBlank }
        // A title above the header row is skipped: the header is the first row with two headers the importer knows.
        guard let header = rows.prefix(10).first(where: { ColumnMatch.recognised($0, kind: kind, mapping: mapping) >= 2 }) ?? rows.first
        else {
            plan.problems.append(ImportProblem(row: nil, column: nil, "no rows to import: the file is empty"))
            return plan
        }
        let match = ColumnMatch(header: header, kind: kind, mapping: mapping)
        plan.unusedColumns = match.unused
        plan.problems += match.problems
        let fixed = FixedValues(mapping: mapping, kind: kind, dataset: dataset)
        plan.problems += fixed.problems
        for field in Set(match.columns.keys).subtracting(["id"]) where kind.field(field) == nil {
            plan.problems.append(
                ImportProblem(
                    file: mapping.source, row: nil, column: nil, "[columns]: no \(kind.label) field \"\(field)\"; " + fieldList(kind)))
        }
        if match.columns.isEmpty && fixed.values.isEmpty {
            plan.problems.append(
                ImportProblem(
                    row: header.number, column: nil,
                    "no column header names a \(kind.label) field; " + fieldList(kind) + "; or map your headers with --map"))
        }
        guard plan.problems.isEmpty else { return plan }

        var rowsByID: [String: Int] = [:]
        var missing: [String: [Int]] = [:]
        for row in rows where row.number > header.number {
            var reader = RowReader(row: row, table: table, kind: kind, columns: match.columns, fixed: fixed, dataset: dataset)
            let values = reader.values()
            let id = reader.id(values)
            if let id, let earlier = rowsByID[id] {
                reader.problems.append(ImportProblem(row: row.number, column: nil, reader.sameID(id, as: earlier)))
            } else if let id {
                rowsByID[id] = row.number
            }
            if let id, reader.problems.isEmpty {
                for field in reader.add(to: &plan, id: id, values: values) { missing[field, default: []].append(row.number) }
            }
            plan.problems += reader.problems
        }
        for spec in kind.fields where missing[spec.name] != nil {
            let rows = missing[spec.name] ?? []
            plan.problems.append(
                ImportProblem(
                    row: nil, column: nil,
                    "no \"\(spec.label)\" column, and a new \(kind.label) needs one (row\(rows.count == 1 ? "" : "s") "
                        + rows.map(String.init).joined(separator: ", ") + "); add the column, or a default in a --map file"))
        }
        guard plan.problems.isEmpty else { return plan }
        plan.problems += resultProblems(plan, dataset: dataset)
        return plan
    }

    static func fieldList(_ kind: RecordKind) -> String {
        "the fields are id, " + kind.fields.map(\.name).joined(separator: ", ")
    }

    /// What the data set would fail to load with after the import (money over a stream's total, an end before
    /// a start), at the row of the record the message names; a stream's total is no one allocation's row.
    static func resultProblems(_ plan: ImportPlan, dataset: Dataset) -> [ImportProblem] {
        let changes = plan.changes
        guard !changes.isEmpty else { return [] }
        let rows = plan.added.map { ($0.record.id, $0.row) } + plan.changed.map { ($0.id, $0.row) }
        return dataset.problems(after: changes).map { problem in
            let row = rows.first { id, _ in problem.message.contains("\"\(id)\"") }?.1
            return ImportProblem(row: row, column: nil, "would not load: " + problem.message)
        }
    }
}
