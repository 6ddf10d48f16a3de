/// One exponential smoothing model with additive errors, named as in Hyndman et al. (2008) and
/// statsforecast: "A,N,N" (simple), "A,A,N" (additive trend), "A,Ad,N" (damped trend), "A,N,A",
/// "A,A,A" and "A,Ad,A" (additive seasonality).
public struct ExponentialSmoothingModel: Hashable, Sendable, CustomStringConvertible {
    public enum Trend: String, Sendable, CaseIterable { case none = "N", additive = "A", damped = "Ad" }
    public enum Season: String, Sendable, CaseIterable { case none = "N", additive = "A" }

    public var trend: Trend
    public var season: Season

    public init(trend: Trend, season: Season) {
        self.trend = trend
        self.season = season
    }

    /// Every additive-error model, in the order statsforecast's `AutoETS` tries them (ties in AICc go
    /// to the earlier one).
    public static let all: [ExponentialSmoothingModel] = [
        .init(trend: .none, season: .none), .init(trend: .none, season: .additive),
        .init(trend: .damped, season: .none), .init(trend: .additive, season: .none),
        .init(trend: .damped, season: .additive), .init(trend: .additive, season: .additive),
    ]

    /// "A,Ad,N" and so on.
    public var description: String { "A,\(trend.rawValue),\(season.rawValue)" }

    var hasTrend: Bool { trend != .none }
    var isSeasonal: Bool { season != .none }
    var isDamped: Bool { trend == .damped }
}
