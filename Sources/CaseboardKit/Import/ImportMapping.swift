/// What a `--map` file says (docs/import.md): which field each of the spreadsheet's own headers fills, values
/// every row takes, and defaults for new records. Read from TOML by CaseboardConfig; checked here, against the
/// kind of record being imported.
public struct ImportMapping: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var key: String
        public var value: String

        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    /// The file's path, for messages.
    public var source: String
    /// Header → field name, `id`, or `ignore`.
    public var columns: [Entry]
    /// Field → value for every row, new or existing, whatever the file says.
    public var values: [Entry]
    /// Field → value for new records whose cell is blank or whose column is missing.
    public var defaults: [Entry]

    public init(source: String = "", columns: [Entry] = [], values: [Entry] = [], defaults: [Entry] = []) {
        self.source = source
        self.columns = columns
        self.values = values
        self.defaults = defaults
    }

    static let ignore = "ignore"

    /// The field a header is mapped to (`ignore` included), compared as headers are.
    func field(for header: String) -> String? {
        let folded = FieldInput.fold(header)
        return columns.first { FieldInput.fold($0.key) == folded }?.value
    }
}
