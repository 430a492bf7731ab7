/// The parts of a workbook the reader needs, as XMLCoder decodes them. Element and attribute names are the
/// file format's (ECMA-376); anything else in a part is left unread.
enum XLSXParts {
    struct Relationships: Decodable {
        var items: [Relationship]?
        enum CodingKeys: String, CodingKey { case items = "Relationship" }
    }

    struct Relationship: Decodable {
        var id: String
        var type: String
        var target: String
        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case type = "Type"
            case target = "Target"
        }
    }

    struct Workbook: Decodable {
        var workbookPr: Properties?
        var sheets: Sheets

        struct Properties: Decodable { var date1904: String? }
        struct Sheets: Decodable { var sheet: [Sheet]? }
        struct Sheet: Decodable {
            var name: String
            var relationship: String
            enum CodingKeys: String, CodingKey {
                case name
                case relationship = "r:id"
            }
        }
    }

    struct SharedStrings: Decodable { var si: [RichText]? }

    /// A shared or inline string: plain (`<t>`) or in rich-text runs (`<r><t>`), whose texts join up. Phonetic
    /// guides (`<rPh>`) are not part of the text.
    struct RichText: Decodable {
        var t: Text?
        var r: [Run]?

        struct Run: Decodable { var t: Text? }

        var text: String { (t?.value ?? "") + (r ?? []).map { $0.t?.value ?? "" }.joined() }
    }

    /// An element's text, which may carry `xml:space="preserve"`.
    struct Text: Decodable {
        var value: String
        enum CodingKeys: String, CodingKey { case value = "" }

        init(from decoder: Decoder) throws {
            if let container = try? decoder.container(keyedBy: CodingKeys.self),
                let value = try container.decodeIfPresent(String.self, forKey: .value)
            {
                self.value = value
            } else {
                self.value = (try? decoder.singleValueContainer().decode(String.self)) ?? ""
            }
        }
    }

    struct Styles: Decodable {
        var numFmts: NumberFormats?
        var cellXfs: CellFormats?

        struct NumberFormats: Decodable { var numFmt: [NumberFormat]? }
        struct NumberFormat: Decodable {
            var numFmtId: String
            var formatCode: String
        }
        struct CellFormats: Decodable { var xf: [CellFormat]? }
        struct CellFormat: Decodable { var numFmtId: String? }
    }

    struct Worksheet: Decodable {
        var sheetData: SheetData?

        struct SheetData: Decodable { var row: [Row]? }
        struct Row: Decodable {
            var r: String?
            var c: [Cell]?
        }
        struct Cell: Decodable {
            var r: String?
            var t: String?
            var s: String?
            var v: Text?
            var inline: RichText?
            enum CodingKeys: String, CodingKey {
                case r, t, s, v
                case inline = "is"
            }
        }
    }
}
