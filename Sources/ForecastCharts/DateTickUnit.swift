import ForecastData

/// One candidate spacing for date ticks (every 3 months, every 6 hours, …) and how its ticks are
/// labelled.
///
/// Ticks fall on calendar boundaries (1 January, the first of a month, a Monday, a whole hour),
/// not at multiples of a fixed number of seconds, so labels read as round dates.
struct DateTickUnit: Equatable, Sendable, CustomStringConvertible {
    enum Component: Equatable, Sendable {
        case second, minute, hour, day, week, month, year
    }

    let component: Component
    /// How many components lie between neighbouring ticks.
    let count: Int

    /// All spacings the chooser tries, from the finest to the coarsest.
    static let candidates: [DateTickUnit] = {
        var units: [DateTickUnit] = []
        units += [1, 5, 10, 15, 30].map { DateTickUnit(component: .second, count: $0) }
        units += [1, 5, 10, 15, 30].map { DateTickUnit(component: .minute, count: $0) }
        units += [1, 2, 3, 6, 12].map { DateTickUnit(component: .hour, count: $0) }
        units += [1, 2].map { DateTickUnit(component: .day, count: $0) }
        units += [1, 2].map { DateTickUnit(component: .week, count: $0) }
        units += [1, 2, 3, 6].map { DateTickUnit(component: .month, count: $0) }
        var years = 1
        while years <= 100_000 {
            for factor in [1, 2, 5] { units.append(DateTickUnit(component: .year, count: years * factor)) }
            years *= 10
        }
        return units
    }()

    var description: String { "\(count) \(component)" }

    /// The ticks of this unit that fall in `start ... end` (seconds since the epoch), at most
    /// `limit + 1` of them (enough to reject the unit as too fine).
    func ticks(from start: Double, to end: Double, limit: Int) -> [Double] {
        guard start.isFinite, end.isFinite, start <= end, abs(start) < 3e11, abs(end) < 3e11 else { return [] }
        var result: [Double] = []
        var tick = firstTick(atOrAfter: start)
        while tick <= end + 1e-6 && result.count <= limit {
            result.append(tick)
            tick = next(after: tick)
        }
        return result
    }

    /// The label of a tick of this unit, e.g. `2012`, `Mar 2012`, `2012-03-05`, `03-05 14:00`.
    func label(for seconds: Double) -> String {
        let civil = Timestamp(secondsSinceEpoch: seconds).civil
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        switch component {
        case .year:
            return "\(civil.year)"
        case .month:
            return "\(DateTickUnit.monthAbbreviations[civil.month - 1]) \(civil.year)"
        case .day, .week:
            return "\(civil.year)-\(two(civil.month))-\(two(civil.day))"
        case .hour, .minute:
            return "\(two(civil.month))-\(two(civil.day)) \(two(civil.hour)):\(two(civil.minute))"
        case .second:
            return "\(two(civil.hour)):\(two(civil.minute)):\(two(Int(civil.second.rounded(.down))))"
        }
    }

    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The first boundary of this unit at or after `seconds`.
    private func firstTick(atOrAfter seconds: Double) -> Double {
        let civil = Timestamp(secondsSinceEpoch: seconds).civil
        let day = 86_400.0
        var candidate: Double
        switch component {
        case .second, .minute, .hour:
            let size = Double(count) * (component == .second ? 1 : component == .minute ? 60 : 3600)
            candidate = (seconds / size).rounded(.up) * size
        case .day:
            candidate = (seconds / (day * Double(count))).rounded(.up) * day * Double(count)
        case .week:
            // 1970-01-05 (day 4) was a Monday; weeks and fortnights count from it.
            let size = 7 * day * Double(count)
            let monday = 4 * day
            candidate = ((seconds - monday) / size).rounded(.up) * size + monday
        case .month:
            var month = civil.month
            var year = civil.year
            if Timestamp(year: year, month: month, day: 1).secondsSinceEpoch < seconds { month += 1 }
            while (month - 1) % count != 0 { month += 1 }
            year += (month - 1) / 12
            month = (month - 1) % 12 + 1
            candidate = Timestamp(year: year, month: month, day: 1).secondsSinceEpoch
        case .year:
            var year = civil.year
            if Timestamp(year: year, month: 1, day: 1).secondsSinceEpoch < seconds { year += 1 }
            year = Int((Double(year) / Double(count)).rounded(.up)) * count
            candidate = Timestamp(year: year, month: 1, day: 1).secondsSinceEpoch
        }
        return candidate
    }

    /// The boundary one unit after `tick`.
    private func next(after tick: Double) -> Double {
        switch component {
        case .second: return tick + Double(count)
        case .minute: return tick + Double(count) * 60
        case .hour: return tick + Double(count) * 3600
        case .day: return tick + Double(count) * 86_400
        case .week: return tick + Double(count) * 7 * 86_400
        case .month:
            let civil = Timestamp(secondsSinceEpoch: tick).civil
            let months = civil.month - 1 + count
            return Timestamp(year: civil.year + months / 12, month: months % 12 + 1, day: 1).secondsSinceEpoch
        case .year:
            let civil = Timestamp(secondsSinceEpoch: tick).civil
            return Timestamp(year: civil.year + count, month: 1, day: 1).secondsSinceEpoch
        }
    }
}
