/// How a series is stroked.
public struct ChartLineStyle: Equatable, Sendable {
    /// A CSS colour; nil takes the next colour of the palette.
    public var color: String?
    public var dashed: Bool = false
    public var width: Double = 1.6
    /// Whether each point also gets a small circle (useful for short forecasts).
    public var markers: Bool = false
    /// Whether the series gets an entry in the legend.
    public var inLegend: Bool = true

    public init(color: String? = nil, dashed: Bool = false, width: Double = 1.6, markers: Bool = false,
         inLegend: Bool = true) {
        self.color = color
        self.dashed = dashed
        self.width = width
        self.markers = markers
        self.inLegend = inLegend
    }
}
