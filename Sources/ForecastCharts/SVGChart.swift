/// A line chart rendered as a self-contained SVG 1.1 document: no scripts, no external
/// references, generic `sans-serif` text, so browsers, `rsvg-convert` and image viewers all show it.
///
/// The chart is plain data; `render(width:height:)` lays it out. History, forecasts and backtest
/// folds are series; prediction intervals are bands; forecast origins are markers.
public struct SVGChart: Sendable {
    public var title: String
    public var xAxis: ChartXAxis
    public var xTitle: String?
    public var yTitle: String?
    public var series: [ChartSeries]
    /// Drawn in order, so pass the widest interval first.
    public var bands: [ChartBand]
    public var markers: [ChartMarker]

    public init(title: String, xAxis: ChartXAxis, xTitle: String? = nil, yTitle: String? = nil,
         series: [ChartSeries] = [], bands: [ChartBand] = [], markers: [ChartMarker] = []) {
        self.title = title
        self.xAxis = xAxis
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.series = series
        self.bands = bands
        self.markers = markers
    }

    /// The SVG document, `width` × `height` pixels.
    /// - Precondition: the canvas is at least 200 × 150 pixels, room for axes and one label each.
    public func render(width: Int = 900, height: Int = 420) -> String {
        precondition(width >= 200 && height >= 150, "SVGChart needs at least 200 × 150 pixels, got \(width) × \(height)")
        let layout = SVGChartLayout(chart: self, width: Double(width), height: Double(height))
        var svg = SVGChartDrawing(layout: layout)
        svg.draw(self)
        return svg.document
    }

    /// Each series' colour: its own, or the next palette colour.
    var resolvedSeriesColors: [String] {
        var next = 0
        return series.map { item in
            if let color = item.style.color { return color }
            defer { next += 1 }
            return ChartPalette.cycle[next % ChartPalette.cycle.count]
        }
    }
}
