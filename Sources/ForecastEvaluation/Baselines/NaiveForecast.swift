/// The last value, repeated: `ŷ[T+k] = y[T]`. The honest forecast for a random walk such as a share
/// price, and the yardstick of MASE with period 1.
public struct NaiveForecast: StatelessBaseline {
    public init() {}
    public var name: String { "naive" }
    public var minimumHistory: Int { 1 }

    public func baselineForecast(after history: [Double], horizon: Int) -> [Double] {
        Array(repeating: history[history.count - 1], count: horizon)
    }
}
