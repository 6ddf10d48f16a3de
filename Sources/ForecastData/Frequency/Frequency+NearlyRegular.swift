extension Frequency {
    /// For timestamps `infer` found irregular: the frequency of their most common step and the share
    /// of steps that are one such step, when at least half are: a calendar with many rows missing
    /// (an hourly feed with one hour in five absent) rather than no calendar, which a reader says.
    /// nil otherwise, for timestamps not strictly increasing, and for steps under a second.
    public static func nearlyRegular(in timestamps: [Timestamp]) -> (frequency: Frequency, share: Double)? {
        guard timestamps.count >= 3 else { return nil }
        var counts: [Int: Int] = [:]
        for index in 1..<timestamps.count {
            let gap = timestamps[index - 1].distance(to: timestamps[index])
            guard gap > 0, gap.isFinite else { return nil }
            counts[Int(gap.rounded()), default: 0] += 1
        }
        // Steps under a second (ticks) have no calendar to miss rows of.
        guard let gap = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key, gap >= 1 else { return nil }
        let day = CivilCalendar.secondsPerDay
        let candidate: Frequency
        if Double(gap) < 0.9 * Double(day) {
            candidate = gap == 3600 ? .hourly : gap % 60 == 0 ? .minutes(gap / 60) : .seconds(gap)
        } else {
            switch Int((Double(gap) / Double(day)).rounded()) {
            case 1: candidate = .daily
            case 7: candidate = .weekly
            case 28...31: candidate = .monthly
            case 89...92: candidate = .quarterly
            case 365...366: candidate = .yearly
            default: return nil
            }
        }
        let share = Double(countSinglePeriodSteps(of: candidate, in: timestamps)) / Double(timestamps.count - 1)
        return share >= 0.5 ? (candidate, share) : nil
    }

    /// One step of the frequency in words, for messages: `an hour`, `5 minutes`, `a trading day`.
    public var oneStep: String {
        switch self {
        case .yearly: return "a year"
        case .quarterly: return "a quarter"
        case .monthly: return "a month"
        case .weekly: return "a week"
        case .daily: return "a day"
        case .tradingDays: return "a trading day"
        case .hourly: return "an hour"
        case .minutes(let n): return n == 1 ? "a minute" : "\(n) minutes"
        case .seconds(let n): return n == 1 ? "a second" : "\(n) seconds"
        case .irregular: return "no fixed step"
        }
    }
}
