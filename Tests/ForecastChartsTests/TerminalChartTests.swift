import ForecastData
import Foundation
import Testing
@testable import ForecastCharts

/// The terminal chart: exact size, labels, and the forecast kept right of the origin.
@Suite("Terminal chart")
struct TerminalChartTests {
    /// The text as a terminal shows it: ANSI colour sequences (`ESC [ … m`) removed.
    private func visible(_ line: String) -> [Character] {
        var result: [Character] = []
        var inEscape = false
        for character in line {
            if character == "\u{1B}" { inEscape = true; continue }
            if inEscape { if character == "m" { inEscape = false }; continue }
            result.append(character)
        }
        return result
    }

    private func isBraille(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { (0x2800...0x28FF).contains($0.value) }
    }

    private let history = (0..<90).map { 20 + 5 * sin(Double($0) / 6) }
    private let forecast = [21.0, 22, 23, 22.5, 24, 25, 24, 23, 22, 21]
    private var times: [Timestamp] {
        (0..<100).map { Timestamp(year: 2023, month: 1, day: 2).advanced(by: Double($0) * 86_400) }
    }

    @Test("the output has exactly height lines of exactly width characters", arguments: [
        (60, 12), (40, 8), (24, 4), (100, 20),
    ])
    func dimensions(size: (Int, Int)) {
        for useColor in [false, true] {
            let charts = [
                TerminalChart(history: history, forecast: forecast, times: times, width: size.0, height: size.1, useColor: useColor),
                TerminalChart(history: history, width: size.0, height: size.1, useColor: useColor),
                TerminalChart(history: [7, 7, 7], forecast: [7], width: size.0, height: size.1, useColor: useColor),
                TerminalChart(history: [.nan, 1, .nan, 3], forecast: [.nan], width: size.0, height: size.1, useColor: useColor),
                TerminalChart(history: [], forecast: [], width: size.0, height: size.1, useColor: useColor),
            ]
            for chart in charts {
                let lines = chart.render().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                #expect(lines.count == size.1)
                for line in lines {
                    #expect(visible(line).count == size.0, "\(size) colour \(useColor): '\(line)'")
                }
            }
        }
    }

    @Test("without colour, forecast points are • glyphs right of the │ at the origin and history is braille left of it")
    func forecastRightOfOriginPlain() throws {
        let text = TerminalChart(history: history, forecast: forecast, times: times, useColor: false).render()
        #expect(!text.contains("\u{1B}"))
        let rows = text.split(separator: "\n").dropLast().map { visible(String($0)) }
        var forecastGlyphs = 0
        var historyGlyphs = 0
        for row in rows {
            let origin = try #require(row.lastIndex(of: TerminalChart.separator))
            for (column, character) in row.enumerated() {
                if character == TerminalChart.forecastGlyph {
                    #expect(column > origin)
                    forecastGlyphs += 1
                } else if isBraille(character) {
                    #expect(column < origin)
                    historyGlyphs += 1
                }
            }
        }
        #expect(forecastGlyphs >= 5)
        #expect(historyGlyphs >= 20)
    }

    @Test("with colour, only cells right of the origin are coloured")
    func forecastRightOfOriginColor() throws {
        let text = TerminalChart(history: history, forecast: forecast, times: times, useColor: true).render()
        var coloured = 0
        for line in text.split(separator: "\n").dropLast() {
            let row = visible(String(line))
            let origin = try #require(row.lastIndex(of: TerminalChart.separator))
            // Walk the raw line, counting visible columns, and note where colour starts.
            var column = 0
            var inEscape = false
            var pendingColor = false
            for character in line {
                if character == "\u{1B}" { inEscape = true; continue }
                if inEscape {
                    if character == "m" { inEscape = false }
                    if character == "3" { pendingColor = true }
                    continue
                }
                if pendingColor {
                    #expect(column > origin)
                    #expect(isBraille(character))
                    coloured += 1
                    pendingColor = false
                }
                column += 1
            }
        }
        #expect(coloured >= 5)
        #expect(!text.contains(TerminalChart.forecastGlyph))
    }

    @Test("the top and bottom rows carry the maximum and minimum, the last line the first and last date")
    func labels() {
        let values = [3.0, 120.0, 57.5]
        let chart = TerminalChart(history: values, forecast: [80],
                                  times: (0..<4).map { Timestamp(year: 2024, month: 2, day: 27 + $0) }, useColor: false)
        let lines = chart.render().split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("120 ┤"))
        #expect(lines[lines.count - 2].hasPrefix("  3 ┤"))
        let dates = lines[lines.count - 1]
        #expect(dates.contains("2024-02-27"))
        #expect(dates.hasSuffix("2024-03-01"))     // 2024 is a leap year: 27, 28, 29 Feb, 1 Mar
    }

    @Test("intraday series show the time and step-numbered series show step numbers")
    func dateLineFormats() {
        let hourly = (0..<30).map { Timestamp(year: 2024, month: 3, day: 5, hour: 6).advanced(by: Double($0) * 3600) }
        let lines = TerminalChart(history: Array(repeating: 1, count: 30), times: hourly, useColor: false)
            .render().split(separator: "\n").map(String.init)
        #expect(lines.last?.contains("2024-03-05 06:00") == true)
        #expect(lines.last?.hasSuffix("2024-03-06 11:00") == true)
        let steps = TerminalChart(history: [1, 2, 3], forecast: [4, 5], useColor: false)
            .render().split(separator: "\n").map(String.init)
        #expect(steps.last?.trimmingCharacters(in: .whitespaces).hasPrefix("0") == true)
        #expect(steps.last?.hasSuffix("4") == true)
    }

    @Test("a rising series climbs from the bottom-left to the top-right")
    func orientation() throws {
        let chart = TerminalChart(history: (0..<50).map(Double.init), width: 30, height: 6, useColor: false)
        let rows = chart.render().split(separator: "\n").dropLast().map { visible(String($0)) }
        let firstInTop = try #require(rows.first?.firstIndex(where: isBraille))
        let firstInBottom = try #require(rows.last?.firstIndex(where: isBraille))
        #expect(firstInTop > firstInBottom)
    }
}
