import ForecastActions
import ForecastData
import Foundation
import Testing
import _ForecastTestSupport

/// A model trained on an exchange's sessions dates `tsf predict`'s forecast on them, however the
/// exchange was found.
@Suite struct RecordedExchangeTests {
    /// Weekday closes of the 150 weekdays up to Thursday 24 December 2026, no day left out: plain
    /// weekdays, which detect no exchange.
    static func weekdayCSV() -> String {
        var days: [Timestamp] = []
        var day = Timestamp(year: 2026, month: 12, day: 24)
        while days.count < 150 {
            if day.civil.weekday <= 5 { days.append(day) }
            day = day.advanced(by: -86_400)
        }
        let lines = days.reversed().enumerated().map { index, day in
            "\(DateFormat.isoDate.string(from: day)),\(100 + Double(index % 9) * 0.5)"
        }
        return "Date,Close\n" + lines.joined(separator: "\n") + "\n"
    }

    @Test func aForcedExchangeDatesThePredictionToo() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("prices.csv", Self.weekdayCSV())
        let model = folder.path("model.safetensors")
        _ = try TrainAction(source: .file(file), selection: SeriesSelection(column: "Close"),
                            readOptions: CSVReadOptions(exchange: .XLON), configuration: ActionFixtures.quick,
                            horizon: 2, modelPath: model, calendar: .none).run()
        // London is shut on Christmas Day and on Monday 28 December (Boxing Day in lieu).
        let predicted = try PredictAction(modelPath: model, source: .file(file)).run()
        #expect(predicted.steps.first?.date == "2026-12-29")
        // Asked for plain weekdays' exchange elsewhere, the prediction follows the request.
        let nyse = try PredictAction(modelPath: model, source: .file(file), readOptions: CSVReadOptions(exchange: .XNYS)).run()
        #expect(nyse.steps.first?.date == "2026-12-28")
    }
}
