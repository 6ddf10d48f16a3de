@testable import ForecastActions
import Foundation
import Testing
import _ForecastTestSupport

/// The many-series actions: results in file order whatever the threads, failed series reported and
/// counted while the others go on, and the global model's results matched to their series.
@Suite("Many-series actions")
struct ManySeriesActionTests {

    @Test(arguments: [false, true])
    func forecastsEverySeriesInFileOrder(global: Bool) throws {
        let folder = try ScratchFolder()
        let file = try folder.write("long.csv", ActionFixtures.longCSV(ids: ["b", "a", "short", "c"], rows: [60, 48, 5, 54]))
        let log = ReportLog()
        let source = try ManySeriesSource.open(.file(file), idColumn: "id", target: "value", reporter: log.reporter)
        let delivered = Locked<[(id: String, result: ForecastResult)]>([])
        let outcome = try ManySeriesForecastAction(source: source, configuration: ActionFixtures.quick, steps: 3,
                                                   threads: 2, global: global)
            .run(reporter: log.reporter) { id, result in delivered.withLock { $0.append((id, result)) } }
        #expect(delivered.value.map(\.id) == ["b", "a", "c"])
        #expect(outcome == ManySeriesOutcome(failed: ["short"], total: 4))
        #expect(log.all.contains("failed short"))
        #expect(delivered.value.map(\.result).allSatisfy { $0.steps.count == 3 && $0.steps.first?.date != nil })
        // Each result is dated after its own series' last month.
        #expect(delivered.value.map(\.result).map { $0.steps[0].date } == ["2005-01", "2004-01", "2004-07"])
    }

    /// With the automatic method, a series too short for the network and a constant one get the
    /// simple forecast a single-series forecast of them gives, with a note each, and fail nothing;
    /// the per-series choice and the choice across series alike.
    @Test(arguments: [ManySeriesChoice.Scope.perSeries, .acrossSeries])
    func shortAndConstantSeriesGetTheSimpleForecast(choice: ManySeriesChoice.Scope) throws {
        let folder = try ScratchFolder()
        var csv = ActionFixtures.longCSV(ids: ["a", "short"], rows: [48, 5])
        for row in 0..<30 { csv += String(format: "flat,%04d-%02d,7\n", 2000 + row / 12, row % 12 + 1) }
        let file = try folder.write("long.csv", csv)
        let log = ReportLog()
        let source = try ManySeriesSource.open(.file(file), idColumn: "id", target: "value", reporter: log.reporter)
        let delivered = Locked<[(id: String, result: ForecastResult)]>([])
        let outcome = try ManySeriesForecastAction(source: source, configuration: ForecasterConfiguration(epochs: 2, threads: 1),
                                                   steps: 3, levels: [0.95], threads: 1, choice: choice)
            .run(reporter: log.reporter) { id, result in delivered.withLock { $0.append((id, result)) } }
        #expect(outcome == ManySeriesOutcome(failed: [], total: 3))
        // Five rows give too few errors for a 95 % interval; the note names the series it is about.
        #expect(log.all.contains { $0.hasPrefix("note: the 95 % interval of series short is undefined at every step") }, "\(log.all)")
        #expect(delivered.value.map(\.id) == ["a", "short", "flat"])
        let short = try #require(delivered.value.first { $0.id == "short" }?.result)
        #expect(short.method == .naive && short.steps.map(\.forecast) == Array(repeating: short.steps[0].forecast, count: 3))
        #expect(delivered.value.first { $0.id == "flat" }?.result.steps.map(\.forecast) == [7, 7, 7])
        #expect(log.all.contains { $0.hasPrefix("note: series short has 5 rows, too few for the network") }, "\(log.all)")
        #expect(log.all.contains { $0.hasPrefix("note: every value of series flat is the same") }, "\(log.all)")
    }

    @Test func backtestsEverySeriesAndWritesTheirFolds() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("long.csv", ActionFixtures.longCSV(ids: ["x", "y"], rows: [60, 60]))
        let source = try ManySeriesSource.open(.file(file), idColumn: "id", target: "value")
        let settings = BacktestSettings(configuration: ActionFixtures.quick, includesModel: false, horizon: 4, folds: 2)
        let results = Locked<[String]>([])
        let outcome = try ManySeriesBacktestAction(source: source, settings: settings, threads: 2, forecastsPath: folder.path("folds.csv"))
            .run { id, _ in results.withLock { $0.append(id) } }
        #expect(results.value == ["x", "y"])
        #expect(outcome.summary.rows.map(\.method) == BacktestSettings.defaultBaselines)
        #expect(outcome.summary.rows.allSatisfy { $0.series == 2 })
        let lines = try folder.read("folds.csv").split(separator: "\n")
        #expect(lines.count == 1 + 2 * 2 * 4)
        #expect(lines[1].hasPrefix("x,") && lines.last!.hasPrefix("y,"))
    }
}

/// Many series save their models and plots into folders, one file per series, whatever the id.
@Suite struct SeriesFolderTests {
    @Test(arguments: [("AAPL", "AAPL"), ("../etc/passwd", "..%2Fetc%2Fpasswd"), ("..", "%2E%2E"), ("a b/c", "a%20b%2Fc"),
                      ("a_b", "a_b"), ("a%2F", "a%252F"), ("", "%"), ("é", "%C3%A9")])
    func everyIdNamesAFileInsideTheFolder(id: String, name: String) throws {
        let scratch = try ScratchFolder()
        let folder = try SeriesFolder(path: scratch.path("models"), fileExtension: "safetensors")
        let file = folder.file(for: id)
        #expect(file == scratch.path("models") + "/\(name).safetensors")
        #expect(URL(fileURLWithPath: file).deletingLastPathComponent().path == URL(fileURLWithPath: scratch.path("models")).path)
    }

    @Test func aFileInTheWayIsRefused() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.write("models", "not a folder")
        #expect(throws: AtomicFileError.self) { try SeriesFolder(path: path, fileExtension: "svg") }
    }

    /// A series of another frequency (one row has none to speak of) chooses alone, and the others
    /// are still weighed across, where one such series once turned the choice off for every series.
    @Test func aSeriesOfAnotherFrequencyDoesNotTurnTheChoiceOff() throws {
        let folder = try ScratchFolder()
        let ids = (0..<10).map { "m\($0)" }
        let file = try folder.write("long.csv", ActionFixtures.longCSV(ids: ids, rows: Array(repeating: 40, count: 10)) + "lonely,2001-01,5\n")
        let log = ReportLog()
        let source = try ManySeriesSource.open(.file(file), idColumn: "id", target: "value", reporter: log.reporter)
        let delivered = Locked<[String]>([])
        // An automatic network shape: a fixed one keeps the per-series choice.
        let outcome = try ManySeriesForecastAction(source: source, configuration: ForecasterConfiguration(epochs: 2, threads: 1),
                                                   steps: 2, threads: 2)
            .run(reporter: log.reporter) { id, _ in delivered.withLock { $0.append(id) } }
        #expect(outcome == ManySeriesOutcome(failed: [], total: 11))
        #expect(delivered.value == ids + ["lonely"])
        #expect(log.all.contains { $0.contains("1 series of another frequency than monthly (lonely) chose its own method; the choice across series weighs the 10 monthly series") },
                "\(log.all)")
        #expect(log.all.contains { $0.contains("weighed") && $0.contains("ways to forecast") }, "\(log.all)")
    }

    /// With one network across series, a one-row series (no frequency to speak of) fails alone and
    /// the others are forecast, where it once stopped the run as a file of mixed frequencies.
    @Test func aOneRowSeriesFailsAloneInAGlobalRun() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("long.csv", ActionFixtures.longCSV(ids: ["x", "y"], rows: [60, 60]) + "lonely,2001-01,5\n")
        let log = ReportLog()
        let source = try ManySeriesSource.open(.file(file), idColumn: "id", target: "value", reporter: log.reporter)
        let delivered = Locked<[String]>([])
        let outcome = try ManySeriesForecastAction(source: source, configuration: ActionFixtures.quick, steps: 2, threads: 1, global: true)
            .run(reporter: log.reporter) { id, _ in delivered.withLock { $0.append(id) } }
        #expect(outcome == ManySeriesOutcome(failed: ["lonely"], total: 3))
        #expect(delivered.value == ["x", "y"])
        let backtest = try ManySeriesBacktestAction(
            source: try ManySeriesSource.open(.file(file), idColumn: "id", target: "value"),
            settings: BacktestSettings(configuration: ActionFixtures.quick, horizon: 2, folds: 1), threads: 1, global: true)
            .run { _, _ in }
        #expect(backtest.series.failed == ["lonely"])
    }

    /// With one network across series and the automatic method, a constant series is forecast as
    /// its value, as the per-series run forecasts it, where it once failed as having nothing to
    /// learn; in the backtest its folds are the naive forecast's. A forced network still refuses it.
    @Test func aConstantSeriesInAGlobalRunIsForecastAsItsValue() throws {
        let folder = try ScratchFolder()
        let flat = (0..<60).map { String(format: "flat,%04d-%02d,7.5", 2000 + $0 / 12, $0 % 12 + 1) }.joined(separator: "\n")
        let file = try folder.write("long.csv", ActionFixtures.longCSV(ids: ["x", "y"], rows: [60, 60]) + flat + "\n")
        var automatic = ActionFixtures.quick
        automatic.selection = .automatic
        let log = ReportLog()
        let results = Locked<[String: ForecastResult]>([:])
        let outcome = try ManySeriesForecastAction(source: try ManySeriesSource.open(.file(file), idColumn: "id", target: "value"),
                                                   configuration: automatic, steps: 2, threads: 1, global: true)
            .run(reporter: log.reporter) { id, result in results.withLock { $0[id] = result } }
        #expect(outcome == ManySeriesOutcome(failed: [], total: 3))
        #expect(results.value["flat"]?.steps.map(\.forecast) == [7.5, 7.5])
        #expect(log.all.contains { $0.contains("every value of series flat is the same") }, "\(log.all)")
        let backtest = try ManySeriesBacktestAction(
            source: try ManySeriesSource.open(.file(file), idColumn: "id", target: "value"),
            settings: BacktestSettings(configuration: automatic, horizon: 2, folds: 2), threads: 1, global: true)
            .run { _, _ in }
        #expect(backtest.series.failed.isEmpty)
        let forced = try ManySeriesForecastAction(source: try ManySeriesSource.open(.file(file), idColumn: "id", target: "value"),
                                                  configuration: ActionFixtures.quick, steps: 2, threads: 1, global: true)
            .run { _, _ in }
        #expect(forced.failed == ["flat"])
    }

    /// With one network across series and the automatic method, a file whose every series is
    /// constant gets each series' own value, where the run failed saying no series was long enough.
    @Test func aGlobalRunOfConstantSeriesForecastsEachAsItsValue() throws {
        let folder = try ScratchFolder()
        let rows = ["c", "d"].enumerated().flatMap { index, id in
            (0..<30).map { String(format: "%@,%04d-%02d,%d", id, 2000 + $0 / 12, $0 % 12 + 1, 7 + index) }
        }
        let file = try folder.write("flat.csv", "id,month,value\n" + rows.joined(separator: "\n") + "\n")
        var automatic = ActionFixtures.quick
        automatic.selection = .automatic
        let results = Locked<[String: ForecastResult]>([:])
        let outcome = try ManySeriesForecastAction(source: try ManySeriesSource.open(.file(file), idColumn: "id", target: "value"),
                                                   configuration: automatic, steps: 2, threads: 1, global: true)
            .run { id, result in results.withLock { $0[id] = result } }
        #expect(outcome == ManySeriesOutcome(failed: [], total: 2))
        #expect(results.value["c"]?.steps.map(\.forecast) == [7, 7] && results.value["d"]?.steps.map(\.forecast) == [8, 8])
        let backtest = try ManySeriesBacktestAction(
            source: try ManySeriesSource.open(.file(file), idColumn: "id", target: "value"),
            settings: BacktestSettings(configuration: automatic, horizon: 2, folds: 2), threads: 1, global: true)
            .run { _, _ in }
        #expect(backtest.series.failed.isEmpty)
    }

    /// A baseline that cannot forecast a short series' folds (seasonal-naive needs a season of
    /// history) is left out of that series' rows with a warning naming it, as a single-series
    /// backtest leaves it out, where every series failed.
    @Test func aBaselineTooLongForAShortSeriesIsLeftOutOfItsRows() throws {
        let folder = try ScratchFolder()
        let rows = ["s", "v"].enumerated().flatMap { index, id in
            (0..<(6 + 2 * index)).map { String(format: "%@,2024-01-%02d,%.1f", id, 1 + $0, 10 + Double(($0 * 7) % 5) + Double(index)) }
        }
        let file = try folder.write("short.csv", "id,date,value\n" + rows.joined(separator: "\n") + "\n")
        var automatic = ActionFixtures.quick
        automatic.selection = .automatic
        let log = ReportLog()
        let outcome = try ManySeriesBacktestAction(
            source: try ManySeriesSource.open(.file(file), idColumn: "id", target: "value"),
            settings: BacktestSettings(configuration: automatic, horizon: 2, start: 2, stride: 1,
                                       baselines: ["naive", "seasonal-naive"]), threads: 1)
            .run(reporter: log.reporter) { _, _ in }
        #expect(outcome.series.failed.isEmpty, "\(log.all)")
        #expect(log.all.contains { $0.contains("series s: baseline seasonal-naive left out: the seasonal-naive forecast needs at least 7 values") },
                "\(log.all)")
    }

    /// The backtest of the choice does as the forecast: the series of the most common frequency are
    /// weighed across, and a series of another chooses alone, its choice row its own model's folds,
    /// where such a series once left the whole table without the choice's row.
    @Test func theBacktestOfTheChoiceLetsASeriesOfAnotherFrequencyChooseAlone() throws {
        let folder = try ScratchFolder()
        let ids = (0..<10).map { "m\($0)" }
        let quarterly = (0..<30).map { (row: Int) -> String in
            let year = 1990 + row / 4, month = 3 * (row % 4) + 1
            return String(format: "quarterly,%04d-%02d,%.1f", year, month, 20 + Double(row))
        }
        let file = try folder.write("long.csv", ActionFixtures.longCSV(ids: ids, rows: Array(repeating: 40, count: 10))
                                    + quarterly.joined(separator: "\n") + "\n")
        let log = ReportLog()
        let source = try ManySeriesSource.open(.file(file), idColumn: "id", target: "value", reporter: log.reporter)
        let settings = BacktestSettings(configuration: ForecasterConfiguration(epochs: 2, threads: 1), horizon: 2, folds: 1)
        let results = Locked<[String: BacktestResult]>([:])
        let outcome = try ManySeriesBacktestAction(source: source, settings: settings, threads: 2)
            .run(reporter: log.reporter) { id, result in results.withLock { $0[id] = result } }
        #expect(outcome.series == ManySeriesOutcome(failed: [], total: 11))
        #expect(log.all.contains { $0.contains("1 series of another frequency than monthly chose alone in the choice-across-series row") },
                "\(log.all)")
        #expect(log.all.contains { $0.contains("choice-across-series: the choice made again at every fold") }, "\(log.all)")
        let alone = try #require(results.value["quarterly"])
        let own = try #require(alone.models.first)
        let choice = try #require(alone.models.first { $0.name == "choice-across-series" })
        #expect(choice.folds == own.folds && own.name != choice.name)
        let weighed = try #require(results.value["m0"]?.models.first { $0.name == "choice-across-series" })
        #expect(weighed.folds.count == 1 && weighed.folds[0].forecasts.count == 2)
        #expect(outcome.summary.rows.first { $0.method == "choice-across-series" }?.series == 11)
    }

    @Test(arguments: [false, true])
    func everySeriesGetsItsModelAndPlot(global: Bool) throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write("long.csv", ActionFixtures.longCSV(ids: ["x/1", "y"], rows: [60, 60]))
        let source = try ManySeriesSource.open(.file(file), idColumn: "id", target: "value")
        let results = Locked<[String: ForecastResult]>([:])
        _ = try ManySeriesForecastAction(source: source, configuration: ActionFixtures.quick, steps: 2, threads: 2, global: global,
                                         modelFolder: scratch.path("models"), plotFolder: scratch.path("plots"))
            .run { id, result in results.withLock { $0[id] = result } }
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path("models")).sorted()
        #expect(names == ["x%2F1.safetensors", "y.safetensors"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("plots")).sorted() == ["x%2F1.svg", "y.svg"])
        let saved = try Forecaster(contentsOf: URL(fileURLWithPath: scratch.path("models/y.safetensors")))
        let printed = try #require(results.value["y"]).steps.map(\.forecast)
        for (loaded, shown) in zip(try saved.forecast(steps: 2), printed) {
            #expect(abs(loaded - shown) <= 1e-12 * abs(loaded))
        }
    }
}

/// A series forecast by its own choice blended with the network across series: reported as that
/// blend, and never saved as a model file (which holds one model).
@Suite struct BlendedSeriesFileTests {
    static func blendedOutput() throws -> ManySeriesForecast.Output {
        let values: [Double] = (0..<48).map { row in
            let season: Double = 5 * sin(Double(row) * 2 * Double.pi / 12)
            return 50 + Double(row) * 0.5 + season
        }
        let series = TimeSeries(name: "value", values: values)
        var configuration = ActionFixtures.quick
        configuration.horizon = 2
        let own = try Forecaster.fit(values: values, configuration: configuration)
        configuration.selection = .network
        let acrossSeries = try Forecaster.fit(values: values, configuration: configuration)
        return ManySeriesForecast.Output(series: series, forecasts: [1, 2], intervals: [], forecaster: own, acrossSeries: acrossSeries)
    }

    @Test func aBlendIsReportedAsTheBlend() throws {
        let output = try Self.blendedOutput()
        let scratch = try ScratchFolder()
        let files = SeriesFiles(models: nil, plots: try SeriesFolder(path: scratch.path("plots"), fileExtension: "svg"))
        let result = try files.save(id: "a", output: output)
        #expect(result.method == .ownAndAcrossSeries(own: output.forecaster.method, models: []))
        #expect(result.method.name == "(\(output.forecaster.method.name))+global" && result.steps.map(\.forecast) == [1, 2])
        let picture = try String(contentsOfFile: scratch.path("plots/a.svg"), encoding: .utf8)
        #expect(picture.contains(result.methodLabel), "the plot's legend names the blend")
    }

    /// A result names how each level was calibrated: across series, or from the series alone.
    @Test func aResultNamesTheIntervalsCalibratedAcrossSeries() throws {
        let blended = try Self.blendedOutput()
        let interval = IntervalForecast(level: 0.8, lower: [0, 1], upper: [2, 3])
        let wider = IntervalForecast(level: 0.95, lower: [-1, 0], upper: [3, 4])
        let output = ManySeriesForecast.Output(series: blended.series, forecasts: [1, 2], intervals: [wider, interval],
                                               forecaster: blended.forecaster, calibratedAcrossSeries: [0.8])
        let result = ForecastResult(output: output)
        #expect(result.intervalMethod == "split-conformal-across-series+split-conformal")
        #expect(result.method == blended.forecaster.method && result.levels == [0.8, 0.95])
    }

    /// A JSON Lines row names a seasonal method's period, as the JSON document does, so that its
    /// method, a blend's included, reads back.
    @Test func aJSONLinesRowNamesTheSeasonPeriod() throws {
        let series = TimeSeries(name: "value", values: [1, 2, 3])
        let method = ForecastMethod.ownAndAcrossSeries(own: .seasonalNaive(period: 12), models: [.arima])
        let result = ForecastResult(series: series, method: method, model: "lstm", transform: "none", lookback: 3,
                                    forecasts: [4], intervals: [])
        let line = ManySeriesForecastRows(format: .jsonl, levels: []).rendered(id: "a", result)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["method"] as? String == "(seasonal-naive)+global+arima" && object["season_period"] as? Int == 12)
        #expect(ForecastMethod(blendName: "(seasonal-naive)+global+arima", seasonPeriod: object["season_period"] as? Int) == method)
        let plain = ForecastResult(series: series, method: .naive, model: "lstm", transform: "none", lookback: 3, forecasts: [4], intervals: [])
        #expect(!ManySeriesForecastRows(format: .jsonl, levels: []).rendered(id: "a", plain).contains("season_period"))
    }

    @Test func aBlendIsNotSavedAsAModelFile() throws {
        let output = try Self.blendedOutput()
        let scratch = try ScratchFolder()
        let files = SeriesFiles(models: try SeriesFolder(path: scratch.path("models"), fileExtension: "safetensors"), plots: nil)
        #expect(throws: ManySeriesError.self) { try files.save(id: "a", output: output) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("models")).isEmpty)
    }

    /// A run that saves each series' model does not weigh the blend; one that does not, does.
    @Test func aRunSavingModelsLeavesTheBlendOut() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write("long.csv", ActionFixtures.longCSV(ids: ["a"], rows: [30]))
        let source = try ManySeriesSource.open(.file(file), idColumn: "id", target: "value")
        var action = ManySeriesForecastAction(source: source, configuration: ActionFixtures.quick)
        #expect(action.acrossSeriesChoice.averagesOwnChoice)
        action.modelFolder = scratch.path("models")
        #expect(!action.acrossSeriesChoice.averagesOwnChoice)
    }
}

/// A source is read by one run: a second run of the same action fails instead of forecasting
/// only what the first left.
@Suite struct SourceReuseTests {
    @Test func aSecondRunIsRefused() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write("long.csv", ActionFixtures.longCSV(ids: ["a", "b"], rows: [40, 40]))
        let source = try ManySeriesSource.open(.file(file), idColumn: "id", target: "value")
        let action = ManySeriesBacktestAction(source: source, settings: BacktestSettings(includesModel: false, horizon: 3, folds: 1), threads: 1)
        let first = try action.run { _, _ in }
        #expect(first.series.total == 2)
        #expect(throws: ManySeriesError.self) { try action.run { _, _ in } }
    }
}
