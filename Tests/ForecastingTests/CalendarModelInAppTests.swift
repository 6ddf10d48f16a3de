import Foundation
import Testing
import Forecasting
import _ForecastTestSupport

/// The app guide's recipe for a model whose known-in-advance columns are calendar features (as
/// `tsf forecast --out` saves when they help): the columns are rebuilt from the model's column
/// names and the dates, and the loaded model forecasts and observes as the fitted one does.
struct CalendarModelInAppTests {
    @Test func calendarColumnsAreRebuiltFromTheColumnNames() throws {
        let start = Timestamp(year: 2015, month: 1, day: 1)
        let dates = (0..<96).map { month in Frequency.monthly.timestamps(after: start, count: month).last ?? start }
        let values = dates.indices.map { 100 + 10 * sin(Double($0) * 2 * .pi / 12) + Double($0) / 4 }
        let calendar = try CalendarFeatures([.month])
        let configuration = ForecasterConfiguration(hiddenSize: 4, lookback: 6, horizon: 3, selection: .network, epochs: 3)
        let fitted = try Forecaster.fit(values: values, knownFeatures: calendar.columns(for: dates), frequency: .monthly,
                                        columnNames: ["sales"] + calendar.columnNames, configuration: configuration)
        let folder = try ScratchFolder()
        let url = URL(fileURLWithPath: folder.path("model.safetensors"))
        try fitted.save(to: url)

        // The recipe: the calendar from the file's own column names.
        var loaded = try Forecaster(contentsOf: url)
        let rebuilt = try CalendarFeatures(columnNames: loaded.columnNames)
        let next = Frequency.monthly.timestamps(after: dates.last!, count: 4)
        let future = rebuilt.columns(for: Array(next.prefix(3)))
        #expect(try loaded.forecast(steps: 3, knownFuture: future) == fitted.forecast(steps: 3, knownFuture: calendar.columns(for: Array(next.prefix(3)))))
        // A new month arrives: its own calendar values with it, the next months' for the forecast.
        let arrived = rebuilt.columns(for: [next[0]]).map(\.[0])
        let updated = try loaded.observe(105, knownFeatures: arrived, knownFuture: rebuilt.columns(for: Array(next[1...3])))
        #expect(updated.count == 3 && updated.allSatisfy(\.isFinite))
    }
}
