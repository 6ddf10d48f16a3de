import ForecastData

/// A small line chart for standard output on a terminal: history in braille dots, a `│` at the
/// forecast origin, and the forecast right of it, in colour when allowed and as `•` otherwise.
///
/// The output has exactly `height` lines of exactly `width` characters (ANSI colour codes aside):
/// `height - 1` plot rows with the maximum and minimum value labelled on the left, then one line
/// with the first and last date. The history and the forecast get horizontal room in proportion
/// to the time they span, so the forecast's length reads correctly.
public struct TerminalChart: Sendable {
    public var history: [Double]
    public var forecast: [Double]
    /// One timestamp per history value then one per forecast step; nil numbers the steps.
    public var times: [Timestamp]?
    public var width: Int
    public var height: Int
    public var useColor: Bool

    /// The glyph of a forecast point when colour is off.
    static let forecastGlyph: Character = "•"
    static let separator: Character = "│"
    /// ANSI yellow for forecast cells, then reset.
    static let forecastColor = "\u{1B}[33m"
    static let resetColor = "\u{1B}[0m"

    /// - Precondition: at least 24 × 4 characters; `times`, when given, has one entry per value.
    public init(history: [Double], forecast: [Double] = [], times: [Timestamp]? = nil,
         width: Int = 60, height: Int = 12, useColor: Bool) {
        precondition(width >= 24 && height >= 4, "TerminalChart needs at least 24 × 4 characters, got \(width) × \(height)")
        precondition(times == nil || times?.count == history.count + forecast.count,
                     "TerminalChart needs \(history.count + forecast.count) timestamps, got \(times?.count ?? 0)")
        self.history = history
        self.forecast = forecast
        self.times = times
        self.width = width
        self.height = height
        self.useColor = useColor
    }

    public func render() -> String {
        let positions = times?.map(\.secondsSinceEpoch) ?? (0..<(history.count + forecast.count)).map(Double.init)
        let finite = (history + forecast).filter(\.isFinite)
        var low = finite.min() ?? 0
        var high = finite.max() ?? 1
        if high <= low {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let topLabel = ChartNumberFormat.compact(high)
        let bottomLabel = ChartNumberFormat.compact(low)
        let labelWidth = max(topLabel.count, bottomLabel.count)
        let plotColumns = width - labelWidth - 2
        let plotRows = height - 1

        // Split the columns between history and forecast by the time each spans.
        let historyX = Array(positions.prefix(history.count))
        let forecastX = Array(positions.dropFirst(history.count))
        var historyColumns = plotColumns
        var forecastColumns = 0
        if !forecast.isEmpty {
            if history.isEmpty {
                historyColumns = 0
                forecastColumns = plotColumns
            } else {
                let start = historyX.first ?? 0
                let origin = historyX.last ?? 0
                let end = forecastX.last ?? origin
                let share = end > start ? (end - origin) / (end - start) : 0.5
                forecastColumns = min(plotColumns - 2, max(1, Int((share * Double(plotColumns - 1)).rounded())))
                historyColumns = plotColumns - 1 - forecastColumns
            }
        }

        func dotY(_ value: Double, rows: Int) -> Int {
            Int(((high - value) / (high - low) * Double(rows * 4 - 1)).rounded())
        }
        func plot(_ values: [Double], at xs: [Double], on canvas: inout BrailleCanvas, lines: Bool) {
            guard let first = xs.first, let last = xs.last else { return }
            let span = last - first
            var previous: (x: Int, y: Int)?
            for (x, value) in zip(xs, values) {
                guard x.isFinite, value.isFinite else { previous = nil; continue }
                let fraction = span > 0 ? (x - first) / span : 0.5
                let point = (x: Int((fraction * Double(canvas.dotWidth - 1)).rounded()), y: dotY(value, rows: canvas.rows))
                if lines, let from = previous { canvas.line(from: from, to: point) } else { canvas.set(x: point.x, y: point.y) }
                previous = point
            }
        }
        var historyCanvas = BrailleCanvas(columns: historyColumns, rows: plotRows)
        plot(history, at: historyX, on: &historyCanvas, lines: true)
        var forecastCanvas = BrailleCanvas(columns: forecastColumns, rows: plotRows)
        plot(forecast, at: forecastX, on: &forecastCanvas, lines: useColor)

        var output: [String] = []
        for row in 0..<plotRows {
            let label = row == 0 ? topLabel : row == plotRows - 1 ? bottomLabel : ""
            var line = String(repeating: " ", count: labelWidth - label.count) + label
            line += label.isEmpty ? " │" : " ┤"
            for column in 0..<historyColumns {
                line.append(historyCanvas.isEmpty(column: column, row: row) ? " " : historyCanvas.character(column: column, row: row))
            }
            if forecastColumns > 0 {
                if historyColumns > 0 { line.append(TerminalChart.separator) }
                for column in 0..<forecastColumns {
                    if forecastCanvas.isEmpty(column: column, row: row) {
                        line.append(" ")
                    } else if useColor {
                        line += TerminalChart.forecastColor + String(forecastCanvas.character(column: column, row: row)) + TerminalChart.resetColor
                    } else {
                        line.append(TerminalChart.forecastGlyph)
                    }
                }
            }
            output.append(line)
        }
        output.append(dateLine(positions: positions, indent: labelWidth + 2, room: plotColumns))
        return output.joined(separator: "\n")
    }

    /// The first and last date (or step) under the plot, padded to the chart's width.
    private func dateLine(positions: [Double], indent: Int, room: Int) -> String {
        var first = ""
        var last = ""
        if let start = positions.first, let end = positions.last {
            if times != nil {
                let intraday = positions.contains {
                    TerminalChart.isDate($0) && !Timestamp(secondsSinceEpoch: $0).civil.isMidnight
                }
                first = TerminalChart.dateText(start, withTime: intraday)
                last = TerminalChart.dateText(end, withTime: intraday)
            } else {
                first = String(Int(start))
                last = String(Int(end))
            }
        }
        var text = first
        if first.count + last.count + 1 <= room && positions.count > 1 {
            text += String(repeating: " ", count: room - first.count - last.count) + last
        }
        text = String(text.prefix(room))
        return String(repeating: " ", count: indent) + text + String(repeating: " ", count: room - text.count)
    }

    /// `2012-03-05`, or `2012-03-05 14:00` for intraday series.
    static func dateText(_ seconds: Double, withTime: Bool) -> String {
        guard isDate(seconds) else { return "?" }
        let civil = Timestamp(secondsSinceEpoch: seconds).civil
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let date = "\(civil.year)-\(two(civil.month))-\(two(civil.day))"
        return withTime ? date + " \(two(civil.hour)):\(two(civil.minute))" : date
    }

    /// Whether `seconds` is an instant the calendar can name (parsed dates always are).
    static func isDate(_ seconds: Double) -> Bool {
        seconds.isFinite && abs(seconds) < 3e11
    }
}
