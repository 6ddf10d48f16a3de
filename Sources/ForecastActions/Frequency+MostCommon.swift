import ForecastData

extension Collection where Element == Frequency {
    /// The frequency most of these series have (ties to the one met first): one network reads one
    /// calendar, so the choice across series weighs the series of this frequency, and each series
    /// of another chooses alone. Nil for no series.
    var mostCommon: Frequency? {
        let counts = Dictionary(map { ($0, 1) }, uniquingKeysWith: +)
        return reduce(nil) { best, frequency in
            guard let best else { return frequency }
            return counts[frequency]! > counts[best]! ? frequency : best
        }
    }
}
