/// One line of a chart: history, a forecast, or a model's backtest forecasts.
///
/// Points are drawn in the order given and joined by straight segments. A NaN in `y` (or `x`)
/// lifts the pen, so a gap in the data stays a gap and one series can hold many separate
/// segments (one per backtest fold) under a single legend entry.
public struct ChartSeries: Sendable {
    public var name: String
    /// Positions along the x axis: seconds since the epoch on a time axis, step numbers otherwise.
    public var x: [Double]
    public var y: [Double]
    public var style: ChartLineStyle

    /// - Precondition: `x` and `y` have the same length.
    public init(name: String, x: [Double], y: [Double], style: ChartLineStyle = ChartLineStyle()) {
        precondition(x.count == y.count, "ChartSeries \(name): \(x.count) x values but \(y.count) y values")
        self.name = name
        self.x = x
        self.y = y
        self.style = style
    }
}
