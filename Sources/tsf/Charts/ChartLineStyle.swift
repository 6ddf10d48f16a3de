/// How a series is stroked.
struct ChartLineStyle: Equatable, Sendable {
    /// A CSS colour; nil takes the next colour of the palette.
    var color: String?
    var dashed: Bool = false
    var width: Double = 1.6
    /// Whether each point also gets a small circle (useful for short forecasts).
    var markers: Bool = false
    /// Whether the series gets an entry in the legend.
    var inLegend: Bool = true

    init(color: String? = nil, dashed: Bool = false, width: Double = 1.6, markers: Bool = false,
         inLegend: Bool = true) {
        self.color = color
        self.dashed = dashed
        self.width = width
        self.markers = markers
        self.inLegend = inLegend
    }
}
