extension TradingSession {
    /// How many of the latest days with bars decide the session's hours: recent enough to follow a
    /// change of hours (or of daylight saving, for a file written in UTC), many enough that a half
    /// day or a late first bar does not.
    static let recentDays = 20

    /// The session of intraday bars, when their days stop and start again: nil when the bars run
    /// around the clock, when the frequency is not under a day, or when the days do not agree.
    ///
    /// `timestamps` are sorted and on the clock the source wrote (a row at `09:30-05:00` is read at
    /// 09:30). Over the latest `recentDays` days with bars:
    /// 1. the first bar's time of day most often seen opens the session and the last bar's time
    ///    most often seen ends it (a half day, or a missing first bar, does not move them; of two
    ///    seen as often, the later day's), and each is seen on at least half of those days;
    /// 2. the market is closed for at least an hour a day between the session's end and the next
    ///    day's first bar; bars across midnight are not a session of one day.
    /// At least two days with bars are needed. Sessions fall on weekdays only when at most 1 % of
    /// the days with bars are Saturdays or Sundays.
    public static func infer(from timestamps: [Timestamp], frequency: Frequency) -> TradingSession? {
        guard frequency.isSubDaily, let stepSeconds = frequency.nominalSeconds, timestamps.count >= 2 else { return nil }
        let step = Int(stepSeconds)
        var days: [(day: Int, first: Int, last: Int)] = []
        for timestamp in timestamps {
            let day = timestamp.dayNumber
            let second = Int((timestamp.secondsSinceEpoch - Double(day * CivilCalendar.secondsPerDay)).rounded(.down))
            if let latest = days.last, latest.day == day {
                days[days.count - 1].first = min(latest.first, second)
                days[days.count - 1].last = max(latest.last, second)
            } else {
                days.append((day, second, second))
            }
        }
        guard days.count >= 2 else { return nil }
        let recent = days.suffix(recentDays)
        guard let (firstBar, opens) = mostCommon(recent.map(\.first)),
              let (lastBar, closes) = mostCommon(recent.map(\.last)),
              firstBar <= lastBar,
              2 * opens >= recent.count, 2 * closes >= recent.count,
              CivilCalendar.secondsPerDay - (lastBar + step - firstBar) >= 3600
        else { return nil }
        let weekendDays = days.lazy.filter { CivilCalendar.weekday(fromDays: $0.day) >= 6 }.count
        return TradingSession(firstBar: firstBar, lastBar: lastBar, step: step,
                              weekdaysOnly: Double(weekendDays) <= 0.01 * Double(days.count))
    }

    /// The value seen most often and how often; of two seen as often, the one seen last (the
    /// hours after a change, when the change is as old as the days before it).
    private static func mostCommon(_ values: [Int]) -> (value: Int, count: Int)? {
        var seen: [Int: (count: Int, last: Int)] = [:]
        for (index, value) in values.enumerated() { seen[value] = ((seen[value]?.count ?? 0) + 1, index) }
        return seen.max { a, b in (a.value.count, a.value.last) < (b.value.count, b.value.last) }.map { ($0.key, $0.value.count) }
    }
}
