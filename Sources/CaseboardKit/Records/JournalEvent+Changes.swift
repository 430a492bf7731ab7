extension JournalEvent {
    /// One line for an edit or the undo of one: "end date: 2022-03-31 → 2023-03-31", "added project x",
    /// "imported 14 changes from programmes.xlsx", "3 changes".
    public var changesSummary: String {
        if let source { return "imported \(changes.count) change\(changes.count == 1 ? "" : "s") from \(source)" }
        if changes.count == 1 { return changes[0].summary }
        let records = Set(changes.map { "\($0.kind.rawValue) \($0.id)" })
        if records.count == 1, let first = changes.first {
            return "\(first.kind.label) \(first.id): " + changes.map(\.summary).joined(separator: "; ")
        }
        return "\(changes.count) changes to \(records.count) records"
    }
}
