/// Writes the elements of an `SVGChart` into an SVG document, back to front: grid, bands,
/// series, markers, axes, labels, legend.
struct SVGChartDrawing {
    let layout: SVGChartLayout
    private(set) var lines: [String] = []

    init(layout: SVGChartLayout) {
        self.layout = layout
    }

    /// The finished document.
    var document: String {
        let w = SVGText.number(layout.width)
        let h = SVGText.number(layout.height)
        let header = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\#(w)" height="\#(h)" viewBox="0 0 \#(w) \#(h)" font-family="sans-serif" font-size="\#(SVGText.number(SVGChartLayout.fontSize))">"#,
        ]
        return (header + lines + ["</svg>"]).joined(separator: "\n") + "\n"
    }

    mutating func draw(_ chart: SVGChart) {
        let n = SVGText.number
        lines.append("<title>\(SVGText.escape(chart.title))</title>")
        lines.append(#"<rect x="0" y="0" width="\#(n(layout.width))" height="\#(n(layout.height))" fill="white"/>"#)
        drawGrid()
        for band in chart.bands { drawBand(band) }
        let colors = chart.resolvedSeriesColors
        for (item, color) in zip(chart.series, colors) { drawSeries(item, color: color) }
        for marker in chart.markers { drawMarker(marker) }
        drawAxes()
        drawTitles(chart)
        drawLegend()
    }

    private mutating func drawGrid() {
        let n = SVGText.number
        var grid = ""
        for tick in layout.yScale.ticks {
            let y = layout.pixelY(tick)
            grid += "M\(n(layout.plotLeft)) \(n(y))H\(n(layout.plotRight))"
        }
        for tick in layout.xTickPositions {
            let x = layout.pixelX(tick)
            grid += "M\(n(x)) \(n(layout.plotTop))V\(n(layout.plotBottom))"
        }
        lines.append(#"<path class="grid" d="\#(grid)" stroke="\#(ChartPalette.grid)" stroke-width="1" fill="none"/>"#)
    }

    /// Runs of consecutive indices where `isValid` holds: the pieces a NaN splits a curve into.
    private func runs(count: Int, isValid: (Int) -> Bool) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start: Int?
        for index in 0..<count {
            if isValid(index) {
                if start == nil { start = index }
            } else if let first = start {
                result.append(first..<index)
                start = nil
            }
        }
        if let first = start { result.append(first..<count) }
        return result
    }

    private mutating func drawBand(_ band: ChartBand) {
        let n = SVGText.number
        let pieces = runs(count: band.x.count) {
            band.x[$0].isFinite && band.lower[$0].isFinite && band.upper[$0].isFinite
        }
        var d = ""
        for piece in pieces {
            for (offset, index) in piece.enumerated() {
                d += (offset == 0 ? "M" : "L") + "\(n(layout.pixelX(band.x[index]))) \(n(layout.pixelY(band.upper[index])))"
            }
            for index in piece.reversed() {
                d += "L\(n(layout.pixelX(band.x[index]))) \(n(layout.pixelY(band.lower[index])))"
            }
            d += "Z"
        }
        guard !d.isEmpty else { return }
        let color = band.color ?? ChartPalette.forecast
        lines.append(#"<path class="band" d="\#(d)" fill="\#(SVGText.escape(color))" fill-opacity="\#(n(band.opacity))" stroke="none"><title>\#(SVGText.escape(band.name))</title></path>"#)
    }

    private mutating func drawSeries(_ item: ChartSeries, color: String) {
        let n = SVGText.number
        let pieces = runs(count: item.x.count) { item.x[$0].isFinite && item.y[$0].isFinite }
        guard !pieces.isEmpty else { return }
        var d = ""
        var dots: [Int] = []
        for piece in pieces {
            for (offset, index) in piece.enumerated() {
                d += (offset == 0 ? "M" : "L") + "\(n(layout.pixelX(item.x[index]))) \(n(layout.pixelY(item.y[index])))"
            }
            // A lone point draws no line, so it always gets a dot.
            if item.style.markers || piece.count == 1 { dots += piece }
        }
        let dash = item.style.dashed ? #" stroke-dasharray="6 4""# : ""
        let stroke = SVGText.escape(color)
        lines.append(#"<path class="series" d="\#(d)" fill="none" stroke="\#(stroke)" stroke-width="\#(n(item.style.width))" stroke-linejoin="round" stroke-linecap="round"\#(dash)><title>\#(SVGText.escape(item.name))</title></path>"#)
        if !dots.isEmpty {
            var group = #"<g class="points" fill="\#(stroke)">"#
            for index in dots {
                group += #"<circle cx="\#(n(layout.pixelX(item.x[index])))" cy="\#(n(layout.pixelY(item.y[index])))" r="\#(n(item.style.width + 1.2))"/>"#
            }
            lines.append(group + "</g>")
        }
    }

    private mutating func drawMarker(_ marker: ChartMarker) {
        guard marker.x.isFinite else { return }
        let n = SVGText.number
        let x = layout.pixelX(marker.x)
        let dash = marker.dashed ? #" stroke-dasharray="4 3""# : ""
        lines.append(#"<line class="marker" x1="\#(n(x))" y1="\#(n(layout.plotTop))" x2="\#(n(x))" y2="\#(n(layout.plotBottom))" stroke="\#(ChartPalette.axis)" stroke-width="1"\#(dash)/>"#)
        if let label = marker.label, !label.isEmpty {
            // Right of the line unless that would run past the plot, then left of it.
            let labelWidth = Double(label.count) * SVGChartLayout.characterWidth * 0.9
            let fitsRight = x + 4 + labelWidth <= layout.plotRight
            let anchor = fitsRight ? "start" : "end"
            let textX = fitsRight ? x + 4 : x - 4
            lines.append(#"<text x="\#(n(textX))" y="\#(n(layout.plotTop + 12))" font-size="11" fill="\#(ChartPalette.axis)" text-anchor="\#(anchor)">\#(SVGText.escape(label))</text>"#)
        }
    }

    private mutating func drawAxes() {
        let n = SVGText.number
        let left = n(layout.plotLeft)
        let bottom = n(layout.plotBottom)
        lines.append(#"<path class="axes" d="M\#(left) \#(n(layout.plotTop))V\#(bottom)H\#(n(layout.plotRight))" stroke="\#(ChartPalette.axis)" stroke-width="1" fill="none"/>"#)
        var labels = #"<g class="y-ticks" fill="\#(ChartPalette.text)" text-anchor="end">"#
        for (tick, label) in zip(layout.yScale.ticks, layout.yLabels) {
            labels += #"<text x="\#(n(layout.plotLeft - 6))" y="\#(n(layout.pixelY(tick) + 4))">\#(SVGText.escape(label))</text>"#
        }
        lines.append(labels + "</g>")
        labels = #"<g class="x-ticks" fill="\#(ChartPalette.text)" text-anchor="middle">"#
        let baseline = layout.plotBottom + SVGChartLayout.fontSize + 6
        for (tick, label) in zip(layout.xTickPositions, layout.xTickLabels) {
            // Keep the label inside the canvas even when its tick sits at an edge.
            let half = Double(label.count) * SVGChartLayout.characterWidth / 2
            let x = min(max(layout.pixelX(tick), half + 4), layout.width - half - 4)
            labels += #"<text x="\#(n(x))" y="\#(n(baseline))">\#(SVGText.escape(label))</text>"#
        }
        lines.append(labels + "</g>")
    }

    private mutating func drawTitles(_ chart: SVGChart) {
        let n = SVGText.number
        if !chart.title.isEmpty {
            lines.append(#"<text class="title" x="\#(n(layout.width / 2))" y="\#(n(layout.titleBaseline))" font-size="\#(n(SVGChartLayout.titleSize))" font-weight="bold" text-anchor="middle" fill="\#(ChartPalette.text)">\#(SVGText.escape(chart.title))</text>"#)
        }
        if let xTitle = chart.xTitle, !xTitle.isEmpty {
            let x = (layout.plotLeft + layout.plotRight) / 2
            lines.append(#"<text class="x-title" x="\#(n(x))" y="\#(n(layout.height - 8))" text-anchor="middle" fill="\#(ChartPalette.text)">\#(SVGText.escape(xTitle))</text>"#)
        }
        if let yTitle = chart.yTitle, !yTitle.isEmpty {
            let y = (layout.plotTop + layout.plotBottom) / 2
            lines.append(#"<text class="y-title" x="0" y="0" transform="translate(\#(n(10 + SVGChartLayout.fontSize)) \#(n(y))) rotate(-90)" text-anchor="middle" fill="\#(ChartPalette.text)">\#(SVGText.escape(yTitle))</text>"#)
        }
    }

    private mutating func drawLegend() {
        let n = SVGText.number
        guard !layout.legend.isEmpty else { return }
        var group = #"<g class="legend" fill="\#(ChartPalette.text)">"#
        for entry in layout.legend {
            switch entry.swatch {
            case let .line(color, dashed):
                let dash = dashed ? #" stroke-dasharray="6 4""# : ""
                group += #"<line x1="\#(n(entry.x))" y1="\#(n(entry.y))" x2="\#(n(entry.x + 20))" y2="\#(n(entry.y))" stroke="\#(SVGText.escape(color))" stroke-width="2.5"\#(dash)/>"#
            case let .area(color, opacity):
                group += #"<rect x="\#(n(entry.x))" y="\#(n(entry.y - 6))" width="20" height="12" fill="\#(SVGText.escape(color))" fill-opacity="\#(n(opacity))"/>"#
            }
            group += #"<text x="\#(n(entry.x + 26))" y="\#(n(entry.y + 4))">\#(SVGText.escape(entry.name))</text>"#
        }
        lines.append(group + "</g>")
    }
}
