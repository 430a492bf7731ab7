/// One typed cell of a worksheet. Text is always written as a string cell (never a number or a formula), so
/// ids and phone numbers such as "01632960118" keep their leading zeros.
public enum XLSXCell: Equatable, Sendable {
    case text(String)
    /// A plain number (a count).
    case number(Int64)
    /// An amount in pence, written in pounds with the `£#,##0.00` number format.
    case money(pence: Int64)
    /// A calendar date, written as an Excel serial day number with a date format.
    case date(year: Int, month: Int, day: Int)
    /// A UTC time, written as an Excel serial number (days and the fraction of a day) with a date-and-time format.
    case dateTime(year: Int, month: Int, day: Int, seconds: Int)
    case empty

    /// A date cell for "YYYY-MM-DD", a date-and-time cell for "YYYY-MM-DDTHH:MM:SS(.sss)Z"; anything else (an
    /// empty value, a date that does not exist) stays text so nothing is lost.
    public static func dateOrText(_ value: String) -> XLSXCell {
        if value.isEmpty { return .empty }
        let scalars = Array(value.unicodeScalars)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count else { return nil }
            var result = 0
            for scalar in scalars[range] {
                guard ("0"..."9").contains(scalar) else { return nil }
                result = result * 10 + Int(scalar.value - 48)
            }
            return result
        }
        guard scalars.count >= 10, scalars[4] == "-", scalars[7] == "-", let year = number(0..<4), let month = number(5..<7),
            let day = number(8..<10), (1...12).contains(month), (1...daysIn(month, year)).contains(day),
            // Excel counts a 29 February 1900 that never was, so its serials before March 1900 are a day out.
            year > 1900 || (year == 1900 && month >= 3)
        else { return .text(value) }
        if scalars.count == 10 { return .date(year: year, month: month, day: day) }
        guard scalars.count >= 20, scalars[10] == "T", scalars[13] == ":", scalars[16] == ":", scalars.last == "Z",
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19), hour < 24, minute < 60,
            second < 60
        else { return .text(value) }
        return .dateTime(year: year, month: month, day: day, seconds: hour * 3600 + minute * 60 + second)
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Excel's serial day number (days since 1899-12-30, which absorbs Excel's phantom 29 February 1900 for
    /// every date from March 1900 on).
    static func serial(year: Int, month: Int, day: Int) -> Int {
        // Days from the civil date to 1970-01-01 (Howard Hinnant's algorithm), then shifted to Excel's epoch.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468 + 25569
    }
}
