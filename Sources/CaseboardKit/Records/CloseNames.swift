/// Names near one that matched nothing, for "did you mean": a typo ("Kirklees Councel"), a shortened or lengthened
/// name ("Kirklees YOT" for "Kirklees Youth Offending Team"), or words in common.
enum CloseNames {
    /// At most three `"Name" (id)`, closest first.
    static func near(_ text: String, _ records: [(id: String, name: String)]) -> [String] {
        let folded = FieldInput.fold(text)
        let words = significantWords(text)
        guard !folded.isEmpty else { return [] }
        let typos = max(1, folded.count / 5)
        var scored: [(score: Int, label: String)] = []
        for record in records {
            let name = FieldInput.fold(record.name)
            guard !name.isEmpty else { continue }
            let distance = editDistance(folded, name, limit: typos)
            let shared = words.intersection(significantWords(record.name)).count
            let contains = min(folded.count, name.count) >= 4 && (name.contains(folded) || folded.contains(name))
            guard distance <= typos || contains || shared >= 1 else { continue }
            scored.append((distance * 10 - shared * 3 - (contains ? 20 : 0), "\"\(record.name)\" (\(record.id))"))
        }
        return scored.sorted { $0.score != $1.score ? $0.score < $1.score : $0.label < $1.label }.prefix(3).map(\.label)
    }

    /// Words of four letters or more, other than ones most organisations share.
    private static func significantWords(_ text: String) -> Set<String> {
        let common: Set<String> = ["council", "service", "services", "team", "west", "yorkshire", "trust", "project", "programme", "with"]
        let words = SearchKeys.fold(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        return Set(words.filter { $0.count >= 4 && !common.contains($0) })
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it is over the limit.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            var best = current[0]
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                best = min(best, current[j])
            }
            if best > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
