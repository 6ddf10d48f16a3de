import Foundation

/// Why a `Forecaster` cannot fit, forecast, save or load; each description is one sentence that says
/// what to change.
public enum ForecasterError: LocalizedError, Hashable, Sendable {
    /// The series has too few rows for one training window (and a validation part, when asked).
    case seriesTooShort(rows: Int, needed: Int, lookback: Int, horizon: Int)
    /// The series holds a value the model cannot use.
    case nonFiniteValue(row: Int, value: Double)
    /// Every value is the same: there is nothing to learn, and the last value is the forecast.
    case constantSeries(value: Double)
    /// A log transform met a value that is zero or negative.
    case notPositiveForLogTransform(row: Int, value: Double, transform: TransformKind)
    /// The feature columns do not match what the model was trained with.
    case featureMismatch(expected: Int, actual: Int)
    /// A feature column's length differs from the target's.
    case featureLengthMismatch(feature: Int, rows: Int, expected: Int)
    /// Forecasts past the trained horizon need future feature values, which nobody knows.
    case featuresUnknownBeyondHorizon(steps: Int, horizon: Int)
    /// Intervals are calibrated on past forecasts of the series alone, which a model that also reads
    /// feature columns cannot make.
    case intervalsNeedUnivariateModel(features: Int)
    /// The history given to forecast from is shorter than the model reads.
    case historyTooShort(rows: Int, needed: Int)
    /// The model produced a value that is not a number: its weights do not suit this data.
    case nonFiniteForecast(step: Int)
    /// A configuration value is out of range.
    case invalidConfiguration(String)
    /// Training ended with weights whose forecasts are not numbers, or whose loss on scaled values
    /// (`loss`) is millions of times a useful one: a learning rate far too high saturates the network
    /// while the loss stays finite. Such a model must not be returned or saved.
    case unusableTrainedModel(epoch: Int, loss: Float?)

    public var errorDescription: String? {
        switch self {
        case let .seriesTooShort(rows, needed, lookback, horizon):
            return Self.tooShortSentence("The series", rows: rows, needed: needed, lookback: lookback, horizon: horizon)
        case let .nonFiniteValue(row, value):
            return "Row \(row + 1) of the series holds \(value), which cannot be forecast; remove it or mark it missing."
        case let .constantSeries(value):
            return "Every value of the series is \(value): there is nothing to learn, and the forecast is that value."
        case let .notPositiveForLogTransform(row, value, transform):
            return "The \(transform.rawValue) transform needs positive values, but row \(row + 1) holds \(value); use --transform difference or none."
        case let .featureMismatch(expected, actual):
            return "The model was trained with \(expected) feature columns but \(actual) were given."
        case let .featureLengthMismatch(feature, rows, expected):
            return "Feature column \(feature + 1) has \(rows) rows but the target has \(expected)."
        case let .featuresUnknownBeyondHorizon(steps, horizon):
            return "A model with feature columns forecasts at most its horizon of \(horizon) steps, not \(steps): future feature values are unknown; train with --horizon \(steps)."
        case let .intervalsNeedUnivariateModel(features):
            return "Prediction intervals are available only for models without feature columns, and this model reads \(features); forecast without intervals or train on the target alone."
        case let .historyTooShort(rows, needed):
            return "The model reads \(needed) past rows but only \(rows) were given."
        case let .nonFiniteForecast(step):
            return "The model's forecast for step \(step) is not a number: its weights do not suit this data; train it again on this series."
        case let .invalidConfiguration(detail):
            return "Invalid forecaster setting: \(detail)."
        case let .unusableTrainedModel(epoch, loss):
            let what = loss.map { "a loss of \($0) on scaled values (a useful model stays near 1 or below)" } ?? "forecasts that are not numbers"
            return "Training ended in epoch \(epoch) with a model giving \(what); lower --learning-rate or enable gradient clipping with --clip-norm."
        }
    }

    /// The sentence of `seriesTooShort` about `subject`: "The series" here, a file and column where
    /// the caller knows them (the command-line tool).
    package static func tooShortSentence(_ subject: String, rows: Int, needed: Int, lookback: Int, horizon: Int) -> String {
        "\(subject) has \(rows) usable row\(rows == 1 ? "" : "s") but needs at least \(needed) (lookback \(lookback) + horizon \(horizon), plus validation); lower --lookback or --horizon, or set --validation-fraction 0."
    }
}
