import ForecastData
import Foundation

/// Why a `Forecaster` cannot fit, forecast, save or load. Each case holds the numbers involved and
/// `remedy` says what to change, so a host can word the error itself; each description is one
/// sentence in the library's words.
public enum ForecasterError: LocalizedError, Hashable, Sendable {
    /// The series has too few rows for one training window (and a validation part, when asked).
    case seriesTooShort(rows: Int, needed: Int, lookback: Int, horizon: Int)
    /// The series holds a value the model cannot use.
    case nonFiniteValue(row: Int, value: Double)
    /// A finite value beyond `UsableMagnitude.largest` (±1e100), where the arithmetic of fitting and
    /// scoring overflows; `feature` is nil for the target, else the feature column (counted from 0).
    case valueTooLarge(row: Int, value: Double, feature: Int?)
    /// Every value is the same: there is nothing for a model to learn; the only forecast the series
    /// supports is that value (what the automatic method gives it).
    case constantSeries(value: Double)
    /// A log transform met a value that is zero or negative.
    case notPositiveForLogTransform(row: Int, value: Double, transform: TransformKind)
    /// The transform of the series overflows: the change into `row` is too large for a double
    /// (values near ±1.8e308 of opposite signs, differenced).
    case transformOverflows(row: Int, transform: TransformKind)
    /// The feature columns do not match what the model was trained with.
    case featureMismatch(expected: Int, actual: Int)
    /// A feature column's length differs from the target's.
    case featureLengthMismatch(feature: Int, rows: Int, expected: Int)
    /// Forecasts past the trained horizon need future values of the observed features, which nobody knows.
    case featuresUnknownBeyondHorizon(steps: Int, horizon: Int)
    /// The known-in-advance feature columns do not match what the model was trained with.
    case knownFeatureMismatch(expected: Int, actual: Int)
    /// A forecast needs `needed` future values of known-in-advance feature `feature` (0-based among
    /// them) and was given `given`: the network reads whole blocks of `horizon` steps.
    case knownFutureTooShort(feature: Int, given: Int, needed: Int)
    /// A feature value is not a finite number (`feature` counts every feature column from 0).
    case nonFiniteFeature(feature: Int, row: Int, value: Double)
    /// Intervals are calibrated on past forecasts of the series alone, which a model that also reads
    /// feature columns cannot make.
    case intervalsNeedUnivariateModel(features: Int)
    /// The history given to forecast from is shorter than the model reads.
    case historyTooShort(rows: Int, needed: Int)
    /// The model produced a value that is not finite: its weights do not suit this data.
    case nonFiniteForecast(step: Int)
    /// A configuration value is out of range: `setting` is the name of the property of
    /// `ForecasterConfiguration` (or the argument, as `steps`), `value` what it held, and
    /// `requirement` what it must be, as in "at least 1".
    case invalidConfiguration(setting: String, value: String, requirement: String)
    /// A global model was asked to fit no series at all.
    case noSeries
    /// No series of a global fit holds one training window of this lookback and horizon and
    /// varies (a constant series has nothing to learn).
    case noSeriesLongEnough(lookback: Int, horizon: Int)
    /// Training ended with weights whose forecasts are not numbers, or whose loss on scaled values
    /// (`loss`) is millions of times a useful one: a learning rate far too high saturates the network
    /// while the loss stays finite. Such a model must not be returned or saved.
    case unusableTrainedModel(epoch: Int, loss: Float?)
    /// A statistical model of the method cannot forecast the history it was given (`reason`, a
    /// clause): a history shorter than its differencing, or a forecast that is not finite.
    case statisticalModelFailed(method: String, reason: String)
    /// The method's statistical models carry states through the series from its first fitted
    /// value, and the history given is shorter than the one they hold and starts elsewhere (the
    /// latest values alone): they would forecast from states filtered over another series.
    case statisticalHistoryStartsElsewhere(method: String, given: Int, held: Int)

    /// Which change would get past the error, when one would.
    public var remedy: Remedy? {
        switch self {
        case .seriesTooShort: .shortenLookbackOrHorizon
        case .notPositiveForLogTransform: .avoidLogTransform
        case let .featuresUnknownBeyondHorizon(steps, _): .trainWithHorizon(steps)
        case .unusableTrainedModel: .lowerLearningRateOrClip
        default: nil
        }
    }

    /// The error without its remedy and final period, for hosts that word the remedy themselves
    /// (see `remedy`).
    public var problem: String {
        switch self {
        case let .seriesTooShort(rows, needed, lookback, horizon):
            Self.tooShortProblem("The series", rows: rows, needed: needed, lookback: lookback, horizon: horizon)
        case let .nonFiniteValue(row, value):
            "Row \(row + 1) of the series holds \(value), which cannot be forecast; remove it or mark it missing"
        case let .valueTooLarge(row, value, feature):
            "Row \(row + 1) of \(feature.map { "feature column \($0 + 1)" } ?? "the series") holds \(value), \(UsableMagnitude.refusal)"
        case let .constantSeries(value):
            "Every value of the series is \(value): there is nothing for a model to learn, and the only forecast it supports is that value"
        case let .notPositiveForLogTransform(row, value, transform):
            "The \(transform.rawValue) transform needs positive values, but row \(row + 1) holds \(value)"
        case let .transformOverflows(row, transform):
            "The \(transform.rawValue) transform of the series overflows at row \(row + 1): the change into it is too large to represent, so the series cannot be learnt from"

        case let .featureMismatch(expected, actual):
            "The model was trained with \(expected) feature columns but \(actual) were given"
        case let .knownFeatureMismatch(expected, actual):
            "The model was trained with \(expected) known-in-advance feature columns but \(actual) were given"
        case let .knownFutureTooShort(feature, given, needed):
            "Known-in-advance feature \(feature + 1) has \(given) future values but the forecast needs \(needed), a whole number of the model's horizon"
        case let .nonFiniteFeature(feature, row, value):
            "Row \(row + 1) of feature column \(feature + 1) holds \(value), which the model cannot read"
        case let .featureLengthMismatch(feature, rows, expected):
            "Feature column \(feature + 1) has \(rows) rows but the target has \(expected)"
        case let .featuresUnknownBeyondHorizon(steps, horizon):
            "A model with feature columns forecasts at most its horizon of \(horizon) steps, not \(steps): future feature values are unknown"
        case let .intervalsNeedUnivariateModel(features):
            "Prediction intervals are available only for models without feature columns, and this model reads \(features); forecast without intervals or train on the target alone"
        case let .historyTooShort(rows, needed):
            "The model reads \(needed) past rows but only \(rows) were given"
        case let .nonFiniteForecast(step):
            "The model's forecast for step \(step) is not a finite number: its weights do not suit this data; train it again on this series"
        case let .invalidConfiguration(setting, value, requirement):
            "Invalid forecaster setting: \(Self.settingName(setting)) must be \(requirement), not \(value)"
        case .noSeries:
            "Invalid forecaster setting: a forecast across series needs at least one series"
        case let .noSeriesLongEnough(lookback, horizon):
            "Invalid forecaster setting: no series can train a network across series: each is constant or too short for a training window of lookback \(lookback) and horizon \(horizon)"
        case let .unusableTrainedModel(epoch, loss):
            "Training ended in epoch \(epoch) with a model giving "
                + (loss.map { "a loss of \($0) on scaled values (a useful model stays near 1 or below)" } ?? "forecasts that are not numbers")
        case let .statisticalModelFailed(method, reason):
            "The \(method) forecast failed: \(reason)"
        case let .statisticalHistoryStartsElsewhere(method, given, held):
            "The \(method) method's statistical models run through the whole series from its first value, but the \(given) values given start elsewhere and are fewer than the \(held) they hold; give the whole series (every value since the first it was fitted on), or fit again"
        }
    }

    public var errorDescription: String? {
        ErrorSentence.joining(problem, remedies: remedy.map { [$0.description] } ?? [])
    }

    /// The problem of `seriesTooShort` about `subject`: "The series" here, a file and column where
    /// the caller knows them (the command-line tool).
    package static func tooShortProblem(_ subject: String, rows: Int, needed: Int, lookback: Int, horizon: Int) -> String {
        "\(subject) has \(rows) usable row\(rows == 1 ? "" : "s") but needs at least \(needed) (lookback \(lookback) + horizon \(horizon), plus validation)"
    }

    /// How sentences name a setting of `invalidConfiguration`: in words for the settings of
    /// `ForecasterConfiguration` and `forecast(steps:)`, else by the name it was given.
    static func settingName(_ setting: String) -> String {
        switch setting {
        case "hiddenSize": "the hidden size"
        case "layers": "the number of layers"
        case "horizon", "lookback", "momentum": "the \(setting)"
        case "earlyStopping": "the patience"
        case "batchSize": "the batch size"
        case "learningRate": "the learning rate"
        case "clipping": "the clipping norm"
        case "validationFraction": "the validation fraction"
        case "steps": "the number of steps"
        case "loss": "the loss"
        default: setting
        }
    }
}
