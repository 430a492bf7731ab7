import CaseboardKit
import Foundation

/// Marks where the search's words occur in a cell, so the eye finds why a row matched.
enum Highlight {
    /// The plain words of the current search (field words are shown by the chips, not highlighted).
    static func words(_ state: AppState) -> [String] {
        state.filter.text.isEmpty ? [] : SearchQuery(state.filter.text).words.filter { !$0.isEmpty }
    }

    /// `text` as spans in `role`, with each occurrence of a word (case and accents ignored) as `.match`.
    /// Only the rows on screen are highlighted, so this costs a few dozen short searches per frame.
    static func spans(_ text: String, words: [String], _ role: Role = .plain) -> [Span] {
        guard !words.isEmpty else { return [Span(text, role)] }
        var marked: [Range<String.Index>] = []
        for word in words {
            var from = text.startIndex
            while from < text.endIndex,
                let found = text.range(of: word, options: [.caseInsensitive, .diacriticInsensitive], range: from..<text.endIndex)
            {
                marked.append(found)
                from = found.upperBound
            }
        }
        guard !marked.isEmpty else { return [Span(text, role)] }
        // Overlapping matches of different words join into one run.
        marked.sort { $0.lowerBound < $1.lowerBound }
        var spans: [Span] = []
        var position = text.startIndex
        for range in marked {
            let start = max(range.lowerBound, position)
            guard start < range.upperBound else { continue }
            if position < start { spans.append(Span(String(text[position..<start]), role)) }
            spans.append(Span(String(text[start..<range.upperBound]), .match))
            position = range.upperBound
        }
        if position < text.endIndex { spans.append(Span(String(text[position...]), role)) }
        return spans
    }
}
