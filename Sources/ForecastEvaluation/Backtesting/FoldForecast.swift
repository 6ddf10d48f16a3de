/// What one method forecast on one fold, with what is needed to score it.
public struct FoldForecast: Hashable, Codable, Sendable {
    /// Index of the fold in its plan.
    public let fold: Int
    /// The first row of the test window.
    public let cutoff: Int
    public let forecasts: [Double]
    public let actuals: [Double]
    /// The last value before the cut-off, for directional accuracy.
    public let lastObserved: Double
    /// In-sample scale of the seasonal-naive error over the fold's history (MASE's denominator),
    /// `nil` when undefined.
    public let naiveScale: Double?
    /// The same with squared errors (RMSSE's denominator).
    public let naiveSquaredScale: Double?
    /// Conformal intervals at each requested level, calibrated on the fold's history only.
    public var intervals: [IntervalForecast] = []
    /// What forecast on this fold, for a method that chooses per fit (`FittedForecastingModel.chosenMethod`).
    public var method: String?

    public var errors: [Double] { zip(forecasts, actuals).map { $0 - $1 } }
}
