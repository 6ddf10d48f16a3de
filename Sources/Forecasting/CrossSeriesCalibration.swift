import ForecastEvaluation

/// Interval widths for the series a many-series choice forecasts, calibrated on the values it held
/// out across the series as well as on each series' own history.
///
/// A series' own split-conformal interval rests on the few dozen forecasts its history allows, made
/// by models fitted on that whole history (the network across series trained on those rows too), so
/// its errors look smaller than the errors to come: on the 633 short yearly series of
/// `benchmarks/many_short.py` the 80 % intervals covered 67.8 % of the outcomes. The choice held
/// out each scored series' last `horizon` values and forecast them with models fitted without them;
/// the winner's errors there, each divided by its series' recent movement (`RecentMovement`), are
/// honest scores, and hundreds of series give thousands of them. Their pooled conformal quantile
/// (`ConformalIntervals(level:poolingSteps:)`), times a series' own movement, is a width that covered
/// 81.0 % there, but one width for every series is too wide where a series is easy to forecast.
/// Each half-width is therefore the mean of the series' own and this one: 80.4 % covered (79.2–81.8 %
/// per fold), with a mean MSIS of 7.37 against 7.96 for the own widths and 9.53 for AutoETS.
struct CrossSeriesCalibration: Sendable {
    /// Per horizon step, the winner's absolute held-out errors over the series' recent movement.
    let scores: [[Double]]
    /// The cross-series half-widths at each step of the `levels` given, in units of a series' recent
    /// movement: the same for every series, so pooled once.
    private let unitWidths: [Double: [Double?]]

    /// The scores of `candidate` on the held-out values of every scored series (`evidence`, with the
    /// network across series' forecasts of them, `network`), and their widths at `levels`.
    init(candidate: ManySeriesCandidate, evidence: [ManySeriesChoice.Evidence], network: [[Double]?], horizon: Int,
         levels: [Double] = []) {
        var scores = Array(repeating: [Double](), count: horizon)
        for (item, networkForecast) in zip(evidence, network) where item.actuals.count == horizon {
            guard let forecast = ManySeriesChoice.forecast(of: candidate, evidence: item, network: networkForecast) else { continue }
            let movement = RecentMovement(history: item.history).scale(before: item.history.count)
            for step in 0..<horizon {
                let score = abs(item.actuals[step] - forecast[step]) / movement
                if score.isFinite { scores[step].append(score) }
            }
        }
        self.scores = scores
        unitWidths = Dictionary(levels.map { ($0, ConformalIntervals(level: $0, poolingSteps: scores).halfWidths) },
                                uniquingKeysWith: { first, _ in first })
    }

    /// The cross-series half-widths at `level`, in units of a series' recent movement; nil at a step
    /// where the scores are too few for the level.
    func unitHalfWidths(level: Double) -> [Double?] {
        unitWidths[level] ?? ConformalIntervals(level: level, poolingSteps: scores).halfWidths
    }

    /// `output` with its intervals calibrated (`intervals(_:forecasts:history:)`).
    func calibrated(_ output: ManySeriesForecast.Output) -> ManySeriesForecast.Output {
        ManySeriesForecast.Output(series: output.series, forecasts: output.forecasts,
                                  intervals: intervals(output.intervals, forecasts: output.forecasts, history: output.series.values,
                                                       lowerBound: output.forecaster.lowerBound),
                                  forecaster: output.forecaster, acrossSeries: output.acrossSeries,
                                  calibratedAcrossSeries: calibratedLevels(output.intervals.map(\.level)))
    }

    /// The series' own intervals (`own`, around `forecasts` made after `history`) with each
    /// half-width at each step the mean of its own and the cross-series one (that one times the
    /// series' recent movement); the cross-series width alone where the series' history gave none,
    /// and the series' own where the held-out values give too few scores for the level. A level's
    /// interval is then widened, where needed, to hold every lower level's: the two sources can
    /// exist at one level and not the next (a 99 % interval needs 99 scores), and intervals at
    /// several levels must nest. Bounds below the series' `lowerBound` are raised to it, as the
    /// series' own are (whose half-width is read from the upper bound, which no bound raised).
    func intervals(_ own: [IntervalForecast], forecasts: [Double], history: [Double], lowerBound: Double? = nil) -> [IntervalForecast] {
        let movement = RecentMovement(history: history).scale(before: history.count)
        var halfWidths = own.map { interval -> [Double?] in
            let across = unitHalfWidths(level: interval.level).map { $0.map { $0 * movement } }
            return forecasts.indices.map { step -> Double? in
                let ownWidth = interval.lower[step].flatMap { _ in interval.upper[step].map { $0 - forecasts[step] } }
                let acrossWidth = step < across.count ? across[step] : nil
                switch (ownWidth, acrossWidth) {
                case let (ownWidth?, acrossWidth?): return (ownWidth + acrossWidth) / 2
                default: return acrossWidth ?? ownWidth
                }
            }
        }
        var widest = forecasts.map { _ in 0.0 }
        for index in own.indices.sorted(by: { own[$0].level < own[$1].level }) {
            for step in forecasts.indices {
                guard let width = halfWidths[index][step] else { continue }
                widest[step] = max(widest[step], width)
                halfWidths[index][step] = widest[step]
            }
        }
        return zip(own, halfWidths).map { interval, widths in
            let averaged = IntervalForecast(level: interval.level,
                                            lower: zip(forecasts, widths).map { forecast, width in width.map { forecast - $0 } },
                                            upper: zip(forecasts, widths).map { forecast, width in width.map { forecast + $0 } })
            return lowerBound.map(averaged.raised(to:)) ?? averaged
        }
    }

    /// The levels at which the held-out scores give a width (a 95 % interval needs 19 scores at a
    /// step, and 20 of them at each step it widens).
    func calibratedLevels(_ levels: [Double]) -> [Double] {
        levels.filter { level in unitHalfWidths(level: level).contains { $0 != nil } }
    }

    /// What the calibration did, for the choice's note; nil when no level was calibrated.
    func note(levels: [Double]) -> String? {
        let calibrated = calibratedLevels(levels)
        guard !calibrated.isEmpty else { return nil }
        let named = calibrated.count == levels.count ? "each interval's" : "the \(calibrated.map(MethodComparison.percent).joined(separator: ", ")) intervals'"
        return "\(named) width is the mean of the series' own and the one the winner's errors on the held-out values of \(scores.first?.count ?? 0) series give"
    }
}
