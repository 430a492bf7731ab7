import Foundation

/// How a number cell reads as text: a date when its number format is a date format, otherwise the number as
/// Excel shows it (15 significant digits, so a formula's 96250.000000000015 is 96250).
enum XLSXNumbers {
    /// Excel's built-in number formats that show a date (ECMA-376 part 1, 18.8.30): 14–17 and 22 everywhere,
    /// 27–36 and 50–58 in East Asian locales.
    static let builtInDates: Set<Int> = Set(14...17).union([22]).union(27...36).union(50...58)

    /// Whether a custom format code shows a date: a day or year token outside quoted text, `[colour]` and
    /// escaped characters. Month tokens alone are left out, since `m` is also minutes.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case "\\", "_", "*": if !inQuotes { escaped = true }
            case "d", "y": if !inQuotes && !inBrackets { return true }
            default: break
            }
        }
        return false
    }

    /// `2021-04-01` from a serial day number: the 1900 date system counts a 29 February 1900 that never was
    /// (serial 60), the 1904 system counts from 1 January 1904. A time of day is dropped. Nil for a serial that
    /// is no real day.
    static func date(serial text: String, date1904: Bool) -> String? {
        guard let value = Double(text), value.isFinite, value >= 0, value < 2_958_466 else { return nil }
        let day = Int(value.rounded(.down))
        let days: Int  // from 1970-01-01
        if date1904 {
            days = day + daysFromEpoch(1904, 1, 1)
        } else {
            guard day >= 1, day != 60 else { return nil }
            days = day + daysFromEpoch(1899, 12, day < 60 ? 31 : 30)
        }
        let (year, month, dayOfMonth) = civil(days)
        return String(format: "%04d-%02d-%02d", year, month, dayOfMonth)
    }

    static func number(_ text: String) -> String {
        guard let value = Double(text), value.isFinite else { return text }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var shown = String(format: "%.15g", value)
        if shown.contains("."), !shown.contains("e") {
            while shown.hasSuffix("0") { shown.removeLast() }
            if shown.hasSuffix(".") { shown.removeLast() }
        }
        return shown
    }

    /// Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    static func daysFromEpoch(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        return era * 146097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719468
    }

    /// The civil date of a day count from 1970-01-01 (the inverse of `daysFromEpoch`).
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
