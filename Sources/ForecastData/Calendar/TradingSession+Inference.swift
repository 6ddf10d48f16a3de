extension TradingSession {
    /// How many of the latest days with bars decide the session's hours: recent enough to follow a
    /// change of hours, many enough that a half day or a missing bar does not.
    static let recentDays = 20

    /// The session of intraday bars, when their days stop and start again: nil when the bars run
    /// around the clock, when the frequency is not under a day, or when the days do not agree.
    ///
    /// `timestamps` are sorted and on the clock the source wrote (a row at `09:30-05:00` is read at
    /// 09:30). Over the latest `recentDays` days with bars:
    /// 1. a time of day that holds a bar on at least half of those days is a bar of the session (a
    ///    half day or a missing bar does not remove one; a lunch break, absent every day, is no bar);
    /// 2. at least 90 % of those days' bars fall on the session's times, so days that keep
    ///    different hours have no session;
    /// 3. the market is closed for at least an hour a day between the session's last bar and the
    ///    next day's first; bars across midnight are not a session of one day.
    ///
    /// A file written in UTC moves its hours by one when daylight saving starts or ends where the
    /// market is: the days before the latest day whose first and last bars are both an hour off
    /// the last day's are left out, so the new hours hold from the first day after the change.
    /// At least `minimumDays` days with bars are needed: two, since one day's bars cannot tell a
    /// market that closes from one whose file stops mid-day, or one when the market is known (an
    /// exchange asked for). Sessions fall on weekdays only when at most 1 % of the bars are on
    /// Saturdays or Sundays.
    public static func infer(from timestamps: [Timestamp], frequency: Frequency, minimumDays: Int = 2) -> TradingSession? {
        guard frequency.isSubDaily, let stepSeconds = frequency.nominalSeconds, timestamps.count >= 2 else { return nil }
        let step = Int(stepSeconds)
        // Each day's bars as a range of positions: only the latest days' times are read one by one.
        var days: [(day: Int, bars: Range<Int>)] = []
        for (index, timestamp) in timestamps.enumerated() {
            let day = timestamp.dayNumber
            if days.last?.day == day { days[days.count - 1].bars = days[days.count - 1].bars.lowerBound ..< index + 1 } else { days.append((day, index ..< index + 1)) }
        }
        guard days.count >= max(1, minimumDays) else { return nil }
        let weekendBars = days.reduce(0) { $0 + (CivilCalendar.weekday(fromDays: $1.day) >= 6 ? $1.bars.count : 0) }
        let recent = days[sinceChangeOfClock(days, timestamps) ..< days.count].map { day in
            day.bars.map { Int(secondOfDay(timestamps[$0]).rounded(.down)) }
        }
        var counts: [Int: Int] = [:]
        for times in recent { for time in Set(times) { counts[time, default: 0] += 1 } }
        let barTimes = counts.filter { 2 * $0.value >= recent.count }.keys.sorted()
        guard let first = barTimes.first, let last = barTimes.last else { return nil }
        let sessionTimes = Set(barTimes)
        let recentBars = recent.reduce(0) { $0 + $1.count }
        let onSession = recent.reduce(0) { $0 + $1.lazy.filter(sessionTimes.contains).count }
        guard 10 * onSession >= 9 * recentBars,
              CivilCalendar.secondsPerDay - (last + step - first) >= 3600 else { return nil }
        return TradingSession(barTimes: barTimes, weekdaysOnly: Double(weekendBars) <= 0.01 * Double(timestamps.count))
    }

    /// Where the latest run of `recentDays` days starts: after the latest day whose first and last
    /// bars are both exactly an hour off the last day's (a clock change between them), if any.
    private static func sinceChangeOfClock(_ days: [(day: Int, bars: Range<Int>)], _ timestamps: [Timestamp]) -> Int {
        let start = max(0, days.count - recentDays)
        func hours(_ day: (day: Int, bars: Range<Int>)) -> (first: Double, last: Double) {
            (secondOfDay(timestamps[day.bars.lowerBound]), secondOfDay(timestamps[day.bars.upperBound - 1]))
        }
        let latest = hours(days[days.count - 1])
        for index in Swift.stride(from: days.count - 2, through: start, by: -1) {
            let other = hours(days[index])
            let shift = other.first - latest.first
            if abs(shift) == 3600, other.last - latest.last == shift { return index + 1 }
        }
        return start
    }
}
