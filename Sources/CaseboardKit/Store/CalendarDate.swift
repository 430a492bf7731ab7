/// A day in the calendar, with no time or zone, written `YYYY-MM-DD` in data files.
///
/// The one date type, with the one parser that the full loader, the fast readers, the project table, the
/// journal's times and the command line all use: exactly ten bytes, four-digit year, two-digit month and
/// day, ASCII digits only (no sign, no spaces), and a day that exists in that month.
public struct CalendarDate: Comparable, Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(_ text: String) {
        guard let date = Self.parse(text.utf8) else { return nil }
        self = date
    }

    /// From `yyyymmdd`, the form the project table stores.
    public init?(number: Int32) {
        self.init(year: Int(number / 10000), month: Int(number / 100 % 100), day: Int(number % 100))
    }

    /// The parser. Any byte sequence is safe to hand it.
    public static func parse<Bytes: Collection>(_ bytes: Bytes) -> CalendarDate? where Bytes.Element == UInt8 {
        guard bytes.count == 10 else { return nil }
        var fields = (0, 0, 0)
        for (offset, byte) in bytes.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            let digit = Int(byte - 0x30)
            switch offset {
            case 0..<4: fields.0 = fields.0 * 10 + digit
            case 5..<7: fields.1 = fields.1 * 10 + digit
            default: fields.2 = fields.2 * 10 + digit
            }
        }
        return CalendarDate(year: fields.0, month: fields.1, day: fields.2)
    }

    public static func isValid(_ text: String) -> Bool { parse(text.utf8) != nil }

    /// `yyyymmdd`: compares like the date.
    public var number: Int32 { Int32(year * 10000 + month * 100 + day) }

    /// ISO form, `2021-04-01`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.number < rhs.number }

    static func daysIn(month: Int, year: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }
}

/// UK financial years, 1 April – 31 March, written `2021/22`.
public enum FinancialYear {
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "/"), bytes.allSatisfy({ $0 == UInt8(ascii: "/") || ($0 >= 0x30 && $0 <= 0x39) })
        else { return false }
        let first = bytes[0..<4].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        let second = bytes[5..<7].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return (first + 1) % 100 == second
    }

    /// The financial year a calendar date falls in.
    public static func containing(_ date: String) -> String? { CalendarDate(date)?.financialYear.description }
}
