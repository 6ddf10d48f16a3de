import ForecastNN

/// The loss the network trains on (and early stopping watches), on scaled values.
///
/// `quantile` makes the head forecast several quantiles of every step: the median is the point
/// forecast, and intervals whose bounds are among the levels come from the quantiles, calibrated by
/// conformalised quantile regression (`Forecaster.intervals`), so their widths follow the data.
public enum TrainingLoss: Hashable, Codable, Sendable {
    /// Squared error: forecasts the conditional mean (PyTorch's `MSELoss`).
    case meanSquaredError
    /// Absolute error: forecasts the conditional median, robust to outliers (`L1Loss`).
    case meanAbsoluteError
    /// Quadratic within `delta` (in scaled units), linear beyond (`HuberLoss(delta:)`).
    case huber(delta: Double)
    /// The pinball loss at each level, one head output per level and step; `levels` ascending,
    /// distinct, within (0, 1) and holding 0.5 (build it with `quantiles(_:)`).
    case quantile(levels: [Double])

    /// The quantile loss at `levels` sorted, without repeats, and with the median added when missing.
    public static func quantiles(_ levels: [Double]) -> TrainingLoss {
        .quantile(levels: Array(Set(levels + [0.5])).sorted())
    }

    /// The default quantile levels: the median and the bounds of an 80 % interval.
    public static let defaultQuantileLevels: [Double] = [0.1, 0.5, 0.9]

    /// The quantile levels the head forecasts; empty for a point loss.
    public var quantileLevels: [Double] {
        if case let .quantile(levels) = self { return levels }
        return []
    }

    /// Head outputs per forecast step: one, or one per quantile level.
    public var outputsPerStep: Int { max(1, quantileLevels.count) }

    /// Where the median sits among the outputs of a step (0 for a point loss).
    var medianOutput: Int { quantileLevels.firstIndex(of: 0.5) ?? 0 }

    /// The name the command line and the notes use: mse, mae, huber, quantile.
    public var name: String {
        switch self {
        case .meanSquaredError: "mse"
        case .meanAbsoluteError: "mae"
        case .huber: "huber"
        case .quantile: "quantile"
        }
    }

    /// The loss the trainer follows.
    var trainingLoss: any Loss {
        switch self {
        case .meanSquaredError: MeanSquaredError()
        case .meanAbsoluteError: MeanAbsoluteError()
        case let .huber(delta): HuberLoss(delta: Float(delta))
        case let .quantile(levels): PinballLoss(levels: levels.map { Float($0) })
        }
    }

    /// Whether `levels` can be a quantile head's: 1 to 99 of them, ascending, strictly between 0
    /// and 1, the median among them (what `quantiles(_:)` builds and model files must hold).
    static func areQuantileLevels(_ levels: [Double]) -> Bool {
        !levels.isEmpty && levels.count <= 99 && levels.allSatisfy { $0 > 0 && $0 < 1 }
            && zip(levels, levels.dropFirst()).allSatisfy { $0 < $1 } && levels.contains(0.5)
    }

    /// Throws `invalidConfiguration` for a Huber threshold that is not positive, or quantile levels
    /// outside (0, 1), unsorted, repeated, without the median, or more than 99.
    func validate() throws {
        switch self {
        case .meanSquaredError, .meanAbsoluteError:
            return
        case let .huber(delta):
            guard delta > 0, delta.isFinite else {
                throw ForecasterError.invalidConfiguration(setting: "loss", value: "huber(delta: \(delta))", requirement: "a positive delta")
            }
        case let .quantile(levels):
            guard Self.areQuantileLevels(levels) else {
                throw ForecasterError.invalidConfiguration(
                    setting: "loss", value: "quantile(levels: \(levels))",
                    requirement: "1 to 99 ascending levels strictly between 0 and 1, the median 0.5 among them")
            }
        }
    }
}
