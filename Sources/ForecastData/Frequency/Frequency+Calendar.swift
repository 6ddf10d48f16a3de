extension Frequency {
    /// The `count` timestamps that follow `last` at this frequency: the dates of forecast steps.
    ///
    /// - Trading days skip Saturdays and Sundays only: a frequency knows no market, so a forecast
    ///   may be dated on a holiday; each step is still "the next trading session". A `TimeSeries`
    ///   with an `exchange` skips that exchange's holidays too (`TimeSeries.futureTimestamps`).
    /// - Monthly, quarterly and yearly steps keep the day of month: the 15th stays the 15th, a
    ///   month-end stays a month-end (31 Jan → 28/29 Feb → 31 Mar), and a day the target month
    ///   lacks is clamped to its last day (30 Jan → 28 Feb → 30 Mar), counted from `last` each time.
    /// - Hourly and finer steps run around the clock: a series of trading hours gets forecast
    ///   times overnight too (sessions, like holidays, are not known here).
    /// - Every step keeps `last`'s time of day (all in UTC, so there are no daylight-saving jumps).
    /// - Irregular series return `[]`: their forecasts are numbered steps without dates.
    /// - Weekdays, months and times of day are those of a clock `utcOffset` seconds east of UTC:
    ///   the source's, so a file written at local midnight steps over its own weekends.
    /// - Precondition: `count >= 0`.
    public func timestamps(after last: Timestamp, count: Int, utcOffset: Int = 0) -> [Timestamp] {
        precondition(count >= 0, "count of future timestamps must not be negative, got \(count)")
        guard count > 0 else { return [] }
        guard utcOffset == 0 else {
            let shift = Double(utcOffset)
            return timestamps(after: last.advanced(by: shift), count: count).map { $0.advanced(by: -shift) }
        }
        let day = Double(CivilCalendar.secondsPerDay)
        switch self {
        case .irregular:
            return []
        case .daily:
            return (1...count).map { last.advanced(by: Double($0) * day) }
        case .weekly:
            return (1...count).map { last.advanced(by: Double($0) * 7 * day) }
        case .hourly:
            return (1...count).map { last.advanced(by: Double($0) * 3600) }
        case .minutes(let n):
            return (1...count).map { last.advanced(by: Double($0 * 60 * n)) }
        case .seconds(let n):
            return (1...count).map { last.advanced(by: Double($0 * n)) }
        case .tradingDays:
            var result: [Timestamp] = []
            result.reserveCapacity(count)
            var current = last
            while result.count < count {
                current = current.advanced(by: day)
                if CivilCalendar.weekday(fromDays: current.dayNumber) <= 5 { result.append(current) }
            }
            return result
        case .monthly:
            return monthSteps(after: last, months: 1, count: count)
        case .quarterly:
            return monthSteps(after: last, months: 3, count: count)
        case .yearly:
            return monthSteps(after: last, months: 12, count: count)
        }
    }

    /// Steps of whole months that keep the day of month (see `timestamps(after:count:)`).
    private func monthSteps(after last: Timestamp, months: Int, count: Int) -> [Timestamp] {
        let civil = last.civil
        let secondOfDay = last.secondsSinceEpoch - Double(last.dayNumber * CivilCalendar.secondsPerDay)
        let keepsMonthEnd = civil.isLastDayOfMonth
        let monthIndex = civil.year * 12 + (civil.month - 1)
        return (1...count).map { step in
            let target = monthIndex + step * months
            let year = CivilCalendar.floorDivide(target, 12)
            let month = target - year * 12 + 1
            let length = CivilCalendar.daysInMonth(year: year, month: month)
            let day = keepsMonthEnd ? length : min(civil.day, length)
            let days = CivilCalendar.days(year: year, month: month, day: day)
            return Timestamp(secondsSinceEpoch: Double(days * CivilCalendar.secondsPerDay) + secondOfDay)
        }
    }
}
