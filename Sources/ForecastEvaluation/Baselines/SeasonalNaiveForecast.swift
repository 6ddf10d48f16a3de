/// The value one season earlier: `ŷ[T+k] = y[T + k − m·⌈k/m⌉]`, repeating the last full season.
public struct SeasonalNaiveForecast: StatelessBaseline {
    /// The season period `m` in steps (12 for monthly data with a yearly season).
    public let seasonPeriod: Int

    public init(seasonPeriod: Int) {
        precondition(seasonPeriod >= 1, "the season period must be at least 1")
        self.seasonPeriod = seasonPeriod
    }

    public var name: String { "seasonal-naive" }
    public var minimumHistory: Int { seasonPeriod }

    public func baselineForecast(after history: [Double], horizon: Int) -> [Double] {
        let lastSeasonStart = history.count - seasonPeriod
        return (0..<horizon).map { step in history[lastSeasonStart + step % seasonPeriod] }
    }
}
