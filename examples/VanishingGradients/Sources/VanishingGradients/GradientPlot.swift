import Foundation

/// A hand-written SVG line chart: lag on a linear x axis, gradient on a logarithmic y axis, one
/// line per network. On these axes an exponential decay is a straight falling line, which is
/// exactly what a vanishing gradient looks like.
struct GradientPlot {
    struct Line {
        let name: String
        let color: String
        /// (lag, gradient) points; gradients ≤ 0 are drawn at the bottom of the axis.
        let points: [(x: Double, y: Double)]
    }

    var title: String
    var xLabel: String
    var yLabel: String
    var lines: [Line]
    var width = 720.0
    var height = 440.0

    func svg() -> String {
        let left = 90.0, right = 190.0, top = 50.0, bottom = 60.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let xs = lines.flatMap { $0.points.map(\.x) }
        let positive = lines.flatMap { $0.points.map(\.y) }.filter { $0 > 0 && $0.isFinite }
        let xMin = 0.0, xMax = xs.max() ?? 1
        // Whole decades that hold every positive value.
        let lowDecade = floor(log10(positive.min() ?? 1e-3)), highDecade = ceil(log10(positive.max() ?? 1))
        let decades = max(highDecade - lowDecade, 1)
        func px(_ x: Double) -> Double { left + (x - xMin) / (xMax - xMin) * plotWidth }
        func py(_ y: Double) -> Double {
            let decade = y > 0 && y.isFinite ? max(log10(y), lowDecade) : lowDecade
            return top + (highDecade - decade) / decades * plotHeight
        }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }

        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
        viewBox="0 0 \(Int(width)) \(Int(height))" font-family="Helvetica, Arial, sans-serif" font-size="12">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(f(left + plotWidth / 2))" y="28" text-anchor="middle" font-size="15">\(escaped(title))</text>

        """
        // Horizontal grid and labels, one per decade (every second or third when there are many).
        let labelEvery = decades > 12 ? 3 : decades > 6 ? 2 : 1
        for (index, decade) in stride(from: lowDecade, through: highDecade, by: 1).enumerated() {
            let y = py(pow(10, decade))
            out += "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(y))\" stroke=\"#e4e4e4\"/>\n"
            if index % labelEvery == 0 {
                out += "<text x=\"\(f(left - 8))\" y=\"\(f(y + 4))\" text-anchor=\"end\">1e\(Int(decade))</text>\n"
            }
        }
        // Vertical ticks at the lags measured.
        for x in Set(xs).sorted() {
            out += "<line x1=\"\(f(px(x)))\" y1=\"\(f(top))\" x2=\"\(f(px(x)))\" y2=\"\(f(top + plotHeight))\" stroke=\"#f0f0f0\"/>\n"
            out += "<text x=\"\(f(px(x)))\" y=\"\(f(top + plotHeight + 18))\" text-anchor=\"middle\">\(Int(x))</text>\n"
        }
        out += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\" fill=\"none\" stroke=\"#444\"/>\n"
        out += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 14))\" text-anchor=\"middle\">\(escaped(xLabel))</text>\n"
        out += "<text transform=\"translate(22 \(f(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">\(escaped(yLabel))</text>\n"

        for (index, line) in lines.enumerated() {
            let path = line.points.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")
            out += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2.5\"/>\n"
            for point in line.points {
                out += "<circle cx=\"\(f(px(point.x)))\" cy=\"\(f(py(point.y)))\" r=\"4\" fill=\"\(line.color)\"/>\n"
            }
            let legendY = top + 14 + Double(index) * 22
            out += "<line x1=\"\(f(left + plotWidth + 16))\" y1=\"\(f(legendY))\" x2=\"\(f(left + plotWidth + 40))\" y2=\"\(f(legendY))\" stroke=\"\(line.color)\" stroke-width=\"2.5\"/>\n"
            out += "<text x=\"\(f(left + plotWidth + 46))\" y=\"\(f(legendY + 4))\">\(escaped(line.name))</text>\n"
        }
        return out + "</svg>\n"
    }

    private func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
