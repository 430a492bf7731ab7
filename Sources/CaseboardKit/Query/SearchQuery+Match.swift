extension SearchQuery {
    /// Only the field words of `text`, as typed: what narrows the projects before any word is looked for.
    public static func fieldWords(of text: String) -> String {
        text.split(separator: " ").filter { word in
            guard let colon = word.firstIndex(of: ":") else { return false }
            return fields.contains(word[..<colon].lowercased())
        }.joined(separator: " ")
    }
}

extension Dataset {
    /// The rows among `rows` that pass the query's field words, in the same order: one pass over the
    /// status, district, theme, lead and date columns, as the filter panel's choices are checked.
    func rows(_ rows: [Int], passingFields query: SearchQuery) -> [Int] {
        guard query.hasFields else { return rows }
        var statusAllowed = [Bool](repeating: query.statuses.isEmpty, count: ProjectStatus.allCases.count)
        for status in query.statuses { statusAllowed[status.rank] = true }
        var districtMask: UInt8 = 0
        for district in query.districts { districtMask |= 1 << District.allCases.firstIndex(of: district)! }
        var themeMask: UInt8 = 0
        for theme in query.themes { if let index = Theme.knownIDs.firstIndex(of: theme) { themeMask |= 1 << index } }
        // Each organisation is checked once against the lead words; projects then look up their lead's row.
        let leadAllowed: [Bool]? =
            query.leads.isEmpty
            ? nil
            : organisations.indices.map { row in
                let name = SearchQuery.hyphenated(organisations[row].name)
                let id = organisations[row].id.lowercased()
                return query.leads.contains { name.contains($0) || id.contains($0) }
            }
        // Dates are yyyymmdd numbers; 0 (no date) never passes a date bound.
        let endsBefore = query.endsBefore?.number ?? .max
        let endsAfter = query.endsAfter?.number ?? 0
        let startsBefore = query.startsBefore?.number ?? .max
        let startsAfter = query.startsAfter?.number ?? 0
        let checkEnds = query.endsBefore != nil || query.endsAfter != nil
        let checkStarts = query.startsBefore != nil || query.startsAfter != nil
        var out: [Int] = []
        out.reserveCapacity(rows.count)
        for row in rows {
            if !statusAllowed[projects.statuses[row].rank] { continue }
            if districtMask != 0 && projects.districtMasks[row] & districtMask == 0 { continue }
            if themeMask != 0 && projects.themeMasks[row] & themeMask == 0 { continue }
            if let leadAllowed, !leadAllowed[Int(projects.leads[row])] { continue }
            if checkEnds {
                let end = projects.ends[row]
                if end == 0 || end >= endsBefore || end <= endsAfter { continue }
            }
            if checkStarts {
                let start = projects.starts[row]
                if start == 0 || start >= startsBefore || start <= startsAfter { continue }
            }
            out.append(row)
        }
        return out
    }

    /// The rows among `rows` that contain every word, each looked for among the survivors of the last.
    func rows(_ rows: [Int], containingWords words: [String]) -> [Int] {
        var out = rows
        for word in words where !word.isEmpty {
            out = rowsMatchingText(out, Array(word.utf8))
            if out.isEmpty { break }
        }
        return out
    }
}
