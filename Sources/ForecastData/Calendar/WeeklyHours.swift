/// The hours of the week a round-the-clock market trades: intraday bars that run through the night
/// but stop for the weekend, as currencies do (Sunday evening to Friday evening) and futures that
/// also pause for an hour each day (18:00 to 17:00 the next day). The step after Friday's last bar is
/// Sunday's first, not a bar on Saturday.
///
/// Markets that close every night have a `TradingSession` instead; this is for those that do not.
/// Times are seconds after Monday 00:00 on the clock the source wrote, or on New York's (`zone`)
/// for a file in UTC whose market keeps New York's hours across changes of daylight saving.
public struct WeeklyHours: Hashable, Sendable, CustomStringConvertible {
    /// The times of the week (seconds after Monday 00:00) that hold a bar, ascending.
    public let barTimes: [Int]
    /// The clock the hours are read on when it is not the source's: New York's, with its changes of
    /// daylight saving.
    public let zone: ExchangeTimeZone?

    static let secondsPerWeek = 7 * CivilCalendar.secondsPerDay
    /// How many of the latest weeks decide the hours: enough that a holiday or a missing bar does
    /// not remove one, few enough to follow a change of hours.
    static let recentWeeks = 8
    /// The shortest weekly closure that makes a week of hours: a day. Bars around the clock with
    /// shorter gaps are a calendar with missing bars.
    static let shortestClosure = CivilCalendar.secondsPerDay

    /// Hours from the times of the week of their bars (seconds after Monday 00:00).
    /// - Precondition: `barTimes` is not empty, and its times are distinct and within one week.
    public init(barTimes: [Int], zone: ExchangeTimeZone? = nil) {
        let times = Array(Set(barTimes)).sorted()
        precondition(!times.isEmpty && times.count == barTimes.count, "weekly hours need distinct bar times, got \(barTimes.count)")
        precondition(times[0] >= 0 && times[times.count - 1] < Self.secondsPerWeek, "weekly hours must lie within one week")
        self.barTimes = times
        self.zone = zone
    }

    /// The weekly hours on the clock that holds them best: the source's (`wallClock`, as
    /// `infer(from:frequency:)` reads it), or New York's, from the bars' `instants`, where more of the
    /// latest weeks' bars fall on its hours, or as many on fewer hours (the source's clock then
    /// holds both the winter's and the summer's hours). Currencies and US futures keep New York's
    /// and Chicago's hours, so a file of them in UTC opens an hour earlier in summer; on New York's
    /// clock their week is the same all year, and forecasts follow the change.
    public static func infer(wallClock: [Timestamp], instants: [Timestamp], frequency: Frequency) -> WeeklyHours? {
        guard frequency.isSubDaily, stopsForADay(wallClock) else { return nil }
        let own = fitted(wallClock, frequency: frequency)
        let newYork = ExchangeTimeZone(.XNYS)
        let local = newYork.localTimes(instants)
        guard let zoned = fitted(local, frequency: frequency) else { return own?.hours }
        if let own, own.share > zoned.share || (own.share == zoned.share && own.hours.barTimes.count <= zoned.hours.barTimes.count) {
            return own.hours
        }
        return WeeklyHours(barTimes: zoned.hours.barTimes, zone: newYork)
    }

    /// `timestamps` (instants) on the clock the hours are read on: the source's `wallClock`, or
    /// New York's.
    public func clockTimes(instants: [Timestamp], wallClock: [Timestamp]) -> [Timestamp] {
        guard let zone else { return wallClock }
        return zone.localTimes(instants)
    }

    /// Whether consecutive `timestamps` are a day or more apart somewhere: a weekend seen.
    private static func stopsForADay(_ timestamps: [Timestamp]) -> Bool {
        zip(timestamps, timestamps.dropFirst()).contains { $1.secondsSinceEpoch - $0.secondsSinceEpoch >= Double(shortestClosure) }
    }

    /// The weekly hours of intraday bars that stop for at least a day each week, read from the latest
    /// `recentWeeks` weeks: a time of the week that holds a bar in at least half of the weeks that
    /// reach it is a bar of the week, and so is every step between the week's first and last bar
    /// but a pause that recurs on most days (`withHolesFilled`); at least 90 % of those weeks' bars
    /// fall on such times, and the bars leave a closure of at least a day. nil for other
    /// frequencies, for bars around the clock every day (crypto), and for bars that never stop for a
    /// day (one weekend must be seen, as one night must for a session). `timestamps` are sorted and
    /// on the clock the source wrote.
    public static func infer(from timestamps: [Timestamp], frequency: Frequency) -> WeeklyHours? {
        fitted(timestamps, frequency: frequency)?.hours
    }

    /// The weekly hours `infer(from:frequency:)` finds, with the share of the latest weeks' bars on them.
    private static func fitted(_ timestamps: [Timestamp], frequency: Frequency) -> (hours: WeeklyHours, share: Double)? {
        guard frequency.isSubDaily, let first = timestamps.first, let last = timestamps.last else { return nil }
        let lastWeek = week(of: last)
        let firstWeek = max(week(of: first), lastWeek - recentWeeks + 1)
        guard lastWeek - firstWeek >= 1, stopsForADay(timestamps) else { return nil }
        let start = Double(firstWeek * secondsPerWeek - mondayOffset)
        let recent = timestamps[(timestamps.firstIndex { $0.secondsSinceEpoch >= start } ?? timestamps.count)...]
        // Per time of the week: how many weeks hold a bar at it, and the latest (the rows are sorted).
        var weeksWithBar: [Int: (count: Int, latest: Int)] = [:]
        for timestamp in recent {
            let (time, week) = (secondOfWeek(timestamp), week(of: timestamp))
            let held = weeksWithBar[time] ?? (0, Int.min)
            if held.latest != week { weeksWithBar[time] = (held.count + 1, week) }
        }
        // A time of the week is reached by the weeks whose instant of it lies within the bars.
        let earliest = max(first.secondsSinceEpoch, start)
        let hours = weeksWithBar.compactMap { time, held -> Int? in
            let reached = (firstWeek ... lastWeek).lazy.filter { week in
                let instant = Double(week * secondsPerWeek - mondayOffset + time)
                return instant >= earliest && instant <= last.secondsSinceEpoch
            }.count
            return 2 * held.count >= reached ? time : nil
        }.sorted()
        guard !hours.isEmpty, let step = frequency.nominalSeconds else { return nil }
        let hourSet = Set(withHolesFilled(hours, step: max(1, Int(step))))
        let onHours = recent.lazy.filter { hourSet.contains(secondOfWeek($0)) }.count
        guard 10 * onHours >= 9 * recent.count else { return nil }
        let weekly = WeeklyHours(barTimes: hourSet.sorted())
        return weekly.closure.length >= shortestClosure ? (weekly, Double(onHours) / Double(recent.count)) : nil
    }

    /// `hours` with the steps between the week's first and last bar that the latest weeks happened
    /// to lack put back (a quiet minute, a bar missing twice in a short file), keeping the times of
    /// day absent on most days their market is open: a daily pause, such as futures' hour at 17:00.
    static func withHolesFilled(_ hours: [Int], step: Int) -> [Int] {
        let held = Set(hours)
        let closure = WeeklyHours(barTimes: hours).closure
        let day = CivilCalendar.secondsPerDay
        /// How far into the open week a time of the week lies, from its first bar.
        func intoWeek(_ time: Int) -> Int { ((time - closure.nextBar) % secondsPerWeek + secondsPerWeek) % secondsPerWeek }
        let openLength = intoWeek(closure.lastBar)
        var filled = hours
        for offset in Swift.stride(from: step, to: openLength, by: step) {
            let time = (closure.nextBar + offset) % secondsPerWeek
            guard !held.contains(time) else { continue }
            // The same time of day on each day of the week it falls within the open week.
            let sameTime = (0..<7).map { ($0 * day + time % day) }.filter { intoWeek($0) <= openLength }
            let absent = sameTime.count { !held.contains($0) }
            if absent < 2 || 2 * absent <= sameTime.count { filled.append(time) }
        }
        return filled
    }

    /// The longest stretch of the week without a bar, from the bar before it to the bar after it
    /// (across the week's end where it wraps): the weekend.
    var closure: (lastBar: Int, nextBar: Int, length: Int) {
        var best = (lastBar: barTimes[barTimes.count - 1], nextBar: barTimes[0], length: barTimes[0] + Self.secondsPerWeek - barTimes[barTimes.count - 1])
        for index in barTimes.indices.dropFirst() where barTimes[index] - barTimes[index - 1] > best.length {
            best = (barTimes[index - 1], barTimes[index], barTimes[index] - barTimes[index - 1])
        }
        return best
    }

    /// The week's first bar (seconds after Monday 00:00): the first after its longest closure.
    public var firstBar: Int { closure.nextBar }
    /// The week's last bar: the last before its longest closure.
    public var lastBar: Int { closure.lastBar }

    /// The bars of one day in the middle of the week (Wednesday): the season of the bars' daily
    /// rhythm, 24 for hourly currency bars and 23 for futures that pause an hour a day.
    public var barsPerDay: Int {
        let wednesday = 2 * CivilCalendar.secondsPerDay ..< 3 * CivilCalendar.secondsPerDay
        return barTimes.lazy.filter { wednesday.contains($0) }.count
    }

    /// The season of a series at `frequency` with weekly hours: one day's bars where Wednesday has
    /// any, else the frequency's (`Frequency.seasonPeriod`).
    public static func seasonPeriod(of frequency: Frequency, in hours: WeeklyHours?) -> Int {
        guard frequency.isSubDaily, let hours, hours.barsPerDay > 1 else { return frequency.seasonPeriod }
        return hours.barsPerDay
    }

    /// `Sunday 22:00 to Friday 21:00`: the week's first and last bar, with `New York time` where the
    /// hours are read on New York's clock, and the daily pause where there is one
    /// (`Sunday 18:00 to Friday 16:00, paused 17:00–18:00 daily`).
    public var description: String {
        let pause = dailyPauseHours.map { ", paused \($0) daily" } ?? ""
        return Self.weekTime(firstBar) + " to " + Self.weekTime(lastBar) + (zone == nil ? "" : " New York time") + pause
    }

    /// The pause the bars take at the same time on at least two days, as seconds after midnight from
    /// the end of the bar before it (a step after that bar's time) to the bar after it; nil without one.
    public var dailyPause: (start: Int, end: Int)? {
        let day = CivilCalendar.secondsPerDay
        let step = TradingSession.usualStep(of: barTimes)
        guard step > 0 else { return nil }
        var pauses: [Int: (start: Int, end: Int, count: Int)] = [:]
        for index in barTimes.indices.dropFirst() where barTimes[index] - barTimes[index - 1] > step {
            let start = (barTimes[index - 1] + step) % day
            let held = pauses[start]
            pauses[start] = (start, barTimes[index] % day, (held?.count ?? 0) + 1)
        }
        return pauses.values.filter { $0.count >= 2 }.max { $0.count < $1.count }.map { ($0.start, $0.end) }
    }

    /// The daily pause as clock times, `17:00–18:00`; nil without one.
    public var dailyPauseHours: String? {
        dailyPause.map { TradingSession.clock($0.start) + "–" + TradingSession.clock($0.end) }
    }

    /// The `count` bars after `last`: the next time of the week that holds a bar, into the next week
    /// after the last one. Timestamps are on the wall clock the hours are read on (`utcOffset`
    /// seconds east of UTC, or `zone`'s offset of each bar; the results are UTC instants again).
    /// - Precondition: `count >= 0`.
    public func timestamps(after last: Timestamp, count: Int, utcOffset: Int = 0) -> [Timestamp] {
        precondition(count >= 0, "count of future bars must not be negative, got \(count)")
        if let zone {
            let unzoned = WeeklyHours(barTimes: barTimes)
            let local = last.advanced(by: Double(zone.utcOffset(at: last)))
            return unzoned.timestamps(after: local, count: count).map { $0.advanced(by: Double(-zone.utcOffset(atLocal: $0))) }
        }
        let local = last.secondsSinceEpoch + Double(utcOffset)
        var week = Self.week(of: Timestamp(secondsSinceEpoch: local))
        let second = local - Double(week * Self.secondsPerWeek - Self.mondayOffset)
        var index = barTimes.firstIndex { Double($0) > second } ?? barTimes.count
        var result: [Timestamp] = []
        result.reserveCapacity(count)
        while result.count < count {
            if index == barTimes.count { index = 0; week += 1 }
            let instant = week * Self.secondsPerWeek - Self.mondayOffset + barTimes[index] - utcOffset
            result.append(Timestamp(secondsSinceEpoch: Double(instant)))
            index += 1
        }
        return result
    }

    /// How many bars of the week between the first and the last of `timestamps` (wall-clock,
    /// sorted) have no timestamp: the rows a file lacks, not counting weekends. Bars at other times
    /// count as rows present.
    public func missingBars(in timestamps: [Timestamp]) -> Int {
        guard let first = timestamps.first, let last = timestamps.last, timestamps.count >= 2 else { return 0 }
        var expected = 0
        for week in Self.week(of: first) ... Self.week(of: last) {
            let base = Double(week * Self.secondsPerWeek - Self.mondayOffset)
            expected += barTimes.lazy.filter { base + Double($0) >= first.secondsSinceEpoch && base + Double($0) <= last.secondsSinceEpoch }.count
        }
        return max(0, expected - timestamps.count)
    }

    /// 1970-01-01 was a Thursday: Monday 1969-12-29 starts week 0, three days before the epoch.
    private static let mondayOffset = 3 * CivilCalendar.secondsPerDay

    /// The week (from Monday 00:00) that holds `timestamp`, counted from the week of the epoch.
    static func week(of timestamp: Timestamp) -> Int {
        Int(((timestamp.secondsSinceEpoch + Double(mondayOffset)) / Double(secondsPerWeek)).rounded(.down))
    }

    /// Whole seconds after the Monday 00:00 before `timestamp`.
    static func secondOfWeek(_ timestamp: Timestamp) -> Int {
        let seconds = Int((timestamp.secondsSinceEpoch + Double(mondayOffset)).rounded(.down))
        return ((seconds % secondsPerWeek) + secondsPerWeek) % secondsPerWeek
    }

    /// `Sunday 22:00` for a time of the week.
    public static func weekTime(_ second: Int) -> String {
        Frequency.weekdayNames[second / CivilCalendar.secondsPerDay] + " " + TradingSession.clock(second % CivilCalendar.secondsPerDay)
    }
}
