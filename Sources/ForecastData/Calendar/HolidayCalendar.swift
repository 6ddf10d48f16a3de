/// A set of holidays as civil dates, each with an optional name: what the `holiday` calendar
/// feature looks up.
///
/// Dates are civil dates, not instants, because a holiday is a day on the calendar of the place
/// the data comes from; `contains(_:utcOffset:)` reads a timestamp on that place's clock. A
/// sub-daily timestamp is on a holiday when its date is one.
public struct HolidayCalendar: Hashable, Sendable {
    /// One holiday: a valid civil date and, when known, its name.
    public struct Holiday: Hashable, Sendable {
        public let year: Int
        /// 1 = January … 12 = December.
        public let month: Int
        /// 1 … 31.
        public let day: Int
        public let name: String?

        /// - Precondition: the fields name a real date (no 30 February).
        public init(year: Int, month: Int, day: Int, name: String? = nil) {
            precondition(CivilCalendar.isValid(year: year, month: month, day: day),
                         "Holiday \(year)-\(month)-\(day) is not a date")
            self.year = year
            self.month = month
            self.day = day
            self.name = name
        }

        /// Days since 1970-01-01.
        var dayNumber: Int { CivilCalendar.days(year: year, month: month, day: day) }
    }

    /// The names given to each holiday, by day number (days since 1970-01-01); empty when unnamed.
    private var namesByDay: [Int: [String]]

    /// A calendar of `holidays`; a date listed twice is one holiday whose distinct names are joined
    /// (`New Year's Day / Neujahr`), so files that list a day under two names stay readable.
    public init(_ holidays: [Holiday] = []) {
        namesByDay = [:]
        for holiday in holidays { insert(dayNumber: holiday.dayNumber, names: holiday.name.map { [$0] } ?? []) }
    }

    /// The holidays in date order.
    public var holidays: [Holiday] {
        namesByDay.keys.sorted().map(holiday(dayNumber:))
    }

    public var count: Int { namesByDay.count }

    public var isEmpty: Bool { namesByDay.isEmpty }

    /// Whether the date a clock `utcOffset` seconds east of UTC shows at `timestamp` is a holiday.
    public func contains(_ timestamp: Timestamp, utcOffset: Int = 0) -> Bool {
        namesByDay[timestamp.dayNumber(utcOffset: utcOffset)] != nil
    }

    /// Whether the civil date is a holiday (`false` for an invalid date).
    public func contains(year: Int, month: Int, day: Int) -> Bool {
        CivilCalendar.isValid(year: year, month: month, day: day)
            && namesByDay[CivilCalendar.days(year: year, month: month, day: day)] != nil
    }

    /// The holiday on the date `timestamp` shows on that clock, or nil.
    public func holiday(on timestamp: Timestamp, utcOffset: Int = 0) -> Holiday? {
        let dayNumber = timestamp.dayNumber(utcOffset: utcOffset)
        return namesByDay[dayNumber] == nil ? nil : holiday(dayNumber: dayNumber)
    }

    /// This calendar's holidays and `other`'s (an exchange's closures and a file's dates).
    public func merging(_ other: HolidayCalendar) -> HolidayCalendar {
        var merged = self
        for (dayNumber, names) in other.namesByDay { merged.insert(dayNumber: dayNumber, names: names) }
        return merged
    }

    private mutating func insert(dayNumber: Int, names: [String]) {
        var known = namesByDay[dayNumber] ?? []
        for name in names where !known.contains(name) { known.append(name) }
        namesByDay[dayNumber] = known
    }

    private func holiday(dayNumber: Int) -> Holiday {
        let date = CivilCalendar.date(fromDays: dayNumber)
        let names = namesByDay[dayNumber] ?? []
        return Holiday(year: date.year, month: date.month, day: date.day,
                       name: names.isEmpty ? nil : names.joined(separator: " / "))
    }
}
