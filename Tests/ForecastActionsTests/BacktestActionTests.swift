import ForecastActions
import Foundation
import Testing
import _ForecastTestSupport

/// `BacktestAction`, `BacktestSettings` and the table of every fold's forecasts.
@Suite("Backtest action")
struct BacktestActionTests {
    func settings(folds: Int = 3, levels: [Double] = []) -> BacktestSettings {
        BacktestSettings(configuration: ActionFixtures.quick, horizon: 6, folds: folds, levels: levels)
    }

    @Test func everyMethodIsScoredOnTheSameCutoffs() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("sales.csv", ActionFixtures.monthlyCSV())
        let result = try BacktestAction(source: .file(file), column: "sales", settings: settings(), threads: 1).run()
        #expect(result.firstForecastRows == [54, 60, 66])
        #expect(result.firstTargets == ["2004-07", "2005-01", "2005-07"])
        // A configuration that fixes the network's size asks for the network: its rows are named by its cell.
        #expect(result.models.map(\.name) == ["lstm"] + BacktestSettings.defaultBaselines)
        for model in result.models {
            #expect(model.folds.map(\.cutoff) == result.firstForecastRows, "\(model.name)")
            #expect(model.isBaseline == (model.name != "lstm"))
        }
        let naive = try #require(result.models.first { $0.name == "naive" })
        #expect(result.relativeMASE(of: naive) == 1)
        let decoded = try JSONDecoder().decode(BacktestResult.self, from: JSONEncoder().encode(result))
        #expect(decoded == result)
    }

    @Test func forecastsTableHoldsEveryFoldStepAndMethod() throws {
        let folder = try ScratchFolder()
        let text = ActionFixtures.monthlyCSV()
        let file = try folder.write("sales.csv", text)
        let path = folder.path("folds.csv")
        let result = try BacktestAction(source: .file(file), column: "sales", settings: settings(levels: [0.8]), threads: 1,
                                        forecastsPath: path).run()
        let lines = try folder.read("folds.csv").split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(header.prefix(7)) == ["series", "cutoff", "date", "step", "actual", "lstm", "lstm-lo-80"])
        #expect(header.contains("naive-hi-80"))
        #expect(lines.count == 1 + 3 * 6)
        // Row one: fold 1, step 1: the cut-off is the last row seen, the date the forecast row.
        let first = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(first[1] == "2004-06" && first[2] == "2004-07" && first[3] == "1")
        let values = text.split(separator: "\n").dropFirst().map { Double($0.split(separator: ",")[1])! }
        #expect(Double(first[4]) == values[54])
        let naive = try #require(result.models.first { $0.name == "naive" })
        let naiveColumn = try #require(header.firstIndex(of: "naive"))
        #expect(Double(first[naiveColumn]) == naive.folds[0].forecasts[0])
    }

    /// A fold whose history never moved has no MASE scale: the scaled metrics average the other
    /// folds, and a note says how many, so a MASE of 0 beside a large MAE is explained.
    @Test func foldsWithoutAScaleAreCountedInANote() throws {
        let folder = try ScratchFolder()
        let rows = (0..<60).map { (row: Int) -> String in
            let year = 2000 + row / 12, month = row % 12 + 1, value = row == 30 ? 1000 : 0
            return String(format: "%04d-%02d,%d", year, month, value)
        }
        let file = try folder.write("spike.csv", "month,sales\n" + rows.joined(separator: "\n") + "\n")
        let log = ReportLog()
        let settings = BacktestSettings(includesModel: false, horizon: 2, folds: 15)
        let result = try BacktestAction(source: .file(file), column: "sales", settings: settings, threads: 1).run(reporter: log.reporter)
        let naive = try #require(result.models.first { $0.name == "naive" })
        #expect(naive.folds.filter { $0.naiveScale == nil }.count == 1)
        #expect(log.all.contains { $0.contains("MASE, RMSSE, MSIS and sCRPS average 14 of 15 folds") }, "\(log.all)")
        let calm = try BacktestAction(source: .file(try folder.write("sales.csv", ActionFixtures.monthlyCSV())), column: "sales",
                                      settings: settings, threads: 1).run(reporter: log.reporter)
        #expect(calm.models.allSatisfy { $0.folds.allSatisfy { $0.naiveScale != nil } })
        #expect(log.all.filter { $0.contains("folds: the history before") }.count == 1)
    }

    @Test func aSeriesTooShortForAFoldIsAPlanningError() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("short.csv", ActionFixtures.monthlyCSV(rows: 14))
        #expect(throws: BacktestPlanningError.tooFewRows(rows: 14, horizon: 6, lookback: 2, season: 12)) {
            try BacktestAction(source: .file(file), column: "sales", settings: settings(), threads: 1).run()
        }
    }

    /// A start past the last row a fold can begin at says where the latest start lies; the last
    /// possible start still plans one fold, captioned in the singular.
    @Test func aStartAfterTheEndSaysWhereTheLatestStartLies() throws {
        let settings = BacktestSettings(horizon: 3, start: Int.max)
        #expect(throws: BacktestPlanningError.startAfterEnd(start: Int.max, rows: 120, horizon: 3)) {
            try settings.plan(rows: 120, horizon: 3, lookback: 5, season: 7)
        }
        #expect(BacktestPlanningError.startAfterEnd(start: 200, rows: 120, horizon: 3).errorDescription
                == "The backtest starts at row 200, but the series has 120 rows: a fold of 3 rows starts at row 117 at the latest.")
        let last = try BacktestSettings(horizon: 3, start: 117).plan(rows: 120, horizon: 3, lookback: 5, season: 7)
        #expect(last.cutoffs == [117])
    }

    /// Minute data whose day-long moving average needs more rows than the file holds: the backtest
    /// runs without it and warns, naming the file and the reason.
    @Test func aBaselineTooWideForTheSeriesIsLeftOutWithAWarning() throws {
        let folder = try ScratchFolder()
        var csv = "time,value\n"
        for row in 0..<300 { csv += "2024-03-01 \(String(format: "%02d:%02d", 8 + row / 60, row % 60)),\(100 + row % 13)\n" }
        let file = try folder.write("minutes.csv", csv)
        let log = ReportLog()
        let result = try BacktestAction(source: .file(file), column: "value",
                                        settings: BacktestSettings(includesModel: false, horizon: 3, folds: 2, season: 60,
                                                                   baselines: ["naive", "moving-average"]),
                                        threads: 1).run(reporter: log.reporter)
        #expect(result.models.map(\.name) == ["naive"])
        #expect(log.all.contains { $0.hasPrefix("warning: \(file): baseline moving-average left out: the moving-average forecast needs at least 1440 values") },
                "\(log.all)")
    }

    /// A start row needs no season's history before it: minute data with a season of 1,440 plans
    /// from row 100; a stride longer than the series plans one fold instead of overflowing.
    @Test func aStartNeedsNoSeasonAndAHugeStrideOneFold() throws {
        let plan = try BacktestSettings(horizon: 10, start: 100).plan(rows: 300, horizon: 10, lookback: 5, season: 1440)
        #expect(plan.cutoffs.first == 100 && plan.cutoffs.count == 20)
        let wide = try BacktestSettings(horizon: 3, folds: 3, stride: Int.max / 2).plan(rows: 300, horizon: 3, lookback: 5, season: 7)
        #expect(wide.cutoffs == [297])
    }

    @Test func fewerFoldsThanAskedIsAWarning() throws {
        let log = ReportLog()
        let plan = try settings(folds: 50).plan(rows: 72, horizon: 6, lookback: 10, season: 12, reporter: log.reporter)
        #expect(plan.cutoffs.count < 50)
        #expect(log.all == ["warning: only \(plan.cutoffs.count) folds fit in 72 rows with enough history before each."])
    }

    @Test func libraryErrorsNameNoFlag() {
        let errors: [any LocalizedError] = [
            BacktestPlanningError.tooFewRows(rows: 3, horizon: 2, lookback: 5, season: 1),
            ModelInputError.columnNotRecorded(path: "m.safetensors"),
            ModelInputError.featureCountMismatch(path: "m", expected: 2, given: ["a"], recorded: ["y", "a", "b"]),
            ManySeriesError.noSeriesRead(file: "f.csv"),
            ManySeriesError.mixedFrequencies(file: "f.csv", counts: [("monthly", 2), ("daily", 1)]),
            ManySeriesError.noFrequency(rows: 1),
        ]
        for error in errors {
            let text = error.errorDescription ?? ""
            #expect(!text.isEmpty)
            #expect(!text.contains("--"), "\(text)")
        }
    }
}

/// The async backtest stops every fold's training once its task is cancelled.
@Suite("Backtest action cancellation")
struct BacktestActionCancellationTests {
    @Test func cancellingStopsEveryFold() async throws {
        let folder = try ScratchFolder()
        let file = try folder.write("sales.csv", ActionFixtures.monthlyCSV(rows: 300))
        let settings = BacktestSettings(configuration: ForecasterConfiguration(hiddenSize: 8, epochs: 100_000, earlyStopping: .off),
                                        horizon: 6, folds: 4)
        let action = BacktestAction(source: .file(file), column: "sales", settings: settings, threads: 2)
        let task = Task { try await action.run() }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let outcome = await result(of: task, within: 60)
        #expect(throws: CancellationError.self) { try #require(outcome).get() }
    }
}

/// The automatic method says what it chose on each fold: in the per-fold table, the caption, the
/// JSON and the plot's legend.
@Suite("Backtest choices")
struct BacktestChoiceTests {
    @Test func everyFoldNamesItsMethod() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("sales.csv", ActionFixtures.monthlyCSV())
        let configuration = ForecasterConfiguration(hiddenSize: 4, selection: .automatic, epochs: 2, threads: 1)
        let result = try BacktestAction(source: .file(file), column: "sales",
                                        settings: BacktestSettings(configuration: configuration, horizon: 6, folds: 3, baselines: ["naive"]),
                                        threads: 1, plotPath: folder.path("plot.svg")).run()
        let auto = try #require(result.models.first { $0.name == "auto" })
        let methods = try #require(auto.foldMethods)
        #expect(methods.count == 3)
        let known = ["network", "naive", "seasonal-naive", "network+naive", "network+seasonal-naive",
                     "theta", "ets", "arima", "ets+theta+arima", "network+arima", "network+ets+theta+arima"]
        #expect(methods.allSatisfy(known.contains), "\(methods)")
        #expect(result.models.first { $0.name == "naive" }?.foldMethods == nil)
        let choices = try #require(auto.choiceSummary)
        #expect(result.rendered(.table).contains("auto chose: \(choices)"))
        let perFold = result.renderedFolds(.csv).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(perFold[0].prefix(4) == ["model", "fold", "first_target", "method"])
        #expect(perFold.filter { $0[0] == "auto" }.map { $0[3] } == methods)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.rendered(.json).utf8)) as? [String: Any])
        let rows = try #require(json["models"] as? [[String: Any]])
        #expect(rows.first { $0["model"] as? String == "auto" }?["fold_methods"] as? [String] == methods)
        #expect(try folder.read("plot.svg").contains("auto: \(choices)"))
    }
}

/// Without --folds, a backtest scores at least 100 steps and spaces its refits to at most five fits.
@Suite("Backtest defaults")
struct BacktestDefaultTests {
    @Test func enoughStepsAreScoredWithFewFits() throws {
        let plan = try BacktestSettings(horizon: 6).plan(rows: 400, horizon: 6, lookback: 24, season: 12)
        #expect(plan.cutoffs.count == 17)  // ⌈100 / 6⌉
        #expect(plan.refit == .every(4))   // ⌈17 / 5⌉: five fits
        #expect(Set(plan.cutoffs.indices.map(plan.fitFold(for:))).count == 5)
        let weekly = try BacktestSettings(horizon: 52).plan(rows: 2000, horizon: 52, lookback: 60, season: 52)
        #expect(weekly.cutoffs.count == BacktestSettings.defaultFolds)
        #expect(weekly.refit == .everyFold)
    }

    /// The spacing counts the folds that fit: 9 folds asked of 144 rows with 48 needed before the
    /// first leave 5, each refitted, where the spacing of 9 once refitted every second fold.
    @Test func theRefitsAreSpacedOverTheFoldsThatFit() throws {
        let plan = try BacktestSettings(horizon: 12).plan(rows: 144, horizon: 12, lookback: 24, season: 12)
        #expect(plan.cutoffs.count == 5)
        #expect(plan.refit == .everyFold)
    }

    @Test func givenFoldsAreRefitEveryFold() throws {
        let plan = try BacktestSettings(horizon: 6, folds: 17).plan(rows: 400, horizon: 6, lookback: 24, season: 12)
        #expect(plan.cutoffs.count == 17)
        #expect(plan.refit == .everyFold)
    }

    @Test func theTableSaysHowManyStepsWereScored() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("sales.csv", ActionFixtures.monthlyCSV(rows: 200))
        let result = try BacktestAction(source: .file(file), column: "sales",
                                        settings: BacktestSettings(configuration: ActionFixtures.quick, horizon: 12), threads: 1).run()
        #expect(result.firstForecastRows.count == 9)
        #expect(result.rendered(.table).contains("9 folds of 12 steps (108 steps scored), the model refit every 2 folds"))
        // The baselines alone: no model to refit, no automatic method to explain.
        let baselines = try BacktestAction(source: .file(file), column: "sales",
                                           settings: BacktestSettings(includesModel: false, horizon: 12), threads: 1).run()
        let caption = baselines.rendered(.table)
        #expect(caption.contains("9 folds of 12 steps (108 steps scored); MASE") && !caption.contains("refit") && !caption.contains("auto ="),
                "\(caption)")
    }
}

/// Settings out of range are errors an app can catch, not a stopped process.
@Suite struct BacktestSettingErrorTests {
    /// A sliding window too short for the model to fit on is a planning error naming the window,
    /// where each fold once failed blaming the series; the baselines alone take any window.
    @Test func aSlidingWindowTooShortForTheModelIsAPlanningError() throws {
        var settings = BacktestSettings(horizon: 12, folds: 2)
        settings.trainingWindow = .sliding(length: 48)
        #expect(throws: BacktestPlanningError.windowTooShort(length: 48, needed: 49, lookback: 24, horizon: 12)) {
            try settings.plan(rows: 144, horizon: 12, lookback: 24, season: 12)
        }
        settings.trainingWindow = .sliding(length: 49)
        #expect(try settings.plan(rows: 144, horizon: 12, lookback: 24, season: 12).cutoffs.count == 2)
        settings.trainingWindow = .sliding(length: 30)
        settings.includesModel = false
        #expect(try settings.plan(rows: 144, horizon: 12, lookback: 24, season: 12).cutoffs.count == 2)
    }

    @Test(arguments: [("horizon", 0), ("folds", 0), ("stride", 0), ("start", 0)])
    func outOfRangeSettingsAreErrors(name: String, value: Int) {
        var settings = BacktestSettings(horizon: 3)
        switch name {
        case "folds": settings.folds = value
        case "stride": settings.stride = value
        case "start": settings.start = value
        default: break
        }
        let horizon = name == "horizon" ? value : 3
        #expect(throws: BacktestPlanningError.invalidSetting(name: name, value: value)) {
            try settings.plan(rows: 100, horizon: horizon, lookback: 5, season: 1)
        }
    }
}
