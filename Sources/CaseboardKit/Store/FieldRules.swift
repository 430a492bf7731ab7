/// The rules for field values that both loaders apply: the full loader (which reports every problem) and
/// the fast readers (which hand anything unusual to it). One definition each, so the two can never disagree.
/// Dates are `CalendarDate.parse`; financial years `FinancialYear.isValid`; statuses and districts the
/// enums' raw values.
enum FieldRules {
    /// Lower-case letters, digits and hyphens, not starting with a hyphen.
    static func isID<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        guard let first = bytes.first, first != UInt8(ascii: "-") else { return false }
        return bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}
