extension Frequency {
    /// The share of steps that must be exactly one period for a frequency to be accepted. The rest
    /// may be longer (missing rows, exchange holidays): real share-price files have about 4 % such
    /// steps, so 80 % leaves room for gappy data while rejecting a mess.
    public static let regularStepShare = 0.8

    /// Infers the frequency of sorted timestamps from the typical gap and how consistently the
    /// steps follow it.
    ///
    /// 1. Fewer than two timestamps, or any step that is not strictly increasing ⇒ `.irregular`.
    /// 2. The median gap chooses the candidate: under a day ⇒ the most common gap in whole seconds
    ///    (3600 ⇒ `hourly`, whole minutes ⇒ `minutes(n)`, else `seconds(n)`), or, when that is not
    ///    regular enough, the most common gap between timestamps of the same (UTC) day, so that
    ///    nights between trading sessions do not count as steps; about 1 day ⇒
    ///    `tradingDays` when (almost) no timestamp falls on a weekend, otherwise `daily`; 7 days ⇒
    ///    `weekly`; 25–35 days ⇒ `monthly`; 85–97 days ⇒ `quarterly`; 360–370 days ⇒ `yearly`.
    ///    Day-based gaps are rounded to whole days, so times of day need not agree.
    /// 3. The candidate stands if at least `regularStepShare` of the steps are exactly one period:
    ///    one trading day (Friday → Monday counts as one), one calendar month (whatever the day
    ///    of month: 1st, month-ends, or last business days), and so on. Longer steps are taken as
    ///    missing rows. Otherwise the series is `.irregular`.
    ///
    /// Complexity: O(n log n) for the median.
    public static func infer(from timestamps: [Timestamp]) -> Frequency {
        guard timestamps.count >= 2 else { return .irregular }
        var gaps: [Double] = []
        gaps.reserveCapacity(timestamps.count - 1)
        for index in 1..<timestamps.count {
            let gap = timestamps[index - 1].distance(to: timestamps[index])
            guard gap > 0, gap.isFinite else { return .irregular }
            gaps.append(gap)
        }
        let medianGap = median(gaps)
        let day = Double(CivilCalendar.secondsPerDay)
        if medianGap < day * 0.9 {
            let found = inferSubDaily(gaps: gaps)
            guard found == .irregular else { return found }
            // Then gaps within a day decide: the night between two trading sessions is no step
            // (two-hour bars from 09:30 to 15:30 have three steps a day and one night).
            let withinDays = gaps.indices.filter { timestamps[$0].dayNumber == timestamps[$0 + 1].dayNumber }.map { gaps[$0] }
            return withinDays.isEmpty ? found : inferSubDaily(gaps: withinDays)
        }
        let medianDays = (medianGap / day).rounded()
        let candidate: Frequency
        switch medianDays {
        case 1:
            let weekendCount = timestamps.lazy.filter { CivilCalendar.weekday(fromDays: $0.dayNumber) >= 6 }.count
            candidate = Double(weekendCount) <= 0.01 * Double(timestamps.count) ? .tradingDays : .daily
        case 7: candidate = .weekly
        case 25...35: candidate = .monthly
        case 85...97: candidate = .quarterly
        case 360...370: candidate = .yearly
        default: return .irregular
        }
        let regularSteps = countSinglePeriodSteps(of: candidate, in: timestamps)
        return Double(regularSteps) >= regularStepShare * Double(gaps.count) ? candidate : .irregular
    }

    /// How many consecutive pairs are exactly one period of `frequency` apart.
    static func countSinglePeriodSteps(of frequency: Frequency, in timestamps: [Timestamp]) -> Int {
        guard timestamps.count >= 2 else { return 0 }
        var count = 0
        for index in 1..<timestamps.count
        where isSinglePeriod(frequency, from: timestamps[index - 1], to: timestamps[index]) {
            count += 1
        }
        return count
    }

    /// Whether `next` is exactly one period after `previous`.
    static func isSinglePeriod(_ frequency: Frequency, from previous: Timestamp, to next: Timestamp) -> Bool {
        let gap = previous.distance(to: next)
        let days = Int((gap / Double(CivilCalendar.secondsPerDay)).rounded())
        switch frequency {
        case .daily:
            return days == 1
        case .tradingDays:
            let weekday = CivilCalendar.weekday(fromDays: previous.dayNumber)
            let expected = weekday == 5 ? 3 : (weekday == 6 ? 2 : 1)     // Friday/Saturday → Monday
            return days == expected
        case .weekly:
            return days == 7
        case .monthly, .quarterly, .yearly:
            let months = frequency == .monthly ? 1 : (frequency == .quarterly ? 3 : 12)
            let nominalDays = Double(months) * 365.2425 / 12
            guard abs(Double(days) - nominalDays) <= 0.2 * nominalDays else { return false }
            let a = previous.civil
            let b = next.civil
            return (b.year * 12 + b.month) - (a.year * 12 + a.month) == months
        case .hourly:
            return gap.rounded() == 3600
        case .minutes(let n):
            return gap.rounded() == Double(60 * n)
        case .seconds(let n):
            return gap.rounded() == Double(n)
        case .irregular:
            return false
        }
    }

    /// The modal whole-second gap decides the step of sub-daily series; a gap that is not a whole
    /// second (to the millisecond) is no step of any, so ticks 500 ms or 1.5 s apart are irregular
    /// rather than a calendar of seconds their forecasts would be misdated on.
    private static func inferSubDaily(gaps: [Double]) -> Frequency {
        var counts: [Int: Int] = [:]
        for gap in gaps where abs(gap - gap.rounded()) <= 0.001 { counts[Int(gap.rounded()), default: 0] += 1 }
        guard let (step, stepCount) = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }),
              step >= 1 else { return .irregular }
        guard Double(stepCount) >= regularStepShare * Double(gaps.count) else { return .irregular }
        if step == 3600 { return .hourly }
        if step % 60 == 0 { return .minutes(step / 60) }
        return .seconds(step)
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// How many rows are missing between the first and the last timestamp, counting each step of
    /// k periods as k − 1 missing rows (holidays count as missing trading days: the calendar does
    /// not know them). 0 for irregular series.
    public func missingSteps(in timestamps: [Timestamp]) -> Int {
        guard self != .irregular, timestamps.count >= 2 else { return 0 }
        // Half a period of slack, so that rows off the calendar's exact day (a month's last
        // business day rather than its last day) still count as the step they belong to.
        let slack = 0.5 * (nominalSeconds ?? 0)
        var missing = 0
        if isSubDaily, let step = nominalSeconds {
            // Steps of fixed length: each gap's count, as the walk below would find it.
            for index in 1..<timestamps.count {
                let gap = timestamps[index].secondsSinceEpoch - timestamps[index - 1].secondsSinceEpoch
                missing += max(0, min(10_000, Int((gap / step).rounded())) - 1)
            }
            return missing
        }
        for index in 1..<timestamps.count {
            var probe = timestamps[index - 1]
            var steps = 0
            // Walk the calendar up to the next timestamp; at most 10 000 periods per gap.
            while probe.advanced(by: slack) < timestamps[index], steps < 10_000 {
                guard let next = self.timestamps(after: probe, count: 1).first else { return missing }
                probe = next
                steps += 1
            }
            missing += max(0, steps - 1)
        }
        return missing
    }
}
