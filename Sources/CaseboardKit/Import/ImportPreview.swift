/// The preview an import prints before it writes anything (and instead of writing, with --dry-run).
public enum ImportPreview {
    public static func text(_ plan: ImportPlan, source: String) -> String {
        let kinds = plan.kind.label + "s"
        var out = ""
        if plan.added.isEmpty && plan.changed.isEmpty {
            out += "Nothing to import: all \(plan.unchanged) record\(plan.unchanged == 1 ? "" : "s") already match.\n"
        } else {
            out += "\(source) into \(kinds): \(plan.added.count) new, \(plan.changed.count) changed, \(plan.unchanged) unchanged\n"
        }
        if !plan.added.isEmpty {
            out += "\nNew \(kinds):\n"
            for added in plan.added {
                let name = added.record[plan.kind == .project ? "title" : "name"].text ?? ""
                out += "  row \(added.row)  + \(added.record.id)" + (name.isEmpty ? "" : "  \(name)") + "\n"
            }
        }
        if !plan.changed.isEmpty {
            out += "\nChanged \(kinds):\n"
            for changed in plan.changed {
                out += "  row \(changed.row)  ~ \(changed.id)\n"
                for change in changed.changes { out += "      \(change.summary)\n" }
            }
        }
        if !plan.notes.isEmpty {
            out += "\nNot imported:\n" + plan.notes.map { "  \($0)\n" }.joined()
        }
        if !plan.unusedColumns.isEmpty {
            out += "\nColumns not used: " + plan.unusedColumns.joined(separator: ", ") + "\n"
        }
        return out
    }
}
