/// The naive forecast plus the average change of the history:
/// `ŷ[T+k] = y[T] + k · (y[T] − y[1]) / (T − 1)` (Hyndman & Athanasopoulos, *Forecasting: Principles and
/// Practice*, §5.2). A straight line through the first and last observations, extended.
public struct DriftForecast: StatelessBaseline {
    public init() {}
    public var name: String { "drift" }
    public var minimumHistory: Int { 2 }

    public func baselineForecast(after history: [Double], horizon: Int) -> [Double] {
        Self.line(first: history[0], last: history[history.count - 1], count: history.count, horizon: horizon)
    }

    /// The forecast after a history of `count` values from `first` to `last`: all a drift reads.
    public static func line(first: Double, last: Double, count: Int, horizon: Int) -> [Double] {
        let slope = (last - first) / Double(count - 1)
        return (1...horizon).map { last + Double($0) * slope }
    }
}
