/// Where everything of an `SVGChart` goes: data ranges, margins, plot rectangle, ticks, legend.
///
/// Text widths are estimated at 0.6 em a character (a safe upper bound for digits and most
/// letters in common sans-serif fonts), so labels are spaced to avoid overlap without measuring.
struct SVGChartLayout {
    static let fontSize = 12.0
    static let titleSize = 15.0
    static let characterWidth = 0.6 * fontSize

    struct LegendEntry {
        enum Swatch { case line(color: String, dashed: Bool), area(color: String, opacity: Double) }
        let name: String
        let swatch: Swatch
        let x: Double
        let y: Double
    }

    let width: Double
    let height: Double
    let plotLeft: Double
    let plotTop: Double
    let plotRight: Double
    let plotBottom: Double
    let xRange: ClosedRange<Double>
    let yScale: NiceScale
    let yLabels: [String]
    let xTickPositions: [Double]
    let xTickLabels: [String]
    let legend: [LegendEntry]
    let titleBaseline: Double

    init(chart: SVGChart, width: Double, height: Double) {
        self.width = width
        self.height = height
        let font = SVGChartLayout.fontSize
        let charWidth = SVGChartLayout.characterWidth

        // Title and legend rows at the top, so the legend never covers data.
        var top = 10.0
        titleBaseline = top + SVGChartLayout.titleSize
        if !chart.title.isEmpty { top += SVGChartLayout.titleSize + 10 }
        let colors = chart.resolvedSeriesColors
        var entries: [(String, LegendEntry.Swatch)] = []
        var seen = Set<String>()
        for (index, item) in chart.series.enumerated() where item.style.inLegend && seen.insert(item.name).inserted {
            entries.append((item.name, .line(color: colors[index], dashed: item.style.dashed)))
        }
        for band in chart.bands where seen.insert(band.name).inserted {
            entries.append((band.name, .area(color: band.color ?? ChartPalette.forecast, opacity: band.opacity)))
        }
        var legend: [LegendEntry] = []
        var cursor = 16.0
        var row = 0
        for (name, swatch) in entries {
            let entryWidth = 26 + Double(name.count) * charWidth + 18
            if cursor + entryWidth > width - 10 && cursor > 16 {
                row += 1
                cursor = 16
            }
            legend.append(LegendEntry(name: name, swatch: swatch, x: cursor, y: top + 8 + Double(row) * 18))
            cursor += entryWidth
        }
        self.legend = legend
        if !entries.isEmpty { top += Double(row + 1) * 18 + 6 }
        top += 8    // room for the top tick label's upper half
        plotTop = top

        // Bottom: tick labels, then the axis title.
        plotBottom = height - (font + 14) - (chart.xTitle == nil ? 0 : font + 8) - 6

        // Data ranges over everything drawn.
        var xs: [Double] = []
        var ys: [Double] = []
        for item in chart.series {
            for (x, y) in zip(item.x, item.y) where x.isFinite && y.isFinite {
                xs.append(x)
                ys.append(y)
            }
        }
        for band in chart.bands {
            for index in band.x.indices where band.x[index].isFinite {
                let pair = [band.lower[index], band.upper[index]].filter(\.isFinite)
                if !pair.isEmpty { xs.append(band.x[index]) }
                ys += pair
            }
        }
        xs += chart.markers.map(\.x).filter(\.isFinite)
        var xLow = xs.min() ?? 0
        var xHigh = xs.max() ?? 1
        if xHigh <= xLow {
            let pad = chart.xAxis == .time ? 86_400.0 : 1.0    // a single point: one day or one step each side
            xLow -= pad
            xHigh += pad
        }
        xRange = xLow...xHigh

        let plotHeight = plotBottom - plotTop
        let desiredYTicks = max(3, min(7, Int(plotHeight / 45)))
        yScale = NiceScale(minimum: ys.min() ?? 0, maximum: ys.max() ?? 1, desiredTicks: desiredYTicks)
        yLabels = ChartNumberFormat.labels(for: yScale)

        let widestYLabel = Double(yLabels.map(\.count).max() ?? 1) * charWidth
        plotLeft = 10 + (chart.yTitle == nil ? 0 : font + 8) + widestYLabel + 8

        // X ticks, then enough right margin for half of the last label.
        var plotRight = width - 20
        let plotWidth = plotRight - plotLeft
        switch chart.xAxis {
        case .time:
            let ticks = DateTicks(start: xLow, end: xHigh, maximumCount: 8, pixelWidth: plotWidth,
                                  characterWidth: charWidth)
            xTickPositions = ticks.positions
            xTickLabels = ticks.labels
        case .steps:
            let widest = Double(max(String(Int(xLow.rounded())).count, String(Int(xHigh.rounded())).count)) * charWidth + 16
            let fitting = max(2, min(8, Int(plotWidth / widest)))
            let scale = NiceScale(minimum: xLow, maximum: xHigh, desiredTicks: fitting, integerSteps: true)
            let inside = scale.ticks.filter { $0 >= xLow - 1e-9 && $0 <= xHigh + 1e-9 }
            xTickPositions = inside
            xTickLabels = ChartNumberFormat.labels(for: inside, step: scale.step)
        }
        if let last = xTickLabels.last {
            plotRight = min(plotRight, width - 6 - Double(last.count) * charWidth / 2)
            plotRight = max(plotRight, plotLeft + 50)
        }
        self.plotRight = plotRight
    }

    /// The horizontal pixel position of data value `x`.
    func pixelX(_ x: Double) -> Double {
        plotLeft + (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * (plotRight - plotLeft)
    }

    /// The vertical pixel position of data value `y` (SVG's y grows downward).
    func pixelY(_ y: Double) -> Double {
        plotBottom - (y - yScale.lower) / (yScale.upper - yScale.lower) * (plotBottom - plotTop)
    }
}
