import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Journal timestamps: UTC, ISO-8601 with milliseconds. Made with gmtime_r and read with timegm
/// rather than a DateFormatter, which is slow and depends on the locale.
public enum JournalTime {
    /// `2026-11-25T18:30:41.123Z`.
    public static func format(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(millis >= 0 ? millis / 1000 : (millis - 999) / 1000)
        let fraction = Int(millis - Int64(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), fraction)
    }

    /// `20261125T183041Z`: safe in file names on every file system.
    public static func compact(_ date: Date) -> String {
        let text = format(date)
        return text.prefix(19).filter { $0 != "-" && $0 != ":" } + "Z"
    }

    /// `2026-11-25 18:30 UTC` from a journal time; the text unchanged when it is not one.
    public static func short(_ time: String) -> String {
        guard parse(time) != nil else { return time }
        return String(time.prefix(10)) + " " + String(time.dropFirst(11).prefix(5)) + " UTC"
    }

    /// Accepts `YYYY-MM-DDTHH:MM:SS`, an optional fraction, then `Z`.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        for (index, char) in [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":")] as [(Int, Character)]
        where bytes[index] != char.asciiValue! {
            return nil
        }
        guard let date = CalendarDate.parse(bytes[0..<10]), let hour = number(11..<13), let minute = number(14..<16),
            let second = number(17..<19), hour < 24, minute < 60, second < 61
        else { return nil }
        let (year, month, day) = (date.year, date.month, date.day)
        var fraction = 0.0
        if bytes.count > 20 {
            guard bytes[19] == UInt8(ascii: "."), bytes.count > 21, bytes.count <= 30,
                let digits = number(20..<(bytes.count - 1))
            else { return nil }
            fraction = Double(digits) / pow(10, Double(bytes.count - 21))
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        return Date(timeIntervalSince1970: Double(timegm(&parts)) + fraction)
    }
}
