import Foundation
import Testing
import ForecastData
import _ForecastTestSupport
@testable import ForecastIO

/// A file of rows wider than the 64 KiB the dialect is first guessed from: the sample grows to
/// whole lines, so the time column is still found, where it was once lost without a word.
@Suite struct WideFileTests {
    static func wideCSV(columns: Int, rows: Int) -> String {
        var lines = ["date," + (0..<columns).map { "c\($0)" }.joined(separator: ",")]
        for row in 0..<rows {
            let date = String(format: "%04d-%02d-01", 2000 + row / 12, row % 12 + 1)
            lines.append(date + "," + (0..<columns).map { String(format: "%.3f", 100 + Double(row) + Double($0 % 7)) }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func theTimeColumnOfRowsWiderThanTheFirstSampleIsFound() throws {
        let text = Self.wideCSV(columns: 12_000, rows: 24)
        #expect(text.split(separator: "\n")[1].utf8.count > CSVTableReader.sampleSize)
        let folder = try ScratchFolder()
        let file = try folder.write("wide.csv", text)
        let data = try SeriesReader.read(.file(file), target: "c0")
        #expect(data.target.frequency == .monthly)
        #expect(data.target.values.count == 24 && data.target.values[3] == 103)
    }

    @Test func theSampleHoldsWholeLinesOrStopsAtItsBound() {
        let narrow = Array(Self.wideCSV(columns: 2, rows: 5000).utf8)
        #expect(CSVTableReader.sampleLength(of: narrow) == CSVTableReader.sampleSize)
        let wide = Array(Self.wideCSV(columns: 12_000, rows: 24).utf8)
        let length = CSVTableReader.sampleLength(of: wide)
        #expect(length > CSVTableReader.sampleSize && wide[length - 1] == 0x0A)
        #expect(wide[..<length].filter { $0 == 0x0A }.count == CSVTableReader.sampleLines)
        let short = Array("a,b\n1,2\n".utf8)
        #expect(CSVTableReader.sampleLength(of: short) == short.count)
    }
}
