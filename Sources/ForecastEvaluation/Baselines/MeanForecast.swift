/// The mean of the whole history, repeated: right for series that fluctuate around a fixed level.
public struct MeanForecast: StatelessBaseline {
    public init() {}
    public var name: String { "mean" }
    public var minimumHistory: Int { 1 }

    public func baselineForecast(after history: [Double], horizon: Int) -> [Double] {
        Array(repeating: history.reduce(0, +) / Double(history.count), count: horizon)
    }
}
