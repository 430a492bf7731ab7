import CaseboardKit

#if canImport(Glibc)
    import Glibc
#endif

/// How dates are written on screen: `31 Mar 2022` (the default: no day/month ambiguity for UK readers) or
/// ISO `2022-03-31`. Never `12-02`, which half the readers would take the wrong way round.
public enum DateStyle: String, Sendable, CaseIterable {
    case uk, iso

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `31 Mar 2022` or `2022-03-31`.
    public func format(_ date: CalendarDate) -> String {
        switch self {
        case .uk: return "\(date.day < 10 ? "0" : "")\(date.day) \(Self.months[date.month - 1]) \(date.year)"
        case .iso: return date.description
        }
    }

    /// A project table date (`yyyymmdd`, 0 for none); "" when there is none.
    public func format(number: Int32) -> String { CalendarDate(number: number).map(format) ?? "" }

    /// A date from a data file (`YYYY-MM-DD`), or the text unchanged when it is not one.
    public func format(text: String) -> String { CalendarDate(text).map(format) ?? text }

    /// A journal time, `2026-11-04T08:05:00Z`, as `04 Nov 2026 08:05` (or `2026-11-04 08:05`); with
    /// `year: false` as `04 Nov 08:05`, still unambiguous. ISO always keeps the year.
    public func format(time: String, year: Bool = true) -> String {
        guard JournalTime.parse(time) != nil, let date = CalendarDate(String(time.prefix(10))) else { return time }
        let clock = String(time.dropFirst(11).prefix(5))
        switch self {
        case .uk:
            let day = "\(date.day < 10 ? "0" : "")\(date.day) \(Self.months[date.month - 1])"
            return year ? "\(day) \(date.year) \(clock)" : "\(day) \(clock)"
        case .iso: return "\(date.description) \(clock)"
        }
    }

    /// Widest date this style writes, for column widths.
    public var width: Int { self == .uk ? 11 : 10 }
}

extension CalendarDate {
    /// The local calendar date now, for the runner to put in `AppState.today`.
    public static func today() -> CalendarDate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            ?? CalendarDate(year: 2000, month: 1, day: 1)!
    }
}
