/// Day arithmetic and financial years on `CalendarDate`, for the date filters ("ends within 90 days",
/// "started in 2021/22"). Days are counted from 1970-01-01, proleptic Gregorian.
extension CalendarDate {
    /// Days since 1970-01-01 (negative before it).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01; nil outside years 1–9999.
    public init?(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    public func adding(days: Int) -> CalendarDate? { CalendarDate(dayNumber: dayNumber + days) }

    /// The UK financial year (1 April – 31 March) this date falls in.
    public var financialYear: FinancialYearSpan { FinancialYearSpan(startYear: month >= 4 ? year : year - 1) }
}

/// One UK financial year, 1 April to 31 March, named `2021/22`.
public struct FinancialYearSpan: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year it starts in: 2021 for 2021/22.
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    /// From `2021/22`; nil unless the second year follows the first.
    public init?(_ text: String) {
        guard FinancialYear.isValid(text), let first = Int(text.prefix(4)) else { return nil }
        startYear = first
    }

    public var first: CalendarDate { CalendarDate(year: startYear, month: 4, day: 1)! }
    public var last: CalendarDate { CalendarDate(year: startYear + 1, month: 3, day: 31)! }

    public var description: String {
        let second = (startYear + 1) % 100
        return "\(startYear)/\(second < 10 ? "0" : "")\(second)"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.startYear < rhs.startYear }
}
