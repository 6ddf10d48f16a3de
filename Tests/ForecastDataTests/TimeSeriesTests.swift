import Testing
import ForecastData

@Suite struct TimeSeriesTests {
    private let days = (0..<6).map { Timestamp(year: 2021, month: 3, day: 1).advanced(by: Double($0) * 86_400) }

    @Test func infersFrequencyFromTimestamps() {
        let series = TimeSeries(name: "close", timestamps: days, values: [1, 2, 3, 4, 5, 6])
        #expect(series.count == 6)
        #expect(series.frequency == .daily)
        let noTime = TimeSeries(name: "close", values: [1, 2, 3])
        #expect(noTime.frequency == .irregular)
        #expect(noTime.timestamps == nil)
    }

    @Test func applyingAPolicyKeepsTimestampsAligned() throws {
        let series = TimeSeries(name: "co2", timestamps: days, values: [.nan, 2, .nan, 4, 5, .nan], frequency: .daily)
        #expect(series.missingCount == 3)
        let (filled, report) = try series.applying(.linear)
        #expect(filled.values == [2, 3, 4, 5])
        #expect(filled.timestamps == Array(days[1...4]))
        #expect(filled.frequency == .daily)
        #expect(report.trailingDropped == 1)
        #expect(throws: MissingValueError(index: 0)) { try series.applying(.error) }
    }

    @Test func valuesAndTimestampsChangeTogether() {
        var series = TimeSeries(name: "close", timestamps: days, values: [1, 2, 3, 4, 5, 6])
        series.values[2] = 30
        #expect(series.values == [1, 2, 30, 4, 5, 6])
        series.replace(values: [7, 8], timestamps: Array(days.prefix(2)))
        #expect(series.count == 2)
        #expect(series.timestamps == Array(days.prefix(2)))
        series.timestamps = nil
        series.values = [1, 2, 3]
        #expect(series.count == 3)
    }

    @Test func futureTimestampsAndFormattingLikeTheInput() throws {
        let months = (1...3).map { Timestamp(year: 1960, month: 10 + $0 - 1, day: 1) }
        let series = TimeSeries(name: "passengers", timestamps: months, values: [1, 2, 3], dateFormat: .yearMonth)
        #expect(series.frequency == .monthly)
        let future = series.futureTimestamps(count: 2)
        #expect(future.map(series.format) == ["1961-01", "1961-02"])
        let unknownFormat = TimeSeries(name: "passengers", timestamps: months, values: [1, 2, 3])
        #expect(unknownFormat.format(months[0]) == "1960-10")
        #expect(TimeSeries(name: "x", values: [1]).futureTimestamps(count: 3).isEmpty)
    }
}
