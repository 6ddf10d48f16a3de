import ForecastData
import ForecastIO
import Forecasting

/// What `tsf predict` (and `tsf train --init`) says when the file it is given does not look like the
/// series the model was fitted on. The model is applied all the same (a user may mean it), but its forecasts then rest
/// on a calendar or a level it never saw, and a plausible-looking number should not hide that.
enum PredictionInputCheck {
    /// Warnings for `series` (read from `file`) against `forecaster` as it was loaded, before it is
    /// conditioned on the file: a different frequency, and, for a model of levels, recent values far
    /// outside the range of the values the model keeps from its training series (farther than that
    /// range's width, or half the largest magnitude, beyond it).
    static func warnings(forecaster: Forecaster, series: TimeSeries, file: String) -> [CSVWarning] {
        var warnings: [CSVWarning] = []
        if forecaster.frequency != .irregular, series.frequency != .irregular, forecaster.frequency != series.frequency {
            warnings.append(CSVWarning("\(file) reads as \(series.frequency), but the model was fitted on \(forecaster.frequency) data: its forecasts follow that calendar's lookback and seasons"))
        }
        // Only a model of levels (no transform) is tied to the training series' level: one of
        // changes or log returns reads a doubled price as it read the old one. The widest record of
        // the training values the file keeps: the statistical models' history, else the last window.
        guard forecaster.transform == .none else { return warnings }
        let kept = forecaster.statistical?.history ?? forecaster.recentValues
        let recent = series.values.suffix(forecaster.requiredHistory).filter(\.isFinite)
        if let low = kept.min(), let high = kept.max(), !recent.isEmpty {
            let mean = recent.reduce(0, +) / Double(recent.count)
            let span = max(high - low, 0.5 * max(abs(low), abs(high)))
            if mean < low - span || mean > high + span {
                warnings.append(CSVWarning("the last \(recent.count) values of \(file) (mean \(TextTable.number(mean))) lie far outside the values the model keeps from the series it was fitted on (\(TextTable.number(low)) to \(TextTable.number(high))): its forecasts rest on a level it never saw"))
            }
        }
        return warnings
    }
}
