/// Which project dates pass: bounds on the end date and the start date, or "no end date". Bounds are
/// inclusive `yyyymmdd` numbers, as the project table stores dates, so a filter pass compares integers.
/// A project without the date a bound needs does not pass it.
public struct DateFilter: Equatable, Hashable, Sendable {
    public var endsFrom: Int32?
    public var endsThrough: Int32?
    public var startsFrom: Int32?
    public var startsThrough: Int32?
    /// Only projects with no end date (open-ended).
    public var noEndDate = false

    public init(
        endsFrom: CalendarDate? = nil, endsThrough: CalendarDate? = nil, startsFrom: CalendarDate? = nil,
        startsThrough: CalendarDate? = nil, noEndDate: Bool = false
    ) {
        self.endsFrom = endsFrom?.number
        self.endsThrough = endsThrough?.number
        self.startsFrom = startsFrom?.number
        self.startsThrough = startsThrough?.number
        self.noEndDate = noEndDate
    }

    public var isEmpty: Bool { self == DateFilter() }

    /// Ends between the first and last day of `today`'s financial year.
    public static func endsInFinancialYear(of today: CalendarDate) -> DateFilter {
        let year = today.financialYear
        return DateFilter(endsFrom: year.first, endsThrough: year.last)
    }

    /// Ends from today up to `days` days ahead.
    public static func endsWithin(days: Int, of today: CalendarDate) -> DateFilter {
        DateFilter(endsFrom: today, endsThrough: today.adding(days: days))
    }

    public static func startedIn(_ year: FinancialYearSpan) -> DateFilter {
        DateFilter(startsFrom: year.first, startsThrough: year.last)
    }

    public static let openEnded = DateFilter(noEndDate: true)

    /// Whether a project with these table dates (0 for none) passes.
    @inline(__always)
    public func passes(start: Int32, end: Int32) -> Bool {
        if noEndDate && end != 0 { return false }
        if let endsFrom, end == 0 || end < endsFrom { return false }
        if let endsThrough, end == 0 || end > endsThrough { return false }
        if let startsFrom, start == 0 || start < startsFrom { return false }
        if let startsThrough, start == 0 || start > startsThrough { return false }
        return true
    }
}

extension Dataset {
    /// The financial years projects started in, oldest first: the "started in" choices.
    public var startFinancialYears: [FinancialYearSpan] {
        var years = Set<Int>()
        for start in projects.starts where start != 0 {
            let month = Int(start / 100 % 100)
            let year = Int(start / 10000)
            years.insert(month >= 4 ? year : year - 1)
        }
        return years.sorted().map(FinancialYearSpan.init(startYear:))
    }
}
