import ArgumentParser
import ForecastActions
import Foundation

/// Where a backtest cuts the series and how each fold trains.
struct BacktestOptions: ParsableArguments {
    @Option(help: "Number of folds, ending at the last row (default: enough to score \(BacktestSettings.defaultScoredSteps) steps, at least \(BacktestSettings.defaultFolds) folds, refitting at most \(BacktestSettings.defaultFits) times). Ignored with --start.")
    var folds: Int?

    @Option(help: ArgumentHelp("First cut-off row (0-based): folds then start here, every --stride rows.", valueName: "row"))
    var start: Int?

    @Option(help: ArgumentHelp("Rows between cut-offs (default: the horizon, so test windows do not overlap).", valueName: "rows"))
    var stride: Int?

    @Option(help: "Training window of each fold: expanding (all history) or sliding (the last --window-length rows).")
    var window: TrainingWindowOption = .expanding

    @Option(help: ArgumentHelp("Rows in a sliding training window.", valueName: "rows"))
    var windowLength: Int?

    @Option(help: ArgumentHelp("Refit the model on every fold (every), every N folds (N), or once and then only re-condition it on newer data (once); default every, or spaced to at most \(BacktestSettings.defaultFits) fits when --folds is not given.", valueName: "every|N|once"))
    var refit: String?

    @Option(help: ArgumentHelp("Season period m of MASE, RMSSE and the seasonal-naive baseline (default: from the frequency; 1 for trading days).", valueName: "m"))
    var season: Int?

    @Option(help: ArgumentHelp("Comma-separated interval levels, e.g. 80,95 or 0.8,0.95 (a value below 1 is a fraction, from 1 to 100 a percentage); none by default.", valueName: "levels"))
    var level: String?

    @Option(help: ArgumentHelp("Comma-separated baselines: naive, seasonal-naive, drift, mean, moving-average, ets, theta, arima (default: all but arima, whose exact search is slow on long seasonal series).", valueName: "names"))
    var baselines: String?

    @Flag(help: "One row per fold and model instead of one per model.")
    var perFold = false

    func validate() throws {
        if let folds, folds < 1 { throw ValidationError("--folds must be at least 1, not \(folds).") }
        if let start, start < 1 { throw ValidationError("--start must be at least 1, not \(start).") }
        if let stride, stride < 1 { throw ValidationError("--stride must be at least 1, not \(stride).") }
        if let season, season < 1 { throw ValidationError("--season must be at least 1, not \(season).") }
        if window == .sliding, windowLength == nil { throw ValidationError("--window sliding needs --window-length.") }
        if let windowLength, windowLength < 2 { throw ValidationError("--window-length must be at least 2, not \(windowLength).") }
        if windowLength != nil, window != .sliding {
            throw ValidationError("--window-length sets the length of a sliding window: add --window sliding, or drop it.")
        }
        _ = try refitPolicy()
        _ = try levels()
        _ = try baselineNames()
    }

    /// The refit policy asked for; nil leaves it to the settings (every fold, or spaced when the
    /// folds are chosen).
    func refitPolicy() throws -> BacktestPlan.RefitPolicy? {
        guard let refit else { return nil }
        switch refit {
        case "every", "every-fold": return .everyFold
        case "once": return .once
        default:
            guard let k = Int(refit), k >= 1 else {
                throw ValidationError("--refit takes every, once or a number of folds, not \"\(refit)\".")
            }
            return k == 1 ? .everyFold : .every(k)
        }
    }

    func trainingWindow() -> BacktestPlan.TrainingWindow {
        window == .sliding ? .sliding(length: windowLength ?? 2) : .expanding
    }

    /// Interval levels as fractions, e.g. [0.8, 0.95].
    func levels() throws -> [Double] { try IntervalLevels.parse(level) }

    static var allBaselines: [String] { BacktestSettings.allBaselines }

    func baselineNames() throws -> [String] {
        guard let baselines else { return BacktestSettings.defaultBaselines }
        let names = baselines.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for name in names where !Self.allBaselines.contains(name) {
            throw ValidationError("Unknown baseline \"\(name)\"; choose among \(Self.allBaselines.joined(separator: ", ")).")
        }
        guard !names.isEmpty else {
            throw ValidationError("--baselines names no baseline; choose among \(Self.allBaselines.joined(separator: ", ")).")
        }
        if let repeated = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw ValidationError("--baselines names \"\(repeated)\" twice: each baseline is scored once.")
        }
        return names
    }
}

extension BacktestOptions {
    /// The backtest settings these options describe, around the model's configuration.
    func settings(configuration: ForecasterConfiguration, includesModel: Bool, horizon: Int?) throws -> BacktestSettings {
        BacktestSettings(configuration: configuration, includesModel: includesModel, horizon: horizon, folds: folds,
                         start: start, stride: stride, trainingWindow: trainingWindow(), refit: try refitPolicy(),
                         season: season, levels: try levels(), baselines: try baselineNames())
    }
}

enum TrainingWindowOption: String, ExpressibleByArgument, CaseIterable {
    case expanding, sliding
}
