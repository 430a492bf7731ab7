/// ISO-8601 calendar dates kept as text: `YYYY-MM-DD` sorts and compares correctly as a string.
public enum CalendarDate {
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        guard let year = Int(text.prefix(4)), let month = Int(text.dropFirst(5).prefix(2)), let day = Int(text.suffix(2)) else {
            return false
        }
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}

/// UK financial years, 1 April – 31 March, written `2021/22`.
public enum FinancialYear {
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "/")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let first = Int(parts[0]), let second = Int(parts[1]) else {
            return false
        }
        return (first + 1) % 100 == second
    }

    /// The financial year a calendar date falls in.
    public static func containing(_ date: String) -> String? {
        guard CalendarDate.isValid(date), let year = Int(date.prefix(4)), let month = Int(date.dropFirst(5).prefix(2)) else { return nil }
        let first = month >= 4 ? year : year - 1
        let second = (first + 1) % 100
        return "\(first)/\(second < 10 ? "0" : "")\(second)"
    }
}
