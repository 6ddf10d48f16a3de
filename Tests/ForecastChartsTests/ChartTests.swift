import ForecastData
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ForecastCharts

/// SVG charts: well-formed documents, one path per series, bands, escaping, gaps, degenerate data.
@Suite("SVG charts")
struct ChartTests {
    // MARK: Reading the document back

    /// Parses the SVG; a malformed document fails the test here.
    private func parse(_ svg: String) throws -> XMLElement {
        let document = try XMLDocument(xmlString: svg, options: [])
        return try #require(document.rootElement())
    }

    /// An attribute's value. (Scans the attribute list: on Linux, `attribute(forName:)` finds
    /// nothing on elements in SVG's default namespace.)
    private func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attributes?.first { $0.name == name }?.stringValue
    }

    /// The elements named `name` inside `root` (with `class` = `className` when given).
    private func elements(_ root: XMLElement, name: String, className: String? = nil) throws -> [XMLElement] {
        let all = try root.nodes(forXPath: ".//*[local-name()='\(name)']").compactMap { $0 as? XMLElement }
        guard let className else { return all }
        return all.filter { attribute($0, "class") == className }
    }

    /// The subpaths of a path's `d`: each starts at an `M` and lists its points as (x, y).
    private func subpaths(_ element: XMLElement) -> [[(Double, Double)]] {
        let d = attribute(element, "d") ?? ""
        var result: [[(Double, Double)]] = []
        for piece in d.split(separator: "M") {
            let numbers = piece.split(whereSeparator: { "LZ ".contains($0) }).compactMap { Double($0) }
            var points: [(Double, Double)] = []
            var index = 0
            while index + 1 < numbers.count {
                points.append((numbers[index], numbers[index + 1]))
                index += 2
            }
            result.append(points)
        }
        return result
    }

    private func day(_ index: Int) -> Double {
        Timestamp(year: 2020, month: 1, day: 1).secondsSinceEpoch + Double(index) * 86_400
    }

    // MARK: Structure

    @Test("the document is well-formed SVG with one path per series and per band")
    func structure() throws {
        let chart = SVGChart(
            title: "Prices", xAxis: .time, xTitle: "date", yTitle: "close",
            series: [
                ChartSeries(name: "history", x: (0..<30).map(day), y: (0..<30).map { 100 + Double($0) }),
                ChartSeries(name: "forecast", x: (30..<35).map(day), y: (30..<35).map { 100 + Double($0) },
                            style: ChartLineStyle(dashed: true, markers: true)),
                ChartSeries(name: "other", x: (0..<35).map(day), y: (0..<35).map { 90 + Double($0) / 2 }),
            ],
            bands: [
                ChartBand(name: "95 %", x: (30..<35).map(day), lower: Array(repeating: 120, count: 5), upper: Array(repeating: 140, count: 5)),
                ChartBand(name: "80 %", x: (30..<35).map(day), lower: Array(repeating: 125, count: 5), upper: Array(repeating: 135, count: 5)),
            ],
            markers: [ChartMarker(x: day(29), label: "origin")]
        )
        let svg = chart.render(width: 640, height: 360)
        let root = try parse(svg)
        #expect(root.localName == "svg")
        #expect(attribute(root, "width") == "640")
        #expect(try elements(root, name: "path", className: "series").count == 3)
        #expect(try elements(root, name: "path", className: "band").count == 2)
        #expect(try elements(root, name: "line", className: "marker").count == 1)
        #expect(try elements(root, name: "circle").count == 5)     // markers on the forecast only
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("xlink:href"))
        #expect(svg.contains("stroke-dasharray"))
    }

    @Test("names are XML-escaped and read back unchanged")
    func escaping() throws {
        let name = #"Close & "adj" <usd>"#
        let chart = SVGChart(title: "A&B <test>", xAxis: .steps, yTitle: name,
                             series: [ChartSeries(name: name, x: [0, 1, 2], y: [1, 2, 3])])
        let svg = chart.render()
        #expect(svg.contains("Close &amp; &quot;adj&quot; &lt;usd&gt;"))
        #expect(!svg.contains("<usd>"))
        let root = try parse(svg)
        let legendTexts = try elements(root, name: "g", className: "legend").flatMap { group in
            try elements(group, name: "text").map { $0.stringValue ?? "" }
        }
        #expect(legendTexts.contains(name))
        let title = try elements(root, name: "text", className: "title").first?.stringValue
        #expect(title == "A&B <test>")
    }

    @Test("a NaN splits a line into separate pieces")
    func gaps() throws {
        let chart = SVGChart(title: "gaps", xAxis: .steps,
                             series: [ChartSeries(name: "s", x: (0..<7).map(Double.init), y: [1, 2, .nan, 4, 5, .nan, 7])])
        let svg = chart.render()
        let path = try #require(try elements(try parse(svg), name: "path", className: "series").first)
        let pieces = subpaths(path)
        #expect(pieces.map(\.count) == [2, 2, 1])
        // The lone last point cannot show as a line, so it gets a dot.
        #expect(try elements(try parse(svg), name: "circle").count == 1)
        #expect(!svg.lowercased().contains("nan"))
    }

    @Test("constant, single-point and empty charts hold only finite coordinates", arguments: [
        [5.0, 5.0, 5.0], [3.0], [0.0, 0.0], [Double](), [.nan, .nan],
    ])
    func degenerateData(values: [Double]) throws {
        for axis in [ChartXAxis.steps, .time] {
            let xs = axis == .time ? values.indices.map(day) : values.indices.map(Double.init)
            let svg = SVGChart(title: "degenerate", xAxis: axis,
                               series: [ChartSeries(name: "c", x: xs, y: values)]).render()
            let lowered = svg.lowercased()
            #expect(!lowered.contains("nan") && !lowered.contains("inf"), "\(values) on \(axis)")
            let root = try parse(svg)
            for path in try elements(root, name: "path") {
                for point in subpaths(path).joined() {
                    #expect(point.0.isFinite && point.1.isFinite)
                    #expect(point.0 >= 0 && point.0 <= 900 && point.1 >= 0 && point.1 <= 420, "\(point) off the canvas")
                }
            }
            let ticks = try elements(root, name: "g", className: "y-ticks").flatMap { try elements($0, name: "text") }
            #expect(ticks.count >= 2, "the y axis keeps labels for \(values)")
        }
    }

    @Test("time-axis tick labels do not overlap at any width", arguments: [300, 600, 900])
    func tickLabelsApart(width: Int) throws {
        let xs = (0..<800).map(day)
        let chart = SVGChart(title: "", xAxis: .time, series: [ChartSeries(name: "s", x: xs, y: xs.map { sin($0 / 1e6) })])
        let root = try parse(chart.render(width: width, height: 300))
        let labels = try elements(root, name: "g", className: "x-ticks").flatMap { try elements($0, name: "text") }
        #expect(labels.count >= 2)
        let characterWidth = 0.6 * 12.0
        let spans = labels.map { label -> (Double, Double) in
            let center = Double(attribute(label, "x") ?? "") ?? .nan
            let half = Double((label.stringValue ?? "").count) * characterWidth / 2
            return (center - half, center + half)
        }
        for index in spans.indices.dropFirst() {
            #expect(spans[index].0 >= spans[index - 1].1, "labels \(index - 1) and \(index) overlap at width \(width)")
        }
        #expect(spans.allSatisfy { $0.0 >= 0 && $0.1 <= Double(width) })
    }

    // MARK: The two CLI charts

    @Test("the forecast chart shows the last N observations, joins the forecast and shades the intervals right of the origin")
    func forecastPlot() throws {
        let history = (0..<500).map { 50 + sin(Double($0) / 10) }
        let forecast = [51.0, 51.5, 52.0, 52.5]
        var times: [Timestamp] = []
        var date = Timestamp(year: 2021, month: 1, day: 4)
        while times.count < history.count + forecast.count {     // trading days only
            if !date.civil.isWeekend { times.append(date) }
            date = date.advanced(by: 86_400)
        }
        let chart = SVGChart.forecastPlot(
            title: "AAPL", valueName: "Adj Close", history: history, forecast: forecast, times: times,
            intervals: [ChartInterval(level: 0.8, lower: forecast.map { $0 - 1 }, upper: forecast.map { $0 + 1 }),
                        ChartInterval(level: 0.95, lower: forecast.map { $0 - 2 }, upper: forecast.map { $0 + 2 })],
            historyLimit: 120)
        #expect(chart.xAxis == .time)
        #expect(chart.bands.map(\.name) == ["95 % interval", "80 % interval"])
        let root = try parse(chart.render())
        let paths = try elements(root, name: "path", className: "series")
        try #require(paths.count == 2)
        #expect(subpaths(paths[0]).joined().count == 120)
        let forecastPoints = Array(subpaths(paths[1]).joined())
        #expect(forecastPoints.count == forecast.count + 1)
        let lastHistory = try #require(subpaths(paths[0]).joined().last)
        #expect(abs(forecastPoints[0].0 - lastHistory.0) < 0.01 && abs(forecastPoints[0].1 - lastHistory.1) < 0.01)

        let marker = try #require(try elements(root, name: "line", className: "marker").first)
        let originX = try #require(Double(attribute(marker, "x1") ?? ""))
        #expect(abs(originX - lastHistory.0) < 0.01)
        let bands = try elements(root, name: "path", className: "band")
        try #require(bands.count == 2)
        for band in bands {
            let points = Array(subpaths(band).joined())
            #expect(points.count == 2 * forecast.count)
            #expect(points.allSatisfy { $0.0 > originX }, "bands start after the forecast origin")
        }
        // The wider (95 %) band is drawn first and spans more pixels vertically.
        let heights = bands.map { band in
            let ys = subpaths(band).joined().map(\.1)
            return (ys.max() ?? 0) - (ys.min() ?? 0)
        }
        #expect(heights[0] > heights[1])
    }

    @Test("without timestamps the forecast chart numbers the steps")
    func forecastPlotSteps() {
        let chart = SVGChart.forecastPlot(title: "t", valueName: "v", history: [1, 2, 3], forecast: [4, 5])
        #expect(chart.xAxis == .steps)
        #expect(chart.series[1].x == [2, 3, 4])
        #expect(chart.markers.first?.x == 2)
    }

    @Test("a forecast chart without forecast steps draws the history alone")
    func forecastPlotEmptyForecast() throws {
        let chart = SVGChart.forecastPlot(title: "t", valueName: "v", history: [1, 2, 3], forecast: [])
        #expect(chart.series.map(\.name) == ["v"])
        #expect(chart.bands.isEmpty)
        let paths = try elements(try parse(chart.render()), name: "path", className: "series")
        #expect(paths.count == 1)
    }

    @Test("times beyond the calendar's range render without date labels instead of failing")
    func timesOutOfRange() throws {
        let chart = SVGChart(title: "far", xAxis: .time, series: [ChartSeries(name: "s", x: [1e18, 2e18], y: [1, 2])])
        let root = try parse(chart.render())
        let labels = try elements(root, name: "g", className: "x-ticks").flatMap { try elements($0, name: "text") }
        #expect(labels.isEmpty)
        #expect(try elements(root, name: "path", className: "series").count == 1)
    }

    @Test("the backtest chart draws one series per model with one piece per fold")
    func backtestPlot() throws {
        let actuals = (0..<60).map { Double($0 % 7) }
        let model = ChartBacktestForecasts(name: "lstm", segments: [
            .init(startIndex: 20, values: [1, 2, 3]), .init(startIndex: 30, values: [1, 2, 3]),
            .init(startIndex: 40, values: [1, 2, 3]),
        ])
        let naive = ChartBacktestForecasts(name: "naive", segments: [
            .init(startIndex: 20, values: [0, 0, 0]), .init(startIndex: 58, values: [5, 5, 5]),
        ], isBaseline: true)
        let chart = SVGChart.backtestPlot(title: "backtest", valueName: "y", actuals: actuals, models: [model, naive])
        let root = try parse(chart.render())
        let paths = try elements(root, name: "path", className: "series")
        try #require(paths.count == 3)
        #expect(subpaths(paths[1]).map(\.count) == [3, 3, 3])
        // The last naive fold runs past the data: only its two points with a position are drawn.
        #expect(subpaths(paths[2]).map(\.count) == [3, 2])
        #expect(attribute(paths[2], "stroke-dasharray") != nil)
        #expect(attribute(paths[1], "stroke") != attribute(paths[2], "stroke"))
        let legend = try elements(root, name: "g", className: "legend").flatMap { try elements($0, name: "text") }
        #expect(legend.compactMap(\.stringValue) == ["y", "lstm", "naive"])
    }
}
