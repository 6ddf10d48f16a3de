import ForecastData
import Forecasting
import ForecastStorage

/// A series of a many-series forecast too short for the network, or constant, forecast by the better
/// of the naive and seasonal-naive forecasts, as a single-series forecast of it would be; where a
/// run saves a model per series or reads feature columns, or the method is forced, it fails alone.
struct SimpleFallback: Sendable {
    let applies: Bool
    let levels: [Double]
    let files: SeriesFiles

    init(action: ManySeriesForecastAction, files: SeriesFiles) {
        applies = action.configuration.resolvedSelection == .automatic && !action.source.selection.hasFeatures
            && files.models == nil
        levels = action.levels
        self.files = files
    }

    /// Whether `error` is one a simple forecast answers here.
    func allows(_ error: ForecasterError) -> Bool { applies && error.isAnsweredBySimpleForecast }

    /// The better of the naive and seasonal-naive forecasts of `series`, and the note saying why the
    /// network is not used; `subject` names the series in it ("the series", "series AAPL").
    static func forecast(_ series: TimeSeries, steps: Int, levels: [Double], reason: ForecasterError, subject: String,
                         reporter: ActionReporter) throws -> SimpleForecast {
        let simple = try SimpleForecast(values: series.values, steps: steps, seasonPeriod: series.scoringSeasonPeriod,
                                        levels: levels)
        switch reason {
        case let .seriesTooShort(rows, needed, _, _):
            reporter.note("\(subject) has \(rows) row\(rows == 1 ? "" : "s"), too few for the network (it needs \(needed)): forecasting with \(simple.explanation)")
        default:
            reporter.note("every value of \(subject) is the same, so there is nothing for the network to learn: forecasting with \(simple.explanation)")
        }
        UndefinedIntervals.notes(simple.intervals, of: subject).forEach(reporter.note)
        return simple
    }

    /// The simple forecast of `series`, with a note saying why, plotted where plots are drawn.
    func result(id: String, series: TimeSeries, steps: Int, reason: ForecasterError,
                reporter: ActionReporter) throws -> ForecastResult {
        let simple = try Self.forecast(series, steps: steps, levels: levels, reason: reason, subject: "series \(id)", reporter: reporter)
        let result = ForecastResult(series: series, simple: simple)
        if let plots = files.plots {
            let picture = ForecastPicture(series: series, forecasts: simple.forecasts, intervals: simple.intervals, modelName: result.methodLabel)
            try AtomicFile.write(Array(picture.svg().utf8), to: plots.file(for: id))
        }
        return result
    }
}
