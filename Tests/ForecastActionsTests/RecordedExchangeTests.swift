import ForecastActions
import ForecastData
import Foundation
import Testing
import _ForecastTestSupport

/// A model trained on an exchange's sessions dates `tsf predict`'s forecast on them when the file
/// shows no exchange of its own.
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

    /// New York's sessions from June to Wednesday 25 November 2026: its holidays are absent rows.
    static func newYorkCSV() -> String {
        let holidays = [Timestamp(year: 2026, month: 6, day: 19), Timestamp(year: 2026, month: 7, day: 3),
                        Timestamp(year: 2026, month: 9, day: 7)]
        var lines = ["Date,Close"]
        var day = Timestamp(year: 2026, month: 6, day: 1)
        while day <= Timestamp(year: 2026, month: 11, day: 25) {
            if day.civil.weekday <= 5, !holidays.contains(day) { lines.append("\(DateFormat.isoDate.string(from: day)),\(100 + lines.count % 7)") }
            day = day.advanced(by: 86_400)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func anExchangeTheFileShowsWinsOverTheRecordedOne() throws {
        let folder = try ScratchFolder()
        let model = folder.path("model.safetensors")
        _ = try TrainAction(source: .file(try folder.write("prices.csv", Self.weekdayCSV())), selection: SeriesSelection(column: "Close"),
                            readOptions: CSVReadOptions(exchange: .XLON), configuration: ActionFixtures.quick,
                            horizon: 2, modelPath: model, calendar: .none).run()
        // The New York file skips Thanksgiving (26 November), which London trades.
        let predicted = try PredictAction(modelPath: model, source: .file(try folder.write("ny.csv", Self.newYorkCSV()))).run()
        #expect(predicted.steps.first?.date == "2026-11-27")
    }
}
