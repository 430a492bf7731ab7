/// Ids for new records, made from what people call them: "Knife Crime Awareness" → `knife-crime-awareness`.
public enum RecordID {
    /// Ids stay short enough to type on the command line.
    static let maxLength = 60

    /// An id from a title or name that no record of the kind has, in use or retired (`-2`, `-3` when taken).
    /// An allocation's id is `stream/project/year`, given by its fields, so it is not made here.
    public static func suggest(from name: String, kind: RecordKind, in dataset: Dataset) -> String {
        let base = slug(name).isEmpty ? kind.rawValue : slug(name)
        var candidate = base
        var number = 2
        while dataset.record(kind, candidate) != nil {
            let suffix = "-\(number)"
            candidate = String(base.prefix(maxLength - suffix.count)) + suffix
            number += 1
        }
        return candidate
    }

    /// Lower-case letters and digits, anything else a single hyphen; accents dropped ("Zoë" → "zoe").
    public static func slug(_ text: String) -> String {
        var out = ""
        for scalar in SearchKeys.fold(text).lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        var trimmed = String(out.prefix(maxLength))
        while trimmed.hasSuffix("-") { trimmed.removeLast() }
        return trimmed
    }
}
