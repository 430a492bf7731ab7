/// Ids for imported records that have none of their own.
enum RecordIDs {
    /// "Multi-systemic therapy for 10–14s (Kirklees)" → `multi-systemic-therapy-for-10-14s-kirklees`; "Zoë's
    /// circle" → `zoes-circle`. Empty when nothing usable is left.
    static func make(from name: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in SearchKeys.fold(name).unicodeScalars {
            // "Zoë's" is `zoes`, not `zoe-s`.
            if scalar == "'" || scalar == "\u{2019}" { continue }
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                out.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return out
    }

    /// The record of this kind whose title or name is this one (case, accents and punctuation aside), when
    /// exactly one has it: re-importing a sheet without ids updates the records it made, not copies of them.
    static func existing(named name: String, _ kind: RecordKind, in dataset: Dataset, field: String) -> String? {
        let folded = FieldInput.fold(name)
        let matches = dataset.records(kind).filter { FieldInput.fold($0.record[field].text ?? "") == folded }
        return matches.count == 1 ? matches[0].record.id : nil
    }

    /// `partner "kirklees-council"`: what already has this id, of any kind (ids are unique across the files).
    static func owner(of id: String, in dataset: Dataset) -> String? {
        if dataset.theme(id) != nil { return "theme \"\(id)\"" }
        for kind in RecordKind.allCases where kind != .allocation && dataset.record(kind, id) != nil {
            return "\(kind.label) \"\(id)\""
        }
        return nil
    }
}
