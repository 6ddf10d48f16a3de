/// Ticks for a time axis: the finest calendar spacing whose labels fit without overlapping.
struct DateTicks: Equatable, Sendable {
    /// Tick positions in seconds since the epoch.
    let positions: [Double]
    let labels: [String]
    let unit: DateTickUnit

    /// Chooses ticks for `start ... end` (seconds since the epoch).
    ///
    /// The finest candidate with at most `maximumCount` ticks wins, provided its labels, at
    /// `characterWidth` pixels a character plus a gap, fit in `pixelWidth`; a span too short for
    /// any tick gets its start labelled.
    init(start: Double, end: Double, maximumCount: Int = 8, pixelWidth: Double = .infinity,
         characterWidth: Double = 6.6) {
        precondition(maximumCount >= 2, "DateTicks needs room for at least 2 ticks, got \(maximumCount)")
        let low = min(start, end)
        let high = max(start, end)
        for unit in DateTickUnit.candidates {
            let ticks = unit.ticks(from: low, to: high, limit: maximumCount)
            guard !ticks.isEmpty, ticks.count <= maximumCount else { continue }
            let labels = ticks.map(unit.label(for:))
            let widest = Double(labels.map(\.count).max() ?? 0) * characterWidth + 16
            if pixelWidth.isFinite && high > low {
                let spacing = pixelWidth * (unit.typicalSeconds / (high - low))
                if spacing < widest { continue }
            }
            self.positions = ticks
            self.labels = labels
            self.unit = unit
            return
        }
        // Only a span of less than a second, or times beyond the calendar's range, get here.
        let unit = DateTickUnit(component: .second, count: 1)
        let representable = low.isFinite && abs(low) < 3e11
        self.positions = representable ? [low] : []
        self.labels = representable ? [unit.label(for: low)] : []
        self.unit = unit
    }
}

extension DateTickUnit {
    /// The nominal length of the unit in seconds (months 30.4 days, years 365.25), for spacing
    /// estimates only.
    var typicalSeconds: Double {
        let base: Double
        switch component {
        case .second: base = 1
        case .minute: base = 60
        case .hour: base = 3600
        case .day: base = 86_400
        case .week: base = 7 * 86_400
        case .month: base = 30.44 * 86_400
        case .year: base = 365.25 * 86_400
        }
        return base * Double(count)
    }
}
