/// An instant in time, stored as seconds since 1970-01-01T00:00:00Z.
///
/// A plain `Double` keeps timestamps cheap to store by the hundred thousand and exact for whole
/// seconds over the full range of years 1 … 9999 (about ±2.5e11 s, far below 2^53), with
/// sub-microsecond resolution for fractional seconds in modern dates. Everything is UTC: offsets in
/// the input are applied when parsing, so no daylight-saving shift ever changes a step's length.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z; negative before 1970.
    public var secondsSinceEpoch: Double

    public init(secondsSinceEpoch: Double) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// The instant of a UTC civil date and time (proleptic Gregorian calendar).
    ///
    /// The fields are not checked against the month's length: day 32 of January is 1 February,
    /// which is what calendar arithmetic wants. Parsers validate user text before calling this.
    /// - Precondition: `month` is 1 … 12.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Double = 0) {
        precondition((1...12).contains(month), "Timestamp month must be 1 ... 12, got \(month)")
        let days = CivilCalendar.days(year: year, month: month, day: day)
        let wholeSeconds = days * CivilCalendar.secondsPerDay + hour * 3600 + minute * 60
        self.secondsSinceEpoch = Double(wholeSeconds) + second
    }

    /// The instant of civil fields (their `weekday` is ignored: the date determines it).
    public init(_ civil: CivilDateTime) {
        self.init(year: civil.year, month: civil.month, day: civil.day,
                  hour: civil.hour, minute: civil.minute, second: civil.second)
    }

    /// The same instant split into UTC civil fields.
    /// - Precondition: the timestamp is finite and within about ±3 billion years (parsed values are
    ///   always within years 1 … 9999).
    public var civil: CivilDateTime {
        precondition(secondsSinceEpoch.isFinite && abs(secondsSinceEpoch) < 1e17,
                     "Timestamp \(secondsSinceEpoch) s is not a representable date")
        let total = secondsSinceEpoch
        let dayCount = (total / Double(CivilCalendar.secondsPerDay)).rounded(.down)
        var secondOfDay = total - dayCount * Double(CivilCalendar.secondsPerDay)
        var days = Int(dayCount)
        if secondOfDay >= Double(CivilCalendar.secondsPerDay) {      // rounding at a day boundary
            secondOfDay -= Double(CivilCalendar.secondsPerDay)
            days += 1
        }
        let date = CivilCalendar.date(fromDays: days)
        let wholeSecondOfDay = Int(secondOfDay.rounded(.down))
        let hour = wholeSecondOfDay / 3600
        let minute = (wholeSecondOfDay % 3600) / 60
        let second = secondOfDay - Double(hour * 3600 + minute * 60)
        return CivilDateTime(
            year: date.year, month: date.month, day: date.day,
            hour: hour, minute: minute, second: second,
            weekday: CivilCalendar.weekday(fromDays: days)
        )
    }

    /// Whole days since 1970-01-01 (floor), the key for calendar arithmetic.
    /// - Precondition: as for `civil`.
    public var dayNumber: Int {
        precondition(secondsSinceEpoch.isFinite && abs(secondsSinceEpoch) < 1e17,
                     "Timestamp \(secondsSinceEpoch) s is not a representable date")
        return Int((secondsSinceEpoch / Double(CivilCalendar.secondsPerDay)).rounded(.down))
    }

    /// The instant `seconds` later (earlier when negative).
    public func advanced(by seconds: Double) -> Timestamp {
        Timestamp(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    /// Seconds from `self` to `other`.
    public func distance(to other: Timestamp) -> Double {
        other.secondsSinceEpoch - secondsSinceEpoch
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    /// ISO 8601 in UTC: `YYYY-MM-DD` at midnight, otherwise `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`.
    public var description: String {
        civil.isMidnight ? DateFormat.isoDate.string(from: self) : DateFormat.isoDateTime.string(from: self)
    }
}
