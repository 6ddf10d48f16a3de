@testable import ForecastActions
import Foundation
import Testing
import _ForecastTestSupport

/// `ForecastAction`: from a CSV column to a dated forecast, a saved model and a plot, through library
/// API alone; its result as a `Codable` value.
@Suite("Forecast action")
struct ForecastActionTests {
    @Test func forecastsTheNextStepsDatedByTheCalendar() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("sales.csv", ActionFixtures.monthlyCSV())
        let action = ForecastAction(source: .file(file), selection: SeriesSelection(column: "sales"),
                                    configuration: ActionFixtures.quick, steps: 4, levels: [0.8],
                                    modelPath: folder.path("model.safetensors"), plotPath: folder.path("plot.svg"))
        let outcome = try action.run()
        let result = outcome.result
        #expect(result.steps.map(\.step) == [1, 2, 3, 4])
        #expect(result.steps.map(\.date) == ["2006-01", "2006-02", "2006-03", "2006-04"])
        #expect(result.column == "sales")
        #expect(result.frequency == Frequency.monthly.description)
        #expect(result.method == outcome.forecaster?.method)
        #expect(result.lookback == outcome.forecaster?.lookback)
        #expect(result.intervalMethod == "split-conformal")
        #expect(result.levels == [0.8])
        // The saved model forecasts what the action forecast (printed to 15 significant digits).
        let saved = try Forecaster(contentsOf: URL(fileURLWithPath: folder.path("model.safetensors")))
        for (loaded, printed) in zip(try saved.forecast(steps: 4), result.steps.map(\.forecast)) {
            #expect(abs(loaded - printed) <= 1e-14 * abs(loaded), "\(loaded) vs \(printed)")
        }
        let svg = try folder.read("plot.svg")
        #expect(svg.hasPrefix("<?xml") || svg.hasPrefix("<svg"))
        #expect(svg.contains("<title>\(result.methodLabel)</title>"))
    }

    /// Steps no forecast can give are refused before the file is read, where 0 once divided by
    /// zero and Int.max overflowed.
    @Test(arguments: [0, -1, Int.max])
    func stepsOutOfRangeAreRefused(steps: Int) throws {
        let folder = try ScratchFolder()
        let file = try folder.write("sales.csv", ActionFixtures.monthlyCSV())
        #expect(throws: ForecasterError.invalidConfiguration(setting: "steps", value: "\(steps)",
                                                             requirement: "from 1 to \(ForecasterConfiguration.largestSteps)")) {
            try ForecastAction(source: .file(file), selection: SeriesSelection(column: "sales"), configuration: ActionFixtures.quick,
                               steps: steps).run()
        }
        // A start row needs no season before it: a season as long as Int.max only makes the
        // seasonal models no candidates, where doubling it once overflowed.
        let folder2 = try ScratchFolder()
        let data = try folder2.write("sales.csv", ActionFixtures.monthlyCSV())
        let settings = BacktestSettings(includesModel: false, horizon: 3, start: 40, season: Int.max, baselines: BacktestSettings.allBaselines)
        let result = try BacktestAction(source: .file(data), column: "sales", settings: settings, threads: 1).run()
        // Seasonal naive cannot reach a season back and is left out (with a warning); the rest score.
        #expect(result.models.map(\.name) == BacktestSettings.allBaselines.filter { $0 != "seasonal-naive" })
    }

    /// Every output is checked before any is written: a plot path in a folder that does not exist
    /// fails the run before the model file is saved, where the model was once left behind.
    @Test func anOutputWithoutAFolderFailsTheRunBeforeAnythingIsWritten() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("sales.csv", ActionFixtures.monthlyCSV())
        let action = ForecastAction(source: .file(file), selection: SeriesSelection(column: "sales"),
                                    configuration: ActionFixtures.quick, steps: 4, modelPath: folder.path("model.safetensors"),
                                    plotPath: folder.path("missing/plot.svg"))
        #expect(throws: AtomicFileError(path: folder.path("missing/plot.svg"),
                                        reason: "the folder \(folder.path("missing")) does not exist")) { try action.run() }
        #expect(!FileManager.default.fileExists(atPath: folder.path("model.safetensors")))
        let notAFolder = try folder.write("plain", "text")
        #expect(throws: AtomicFileError.self) { try AtomicFile.checkWritable(notAFolder + "/plot.svg") }
        try AtomicFile.checkWritable(folder.path("new.svg"))
    }

    /// A model or plot path that names the input file (a slip of the shell) is refused before any
    /// training, and the data is left as it was; so is a plot of a backtest, and a trained model.
    @Test func anOutputThatIsTheInputIsRefusedAndTheDataKept() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("sales.csv", ActionFixtures.monthlyCSV())
        let data = try folder.read("sales.csv")
        #expect(throws: AtomicFileError.self) {
            try ForecastAction(source: .file(file), selection: SeriesSelection(column: "sales"),
                               configuration: ActionFixtures.quick, steps: 4, modelPath: file).run()
        }
        #expect(throws: AtomicFileError.self) {
            try ForecastAction(source: .file(file), selection: SeriesSelection(column: "sales"),
                               configuration: ActionFixtures.quick, steps: 4, plotPath: folder.path("../\(folder.url.lastPathComponent)/sales.csv")).run()
        }
        #expect(throws: AtomicFileError.self) {
            try TrainAction(source: .file(file), selection: SeriesSelection(column: "sales"),
                            configuration: ActionFixtures.quick, modelPath: file).run()
        }
        #expect(throws: AtomicFileError.self) {
            try BacktestAction(source: .file(file), column: "sales", settings: BacktestSettings(horizon: 3, folds: 2),
                               plotPath: file).run()
        }
        #expect(try folder.read("sales.csv") == data)
        // A many-series backtest's folds table over its holidays file is refused too.
        let long = try folder.write("long.csv", ActionFixtures.longCSV(ids: ["x", "y"], rows: [60, 60]))
        let holidays = try folder.write("holidays.csv", "date\n2001-12-25\n")
        var many = ManySeriesBacktestAction(source: try ManySeriesSource.open(.file(long), idColumn: "id", target: "value"),
                                            settings: BacktestSettings(includesModel: false, horizon: 3, folds: 2),
                                            threads: 1, forecastsPath: holidays)
        many.holidaysSource = .file(holidays)
        #expect(throws: AtomicFileError.self) { try many.run { _, _ in } }
        #expect(try folder.read("holidays.csv") == "date\n2001-12-25\n")
    }

    @Test func resultsSurviveAJSONRoundTrip() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("sales.csv", ActionFixtures.monthlyCSV())
        let result = try ForecastAction(source: .file(file), selection: SeriesSelection(column: "sales"),
                                        configuration: ActionFixtures.quick, steps: 3, levels: [0.8, 0.95]).run().result
        let json = result.rendered(.json)
        let decoded = try JSONDecoder().decode(ForecastResult.self, from: Data(json.utf8))
        #expect(decoded == result)
        // What a script needs to trust the numbers is in the JSON itself.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        for key in ["column", "method", "model", "transform", "lookback", "frequency", "interval_method", "forecasts"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let first = try #require((object["forecasts"] as? [[String: Any]])?.first)
        #expect(Set(first.keys) == ["step", "date", "forecast", "lower80", "upper80", "lower95", "upper95"])
    }

    @Test func levelsInAnyOrderReadBackEqual() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("sales.csv", ActionFixtures.monthlyCSV())
        let result = try ForecastAction(source: .file(file), selection: SeriesSelection(column: "sales"),
                                        configuration: ActionFixtures.quick, steps: 2, levels: [0.95, 0.999, 0.8]).run().result
        #expect(result.levels == [0.8, 0.95, 0.999])
        let decoded = try JSONDecoder().decode(ForecastResult.self, from: Data(result.rendered(.json).utf8))
        #expect(decoded == result)
    }

    @Test func anIntervalTheHistoryCannotCalibrateIsExplained() throws {
        // A 99.99 % interval takes 9,999 calibration errors, far more than 50 cut-offs give; the 80 %
        // one is there, so only the former is named, with what it takes.
        let folder = try ScratchFolder()
        let file = try folder.write("sales.csv", ActionFixtures.monthlyCSV())
        let log = ReportLog()
        let result = try ForecastAction(source: .file(file), selection: SeriesSelection(column: "sales"),
                                        configuration: ActionFixtures.quick, steps: 2, levels: [0.8, 0.9999])
            .run(reporter: log.reporter).result
        #expect(result.steps.allSatisfy { $0.intervals[0].lower != nil && $0.intervals[0].upper != nil })
        #expect(result.steps.allSatisfy { $0.intervals[1].lower == nil && $0.intervals[1].upper == nil })
        let notes = log.all.filter { $0.contains("interval is undefined") }
        #expect(notes == ["note: the 99.99 % interval is undefined at every step: calibrating it takes at least 9999 past forecast errors, more than the history gave; a lower level or a longer series gives one"])
    }

    @Test func legendNamesTheMethodThatForecast() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("sales.csv", ActionFixtures.monthlyCSV())
        var result = try ForecastAction(source: .file(file), selection: SeriesSelection(column: "sales"),
                                        configuration: ActionFixtures.quick, steps: 2).run().result
        result.method = .naive
        #expect(result.methodLabel == "naive")
        result.method = .networkAndNaive
        #expect(result.methodLabel == "\(result.model)+naive")
        result.method = .network
        #expect(result.methodLabel == result.model)
    }

    @Test func tableAndCSVRenderTheSameSteps() throws {
        let result = ForecastResult.sample
        #expect(result.rendered(.table) == """
            date     forecast    lower80  upper80
            2024-01       1.5          1        2
            2024-02      2.25  undefined        3

            """)
        #expect(result.rendered(.csv) == "date,forecast,lower80,upper80\n2024-01,1.5,1.0,2.0\n2024-02,2.25,,3.0\n")
    }

    @Test func cancellingTheTaskStopsTraining() async throws {
        let folder = try ScratchFolder()
        let file = try folder.write("sales.csv", ActionFixtures.monthlyCSV(rows: 400))
        var configuration = ActionFixtures.quick
        configuration.epochs = 100_000
        configuration.earlyStopping = .off
        let action = ForecastAction(source: .file(file), selection: SeriesSelection(column: "sales"), configuration: configuration)
        let task = Task { try await action.run() }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        // Bounded wait: a training that ignored the cancellation would run for hours.
        let outcome = await result(of: task, within: 60)
        #expect(throws: CancellationError.self) { try #require(outcome).get() }
    }
}

extension ForecastResult {
    /// Two dated steps with an 80 % interval, the second missing its lower bound.
    static var sample: ForecastResult {
        let json = """
            {"column": "x", "method": {"name": "naive"}, "model": "lstm", "transform": "none", "lookback": 3,
             "frequency": "monthly", "interval_method": "split-conformal", "forecasts": [
              {"step": 1, "date": "2024-01", "forecast": 1.5, "lower80": 1.0, "upper80": 2.0},
              {"step": 2, "date": "2024-02", "forecast": 2.25, "lower80": null, "upper80": 3.0}]}
            """
        return try! JSONDecoder().decode(ForecastResult.self, from: Data(json.utf8))
    }
}

/// Numbers for programs: the shortest text that reads back, without arithmetic noise.
@Suite struct NumberTextTests {
    @Test func csvFieldsWithLineBreaksAreQuoted() {
        #expect(TextTable.csvField("a\r\nb") == "\"a\r\nb\"")
        #expect(TextTable.csvField("a\nb") == "\"a\nb\"")
        #expect(TextTable.csvField("plain") == "plain")
    }

    @Test func noiseInTheLastBitsIsDropped() {
        #expect(TextTable.exact(28.8 - 3.1) == "25.7")
        #expect(TextTable.exact(0.1 + 0.2) == "0.3")
        #expect(TextTable.exact(1.0 / 3.0) == "0.333333333333333")
        #expect(TextTable.exact(123456789.123) == "123456789.123")
        #expect(TextTable.exact(-0.000012345) == "-1.2345e-05")
        #expect(TextTable.exact(0) == "0.0")
        // The largest doubles, which 15 digits would round past (to infinity), stay themselves.
        #expect(TextTable.exact(.greatestFiniteMagnitude) == "\(Double.greatestFiniteMagnitude)")
        #expect(TextTable.exact(-.greatestFiniteMagnitude) == "\(-Double.greatestFiniteMagnitude)")
        #expect(Double.greatestFiniteMagnitude.tidied == .greatestFiniteMagnitude)
    }
}
