/// The mean of the last `window` values, repeated: a naive forecast with some noise averaged out.
public struct MovingAverageForecast: StatelessBaseline {
    /// How many of the latest values are averaged.
    public let window: Int

    public init(window: Int) {
        precondition(window >= 1, "the moving-average window must be at least 1")
        self.window = window
    }

    public var name: String { "moving-average" }
    public var minimumHistory: Int { window }

    public func baselineForecast(after history: [Double], horizon: Int) -> [Double] {
        let recent = history[(history.count - window)...]
        return Array(repeating: recent.reduce(0, +) / Double(window), count: horizon)
    }
}
