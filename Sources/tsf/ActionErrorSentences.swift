import ArgumentParser
import ForecastActions
import Foundation

/// The command line's sentences for the actions' errors: the same facts as the library's
/// descriptions, with the flag that changes them.
enum ActionErrorSentences {
    /// - Parameter series: who has too few rows for a backtest, when the caller knows it
    ///   ("prices.csv: column \"Close\""); "The series" otherwise.
    static func sentence(for error: any Error, series: String = "The series") -> String? {
        switch error {
        case let error as BacktestPlanningError:
            switch error {
            case let .tooFewRows(rows, horizon, lookback, season):
                let shortfall = BacktestPlanningError.shortfall(rows: rows, horizon: horizon, lookback: lookback, season: season)
                // At the floor of 20 rows, smaller settings need no fewer: only --start helps. A start
                // row places folds on any series longer than the horizon (a fold too short for the
                // network gets the simple forecast), so it is offered whenever one fits.
                let floorBinds = BacktestPlanningError.historyBeforeAFold(horizon: horizon, lookback: lookback, season: season) == 20
                let start = "place the first fold yourself with --start (a row number, e.g. --start \(max(1, min(rows / 2, rows - horizon))) --stride 1)"
                let remedy = rows > horizon
                    ? (floorBinds ? start : "lower --horizon, --lookback, --season or --folds, or \(start)")
                    : "lower --horizon below \(rows)"
                return "\(series) has \(rows) row\(rows == 1 ? "" : "s"): \(shortfall); \(remedy)."
            case .invalidSetting:
                return error.errorDescription
            case let .startAfterEnd(start, rows, horizon):
                return "\(series) has \(rows) row\(rows == 1 ? "" : "s"), and --start \(start) leaves no room for a fold: \(BacktestPlanningError.lastStart(rows: rows, horizon: horizon)); lower --start or --horizon."
            case let .windowTooShort(length, needed, lookback, horizon):
                return "--window-length \(length) is too short for the model to fit on: with lookback \(lookback) and horizon \(horizon) it needs \(needed) rows; raise --window-length, or lower --lookback or --horizon."
            }
        case let error as ManySeriesError:
            switch error {
            case .noSeriesRead, .sourceAlreadyRead, .blendHasNoModelFile:
                return error.errorDescription
            case .staticFeaturesNeedGlobal:
                return "--static columns hold one value per series, which only a model trained across the series learns from: add --global, or drop --static."
            case let .mixedFrequencies(_, counts):
                let list = counts.map { "\($0.frequency) (\($0.series) series)" }.joined(separator: ", ")
                return "--global trains one model on series of one frequency, but the file mixes \(list); forecast them without --global, or pick one frequency with --series."
            case let .globalModelFailed(name, reason):
                return "\(name): \(ToolFailure.sentence(for: reason))"
            case let .noFrequency(rows):
                return "it has \(rows) row\(rows == 1 ? "" : "s"), too few to tell its frequency, which --global needs (one network reads one calendar); forecast it without --global."
            }
        case let error as ModelInputError:
            switch error {
            case .columnNotRecorded:
                return "The model file does not record its column; name it with --column."
            case let .featureCountMismatch(path, expected, given, recorded):
                let trained = recorded.isEmpty ? "" : " (\(recorded.joined(separator: ", ")))"
                return "\(path): the model was trained with \(expected) feature column\(expected == 1 ? "" : "s")\(trained) but \(given.count) were given; pass them with --features in the same order."
            }
        case CalendarFeatureError.holidaysMissing:
            return "the holiday calendar feature (--calendar holiday, or one a model file records) needs the holidays: give them with --holidays FILE (a CSV of dates) or an exchange's code such as XNYS."
        default:
            return nil
        }
    }
}

extension ToolFailure {
    /// Runs `body`, turning the errors the command line reports as usage errors (a backtest that
    /// cannot be planned, a model file that names no column) into argument errors: exit code 64
    /// and the usage of `command` (an error thrown out of `run()` would print the root command's).
    /// A backtest that cannot be planned names `series` (a file and column) when given.
    static func planning<Result>(_ command: any ParsableCommand.Type, series: String = "The series",
                                 _ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as BacktestPlanningError {
            throw usageError(command, ActionErrorSentences.sentence(for: error, series: series) ?? sentence(for: error))
        } catch let error as ModelInputError {
            guard case .columnNotRecorded = error else { throw error }
            throw usageError(command, ActionErrorSentences.sentence(for: error) ?? sentence(for: error))
        }
    }

    /// Writes `message` and the usage of `command` (a subcommand of `tsf`) as the argument parser
    /// writes a usage error, and returns the exit code that ends the run with 64.
    private static func usageError(_ command: any ParsableCommand.Type, _ message: String) -> ExitCode {
        let usage = command.usageString()
        let name = usage.split(separator: " ").first.map(String.init) ?? ""
        let text = "Error: \(message)\nUsage: tsf \(usage)\n  See 'tsf \(name) --help' for more information.\n"
        _ = DescriptorWriter.writeAll(Array(text.utf8), to: STDERR_FILENO)
        return ExitCode.validationFailure
    }
}
