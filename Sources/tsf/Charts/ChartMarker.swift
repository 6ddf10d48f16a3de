/// A vertical line across the plot, such as the forecast origin or a backtest cut-off.
struct ChartMarker: Sendable {
    var x: Double
    var label: String?
    var dashed: Bool = true

    init(x: Double, label: String? = nil, dashed: Bool = true) {
        self.x = x
        self.label = label
        self.dashed = dashed
    }
}
