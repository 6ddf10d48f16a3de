/// A vertical line across the plot, such as the forecast origin or a backtest cut-off.
public struct ChartMarker: Sendable {
    public var x: Double
    public var label: String?
    public var dashed: Bool = true

    public init(x: Double, label: String? = nil, dashed: Bool = true) {
        self.x = x
        self.label = label
        self.dashed = dashed
    }
}
