/// The shape of the supervised windows cut from a series.
///
/// For rows `0..<n`, window `i` takes rows `i ..< i+lookback` as input and the target column's rows
/// `i+lookback ..< i+lookback+horizon` as targets, for `i = 0, stride, 2·stride, …` up to `n − lookback −
/// horizon` (docs/architecture.md). A series of `n` rows therefore holds `(n − lookback − horizon) / stride + 1`
/// windows when `n ≥ lookback + horizon`, and none otherwise.
public struct WindowSpecification: Hashable, Sendable, Codable {
    /// Number of past rows the model reads for one forecast.
    public var lookback: Int
    /// Number of future values one window asks for.
    public var horizon: Int
    /// Rows between the starts of consecutive windows (1 uses every window).
    public var stride: Int

    public init(lookback: Int, horizon: Int, stride: Int = 1) {
        precondition(lookback >= 1, "lookback must be at least 1, got \(lookback)")
        precondition(horizon >= 1, "horizon must be at least 1, got \(horizon)")
        precondition(stride >= 1, "stride must be at least 1, got \(stride)")
        self.lookback = lookback
        self.horizon = horizon
        self.stride = stride
    }

    /// Rows a series needs for a single window.
    public var minimumRows: Int { lookback + horizon }

    /// The number of windows in a series of `rows` rows.
    public func windowCount(rows: Int) -> Int {
        rows < minimumRows ? 0 : (rows - minimumRows) / stride + 1
    }

    /// The first input row of each window, in order.
    public func windowStarts(rows: Int) -> StrideTo<Int> {
        Swift.stride(from: 0, to: windowCount(rows: rows) * stride, by: stride)
    }
}
