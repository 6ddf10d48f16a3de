import ForecastIO
import Forecasting

/// Where a forecast's known-in-advance values come from, and how far they let it reach.
enum FutureRowsResolution {
    /// The future rows of the file, or of the separate future file; nil without known features.
    static func resolve(data: CSVSeriesData, file: String, selection: SeriesSelection, futureSource: CSVSource?,
                        options: CSVReadOptions) throws -> FutureRows? {
        guard !selection.knownFeatures.isEmpty else {
            if let futureSource { throw FutureRowsError.futureWithoutKnownFeatures(futureFile: futureSource.displayName) }
            return nil
        }
        if let inFile = data.future {
            if let futureSource { throw FutureRowsError.futureInTwoPlaces(file: inFile.file, futureFile: futureSource.displayName) }
            return inFile
        }
        guard let futureSource else {
            throw FutureRowsError.noFutureRows(file: file, target: data.target.name,
                                               columns: selection.knownFeatures)
        }
        var futureOptions = options
        futureOptions.missingPolicy = .error
        let future = try FutureRows.read(futureSource, knownFeatures: selection.knownFeatures, options: futureOptions)
        try future.checkContinues(data.target, timeColumn: data.timeColumn ?? "")
        return future
    }

    /// One series of a long-format file: its own future rows (read with it; a series without any,
    /// when known-in-advance features are read, fails alone), and the horizon and steps
    /// `horizonAndSteps` makes of them, its notes naming the series.
    /// `separate` holds each series' rows of a separate future file (nil without one): a series takes
    /// its rows from one place, the file or that one.
    static func resolve(series data: CSVSeriesData, id: String, file: String, selection: SeriesSelection, requested: Int?,
                        strategy: ForecastStrategy, separate: [String: FutureRows]? = nil, futureFile: String? = nil,
                        idColumn: String = "", reporter: ActionReporter) throws -> (future: FutureRows?, horizon: Int, steps: Int) {
        var future: FutureRows? = nil
        if !selection.knownFeatures.isEmpty {
            if let inFile = data.future {
                if separate?[id] != nil, let futureFile { throw FutureRowsError.futureInTwoPlaces(file: inFile.file, futureFile: futureFile) }
                future = inFile
            } else if let rows = separate?[id] {
                try rows.checkContinues(data.target, timeColumn: data.timeColumn ?? "")
                future = rows
            } else if let futureFile {
                throw FutureRowsError.seriesMissingFromFutureFile(futureFile: futureFile, series: id, idColumn: idColumn)
            } else {
                throw FutureRowsError.noFutureRowsInSeries(file: file, series: id, target: data.target.name,
                                                           columns: selection.knownFeatures)
            }
        }
        let (horizon, steps) = try horizonAndSteps(requested: requested, future: future, frequency: data.target.frequency,
                                                   readsObserved: !selection.features.isEmpty, strategy: strategy,
                                                   reporter: reporter.about(series: id))
        return (future, horizon, steps)
    }

    /// The network's horizon and the steps to forecast. Without future rows both are the requested
    /// steps (or the frequency's default). With them, the horizon is the requested one (or the
    /// default, at most the future's length), and the forecast reaches as far as the future rows
    /// do in whole blocks of what one pass of the network forecasts.
    /// Observed features stop a forecast at the horizon, since their future is unknown.
    static func horizonAndSteps(requested: Int?, future: FutureRows?, frequency: Frequency, readsObserved: Bool,
                                strategy: ForecastStrategy, reporter: ActionReporter) throws -> (horizon: Int, steps: Int) {
        guard let future else {
            let steps = requested ?? frequency.defaultHorizon
            return (steps, steps)
        }
        let horizon = requested ?? min(future.count, frequency.defaultHorizon)
        guard future.count >= horizon else {
            throw FutureRowsError.tooFewFutureRows(file: future.file, rows: future.count, horizon: horizon)
        }
        if requested == nil, future.count < frequency.defaultHorizon {
            reporter.note("horizon \(horizon), not the \(frequency) default of \(frequency.defaultHorizon) steps: the future rows of \(future.file) reach no further")
        }
        let block = strategy == .recursive ? 1 : horizon
        let steps = readsObserved ? horizon : future.count / block * block
        if steps > horizon {
            reporter.note("forecasting \(steps) steps: as far as the \(future.count) future rows of \(future.file) reach, \(block == 1 ? "one step" : "\(block) steps") per pass of the network")
        }
        if steps < future.count {
            let reason = readsObserved ? "the observed features are unknown past the horizon of \(horizon)"
                : "they do not fill a block of \(block) steps"
            reporter.note("the last \(future.count - steps) future row\(future.count - steps == 1 ? " is" : "s are") not forecast: \(reason)")
        }
        return (horizon, steps)
    }
}
