import Foundation
import XMLCoder
import ZIPFoundation

/// One worksheet's rows as text, for importing.
public struct XLSXTable: Equatable, Sendable {
    public var sheet: String
    public var rows: [XLSXRow]
}

public struct XLSXRow: Equatable, Sendable {
    /// The row number Excel shows.
    public var number: Int
    /// By column, from A; cells Excel left out of a sparse row are "".
    public var cells: [String]
    /// Cells holding a spreadsheet error (`#N/A`) or a value no date can be, by column index.
    public var errors: [Int: String]
}

public enum XLSXReadError: Error, Equatable, CustomStringConvertible {
    case notAWorkbook(String)
    case damaged(part: String, detail: String)
    case noSheet(String, available: [String])

    public var description: String {
        switch self {
        case .notAWorkbook(let detail): return "not an Excel workbook (.xlsx): \(detail)"
        case .damaged(let part, let detail): return "the workbook's \(part) cannot be read: \(detail)"
        case .noSheet(let name, let available):
            return "no sheet called \"\(name)\"; the sheets are " + available.map { "\"\($0)\"" }.joined(separator: ", ")
        }
    }
}

/// Reads one sheet of an Office Open XML workbook: ZIPFoundation opens the archive and XMLCoder decodes its parts.
/// Cells come back as the text a person would type for them: shared and inline strings (rich-text runs joined),
/// numbers as Excel shows them, dates (a number whose format is a date format) as `YYYY-MM-DD`, TRUE and FALSE,
/// and a formula's cached result.
public enum XLSXReader {
    /// Foundation's XMLParser on Linux (libxml2 without its "huge" option) fails on a document of more than
    /// 10,000,000 bytes: measured, a 10.1 MB sheet fails and a 9.9 MB one reads. That is about 6,500 rows of
    /// `caseboard export`'s projects sheet; a larger part is refused with a way round rather than a parser error.
    static let partLimit = 10_000_000

    /// The sheet named (in any case), else the first; and the names of all the sheets.
    public static func read(_ data: Data, sheet wanted: String? = nil) throws(XLSXReadError) -> XLSXTable {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .notAWorkbook("it is not a zip archive")
        }
        let workbookPath = try officeDocument(archive)
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let workbook: XLSXParts.Workbook = try decode(archive, workbookPath)
        let relationships: XLSXParts.Relationships = try decode(archive, relationshipsPath(of: workbookPath))
        let sheets = workbook.sheets.sheet ?? []
        guard !sheets.isEmpty else { throw .damaged(part: workbookPath, detail: "it lists no sheets") }
        let chosen: XLSXParts.Workbook.Sheet
        if let wanted {
            guard
                let found = sheets.first(where: { $0.name == wanted })
                    ?? sheets.first(where: { $0.name.lowercased() == wanted.lowercased() })
            else { throw .noSheet(wanted, available: sheets.map(\.name)) }
            chosen = found
        } else {
            chosen = sheets[0]
        }
        func target(_ predicate: (XLSXParts.Relationship) -> Bool) -> String? {
            (relationships.items ?? []).first(where: predicate).map { resolve($0.target, in: folder) }
        }
        guard let sheetPath = target({ $0.id == chosen.relationship }) else {
            throw .damaged(part: workbookPath, detail: "sheet \"\(chosen.name)\" has no part")
        }
        let strings: [String]
        if let path = target({ $0.type.hasSuffix("/sharedStrings") }) {
            let part: XLSXParts.SharedStrings = try decode(archive, path)
            strings = (part.si ?? []).map(\.text)
        } else {
            strings = []
        }
        var dateStyles: Set<Int> = []
        if let path = target({ $0.type.hasSuffix("/styles") }) {
            let styles: XLSXParts.Styles = try decode(archive, path)
            dateStyles = dateStyleIndexes(styles)
        }
        let worksheet: XLSXParts.Worksheet = try decode(archive, sheetPath)
        let date1904 = ["1", "true"].contains(workbook.workbookPr?.date1904?.lowercased() ?? "")
        let cells = CellReader(strings: strings, dateStyles: dateStyles, date1904: date1904)
        return XLSXTable(sheet: chosen.name, rows: try cells.rows(worksheet, part: sheetPath))
    }

    /// The indexes into cellXfs whose number format shows a date.
    static func dateStyleIndexes(_ styles: XLSXParts.Styles) -> Set<Int> {
        var custom: [Int: String] = [:]
        for format in styles.numFmts?.numFmt ?? [] {
            if let id = Int(format.numFmtId) { custom[id] = format.formatCode }
        }
        var out: Set<Int> = []
        for (index, format) in (styles.cellXfs?.xf ?? []).enumerated() {
            guard let id = format.numFmtId.flatMap(Int.init) else { continue }
            if let code = custom[id] {
                if XLSXNumbers.isDateFormat(code) { out.insert(index) }
            } else if XLSXNumbers.builtInDates.contains(id) {
                out.insert(index)
            }
        }
        return out
    }

    private static func officeDocument(_ archive: Archive) throws(XLSXReadError) -> String {
        guard archive["_rels/.rels"] != nil else {
            if archive["xl/workbook.xml"] != nil { return "xl/workbook.xml" }
            throw .notAWorkbook("it has no workbook part (is it a Word or other Office file?)")
        }
        let root: XLSXParts.Relationships = try decode(archive, "_rels/.rels")
        guard let document = (root.items ?? []).first(where: { $0.type.hasSuffix("/officeDocument") }) else {
            throw .notAWorkbook("it has no workbook part")
        }
        return resolve(document.target, in: "")
    }

    /// `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func relationshipsPath(of part: String) -> String {
        var pieces = part.split(separator: "/").map(String.init)
        let name = pieces.removeLast()
        return (pieces + ["_rels", name + ".rels"]).joined(separator: "/")
    }

    /// A relationship's target, relative to the folder of the part that names it unless it starts with `/`.
    static func resolve(_ target: String, in folder: String) -> String {
        var pieces: [Substring] = target.hasPrefix("/") || folder.isEmpty ? [] : folder.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = pieces.popLast() } else if piece != "." { pieces.append(piece) }
        }
        return pieces.joined(separator: "/")
    }

    static func decode<Part: Decodable>(_ archive: Archive, _ path: String) throws(XLSXReadError) -> Part {
        guard let entry = archive[path] else { throw .damaged(part: path, detail: "it is missing") }
        guard entry.uncompressedSize <= partLimit else {
            let megabytes = (Double(entry.uncompressedSize) / 1_000_000 * 10).rounded() / 10
            throw .damaged(
                part: path,
                detail:
                    "it is \(megabytes) MB of XML, more than the 10 MB this reader can take; save the sheet as CSV UTF-8 and import that")
        }
        var bytes = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
        } catch {
            throw .damaged(part: path, detail: "it does not unzip (\(error))")
        }
        // Run boundaries in rich text and `xml:space="preserve"` spaces are part of the text: nothing is trimmed,
        // and the whitespace between elements is dropped instead.
        let decoder = XMLDecoder(trimValueWhitespaces: false, removeWhitespaceElements: true)
        do {
            return try decoder.decode(Part.self, from: bytes)
        } catch {
            throw .damaged(part: path, detail: "\(error)")
        }
    }
}
