import CaseboardKit
import CaseboardTUI
import Foundation
import TOMLKit

/// Writes saved views into the config file's text: the `[views.NAME]` tables are replaced, everything else
/// (other settings, the user's comments, blank lines) is kept as written. TOMLKit would drop comments on a
/// round trip, so the file is edited as text and the result is parsed before it replaces the file.
public enum ViewsWriter {
    /// `text` with its view tables replaced by `views` (written where the first one was, else at the end).
    public static func replacingViews(in text: String, with views: [SavedView]) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var kept: [String] = []
        var insertAt: Int?
        var inViews = false
        var removed: [String] = []
        for line in lines {
            if let table = header(line) {
                let entering = table.first == "views"
                if inViews && !entering {
                    // Comments just above the next table belong to it: they stay.
                    let trailing = removed.reversed().prefix { isCommentOrBlank($0) }.reversed()
                    kept.append(contentsOf: trailing)
                    removed = []
                }
                inViews = entering
                if inViews, insertAt == nil { insertAt = kept.count }
            }
            if inViews { removed.append(line) } else { kept.append(line) }
        }
        // Comments after the last view are kept too (at the end).
        kept.append(contentsOf: removed.reversed().prefix { isCommentOrBlank($0) }.reversed())
        // A blank line and the comment that belonged to the next table stay with it: trailing blank lines
        // of the removed part are dropped only.
        let block = views.map(toml).joined(separator: "\n")
        if let insertAt {
            let tail = kept[insertAt...].drop { $0.trimmingCharacters(in: .whitespaces).isEmpty }
            var out = Array(kept[..<insertAt])
            if !block.isEmpty { out.append(block) }
            if !tail.isEmpty { out.append(contentsOf: [""] + tail) }
            return out.joined(separator: "\n").trimmingTrailingNewlines() + "\n"
        }
        var out = kept.joined(separator: "\n").trimmingTrailingNewlines()
        if !block.isEmpty { out += (out.isEmpty ? "" : "\n\n") + block }
        return out + "\n"
    }

    static func isCommentOrBlank(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    /// The table path of a `[table]` header line, or nil when the line is not one.
    static func header(_ line: String) -> [String]? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix("["), !trimmed.hasPrefix("[[") else { return nil }
        return SourceMap.parts(trimmed.dropFirst().prefix { $0 != "]" })
    }

    /// One view as a TOML table.
    static func toml(_ view: SavedView) -> String {
        var lines = ["[views.\(view.name)]", "screen = \(quoted(view.screen.title.lowercased()))"]
        if !view.filter.themes.isEmpty { lines.append("themes = " + list(view.filter.themes.sorted())) }
        if !view.filter.statuses.isEmpty {
            lines.append("statuses = " + list(ProjectStatus.allCases.filter(view.filter.statuses.contains).map(\.rawValue)))
        }
        if !view.filter.districts.isEmpty {
            lines.append("districts = " + list(District.allCases.filter(view.filter.districts.contains).map(\.rawValue)))
        }
        let dates = view.filter.dates
        let bounds = [
            ("ends_from", dates.endsFrom), ("ends_through", dates.endsThrough), ("starts_from", dates.startsFrom),
            ("starts_through", dates.startsThrough),
        ]
        for (key, number) in bounds {
            if let date = number.flatMap(CalendarDate.init(number:)) { lines.append("\(key) = " + quoted(date.description)) }
        }
        if dates.noEndDate { lines.append("no_end_date = true") }
        if !view.filter.text.isEmpty { lines.append("search = " + quoted(view.filter.text)) }
        lines.append("sort = " + quoted(view.sort.key.rawValue))
        lines.append("direction = " + quoted(view.sort.descending ? "descending" : "ascending"))
        return lines.joined(separator: "\n") + "\n"
    }

    static func list(_ items: [String]) -> String { "[" + items.map(quoted).joined(separator: ", ") + "]" }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Rewrites the views in the file at `path` (creating it, and its directory, when missing), atomically:
    /// a crash leaves the old file or the new one. Refuses when the file no longer parses, so a half-edited
    /// file is never made worse.
    public static func save(_ views: [SavedView], to path: String) throws(Failure) {
        let existing: String
        if FileManager.default.fileExists(atPath: path) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw Failure(description: "cannot read \(path)")
            }
            existing = text
        } else {
            existing = ""
            do {
                try AtomicFile.makeDirectory((path as NSString).deletingLastPathComponent)
            } catch {
                throw Failure(description: error.description)
            }
        }
        if (try? TOMLTable(string: existing)) == nil, let first = SettingsParser.parse(existing).problems.first {
            throw Failure(description: "\(path):\(first) — fix the file first (caseboard config --check)")
        }
        let updated = replacingViews(in: existing, with: views)
        guard (try? TOMLTable(string: updated)) != nil else {
            throw Failure(description: "the views could not be written into \(path) without breaking it")
        }
        do {
            try AtomicFile.write(Array(updated.utf8), to: path)
        } catch {
            throw Failure(description: error.description)
        }
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var copy = self
        while copy.hasSuffix("\n") { copy.removeLast() }
        return copy
    }
}
