import Foundation
import Testing
import _ForecastTestSupport

/// What scripts read from `tsf`: JSON that names how each number was made, and the table of every
/// backtest fold's forecasts.
@Suite struct ResultOutputCommandTests {
    private let tiny = ["--epochs", "2", "--hidden", "4", "--threads", "1"]
    private var passengers: String { IOFixtures.dataset("airpassengers_monthly.csv").path }
    private var stocks: String { IOFixtures.dataset("stocks_monthly.csv").path }

    @Test func forecastJSONNamesMethodModelAndPreparation() throws {
        let outcome = try CLIRunner.run(["forecast", passengers, "--column", "Passengers", "--horizon", "3", "--level", "80",
                                         "--format", "json"] + tiny)
        #expect(outcome.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(object["column"] as? String == "Passengers")
        #expect((object["method"] as? [String: Any])?["name"] as? String == "network")
        #expect(object["model"] as? String == "lstm")
        #expect(object["frequency"] as? String == "monthly")
        #expect(object["interval_method"] as? String == "split-conformal")
        #expect(object["lookback"] as? Int == 24)
        #expect(object["transform"] is String)
        let rows = try #require(object["forecasts"] as? [[String: Any]])
        #expect(rows.map { $0["date"] as? String } == ["1961-01", "1961-02", "1961-03"])
        #expect(rows.allSatisfy { ($0["lower80"] as? Double ?? .infinity) <= ($0["forecast"] as? Double ?? 0) })
    }

    @Test func manySeriesJSONLinesStandAlone() throws {
        let outcome = try CLIRunner.run(["forecast", stocks, "--id", "symbol", "--column", "price", "--horizon", "2",
                                         "--format", "jsonl"] + tiny)
        #expect(outcome.exitCode == 0)
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.count == 5 * 2)
        for line in lines {
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["id", "column", "step", "date", "forecast", "method", "model", "transform", "lookback", "frequency"] {
                #expect(row[key] != nil, "\(key) missing in \(line)")
            }
        }
    }

    @Test func manySeriesJSONIsOneDocument() throws {
        let outcome = try CLIRunner.run(["forecast", stocks, "--id", "symbol", "--column", "price", "--horizon", "2",
                                         "--format", "json"] + tiny)
        #expect(outcome.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let series = try #require(object["series"] as? [[String: Any]])
        #expect(series.map { $0["id"] as? String } == ["MSFT", "AMZN", "IBM", "GOOG", "AAPL"])
        #expect(series.allSatisfy { ($0["forecasts"] as? [[String: Any]])?.count == 2 && $0["method"] != nil })
        let backtest = try CLIRunner.run(["backtest", stocks, "--id", "symbol", "--column", "price", "--horizon", "2", "--folds", "1",
                                          "--baselines-only", "--baselines", "naive,drift", "--format", "json"])
        #expect(backtest.exitCode == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(backtest.stdout.utf8)) as? [String: Any])
        #expect((document["series"] as? [[String: Any]])?.count == 5)
        #expect((document["summary"] as? [[String: Any]])?.map { $0["model"] as? String } == ["naive", "drift"])
    }

    @Test func manySeriesTableIsAligned() throws {
        let outcome = try CLIRunner.run(["forecast", stocks, "--id", "symbol", "--column", "price", "--horizon", "2"] + tiny)
        #expect(outcome.exitCode == 0)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 1 + 5 * 2)
        #expect(!lines[0].contains(","))
        #expect(lines[0].split(separator: " ") == ["id", "step", "date", "forecast"])
        // Aligned: every line as wide as the header's columns (right-aligned numbers end together).
        #expect(Set(lines.map(\.count)).count == 1, "\(lines)")
        let backtest = try CLIRunner.run(["backtest", stocks, "--id", "symbol", "--column", "price", "--horizon", "2", "--folds", "1",
                                          "--baselines-only", "--baselines", "naive"])
        let rows = backtest.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first?.split(separator: " ").first == "id")
        #expect(rows.last?.hasPrefix("*") == true)
        #expect(!backtest.stdout.contains(","))
    }

    @Test func backtestWritesEveryFoldsForecasts() throws {
        let folder = try ScratchFolder()
        let path = folder.path("folds.csv")
        let outcome = try CLIRunner.run(["backtest", passengers, "--column", "Passengers", "--folds", "2", "--horizon", "4",
                                         "--baselines", "naive", "--level", "80", "--forecasts", path] + tiny)
        #expect(outcome.exitCode == 0)
        let lines = try folder.read("folds.csv").split(separator: "\n").map(String.init)
        #expect(lines.first == "series,cutoff,date,step,actual,lstm,lstm-lo-80,lstm-hi-80,naive,naive-lo-80,naive-hi-80")
        #expect(lines.count == 1 + 2 * 4)
        // The last fold ends at the last row: December 1960, whose passengers were 432.
        #expect(lines.last?.hasPrefix(",1960-08,1960-12,4,432.0,") == true)
    }

    @Test func manySeriesBacktestWritesEverySeriesFolds() throws {
        let folder = try ScratchFolder()
        let path = folder.path("folds.csv")
        let outcome = try CLIRunner.run(["backtest", stocks, "--id", "symbol", "--column", "price", "--folds", "1", "--horizon", "2",
                                         "--baselines-only", "--baselines", "naive,drift", "--forecasts", path])
        #expect(outcome.exitCode == 0)
        let lines = try folder.read("folds.csv").split(separator: "\n").map(String.init)
        #expect(lines.first == "series,cutoff,date,step,actual,naive,drift")
        #expect(Set(lines.dropFirst().map { String($0.prefix { $0 != "," }) }) == ["MSFT", "AMZN", "IBM", "GOOG", "AAPL"])
        #expect(lines.count == 1 + 5 * 2)
    }

    @Test(arguments: [("0.9", "lower90"), ("90", "lower90"), ("0.995", "lower99.5"), ("1", "lower1")])
    func levelsAreFractionsOrPercentages(level: String, column: String) throws {
        let outcome = try CLIRunner.run(["forecast", passengers, "--column", "Passengers", "--horizon", "2", "--level", level,
                                         "--format", "csv"] + tiny)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.split(separator: "\n").first?.split(separator: ",").contains { $0 == column } == true, "\(outcome.stdout)")
    }

    /// Levels that would name the same columns (they differ by less than a millionth of a
    /// percent), or a level that rounds to no column at all, are refused with the others.
    @Test(arguments: ["0", "100", "150", "-5", "80,0.8", "50.00000001,50.00000002", "1e-9"])
    func levelsOutOfRangeOrRepeatedAreRefused(level: String) throws {
        let outcome = try CLIRunner.run(["forecast", passengers, "--column", "Passengers", "--level", level] + tiny)
        #expect(outcome.exitCode == 64)
        #expect(outcome.stderr.contains("--level"))
        #expect(outcome.stdout.isEmpty)
    }
}

/// A command without `--column` lists the columns it could forecast.
@Suite struct MissingColumnCommandTests {
    @Test(arguments: ["forecast", "backtest"])
    func theColumnsAreListed(command: String) throws {
        let outcome = try CLIRunner.run([command, IOFixtures.dataset("stocks_monthly.csv").path, "--id", "symbol"])
        #expect(outcome.exitCode == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.hasSuffix("name the column to forecast; the columns of \(IOFixtures.dataset("stocks_monthly.csv").path) are \"price\".\n"), "\(outcome.stderr)")
    }

    @Test func standardInputIsNotReadForTheList() throws {
        let outcome = try CLIRunner.run(["forecast", "-"], stdin: Data("Date,x\n2020-01-01,1\n".utf8))
        #expect(outcome.exitCode == 64)
        #expect(outcome.stderr == "tsf: missing --column: name the column to forecast.\n")
    }
}

/// `tsf predict --level` calibrates intervals on the file it is given, as `forecast` does.
@Suite struct PredictIntervalCommandTests {
    @Test func predictGivesIntervalsCalibratedOnTheFile() throws {
        let folder = try ScratchFolder()
        let data = IOFixtures.dataset("airpassengers_monthly.csv").path
        let model = folder.path("model.safetensors")
        let train = try CLIRunner.run(["train", data, "--column", "Passengers", "--horizon", "3", "--epochs", "2", "--hidden", "4", "--out", model])
        #expect(train.exitCode == 0, "\(train.stderr)")
        let outcome = try CLIRunner.run(["predict", "--model", model, data, "--level", "80", "--format", "csv"])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.first == ["date", "forecast", "lower80", "upper80"])
        #expect(lines.count == 4)
        for row in lines.dropFirst() {
            let (forecast, lower, upper) = (Double(row[1])!, Double(row[2])!, Double(row[3])!)
            #expect(lower < forecast && forecast < upper, "\(row)")
        }
    }
}

/// A series too short for the network, or constant, still gets a forecast: the better simple one,
/// with a note saying why; only an asked-for network or a model file to save are refused.
@Suite struct ShortSeriesCommandTests {
    func write(_ values: [Double]) throws -> (ScratchFolder, String) {
        let folder = try ScratchFolder()
        var lines = ["Date,Close"]
        for (index, value) in values.enumerated() {
            lines.append(String(format: "2024-%02d-%02d,%@", 1 + index / 28, 1 + index % 28, "\(value)"))
        }
        return (folder, try folder.write("short.csv", lines.joined(separator: "\n") + "\n"))
    }

    @Test func aShortSeriesIsForecastWithTheBestSimpleMethod() throws {
        var value = 100.0
        let values = (0..<20).map { (index: Int) -> Double in value += index % 3 == 0 ? 1.5 : -0.7; return value }
        let (folder, path) = try write(values)
        _ = folder
        let outcome = try CLIRunner.run(["forecast", path, "--column", "Close", "--horizon", "12", "--level", "80", "--format", "csv"])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("too few for the network"))
        #expect(outcome.stderr.contains("forecasting with naive"))
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.first == "date,forecast,lower80,upper80")
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 12)
        #expect(rows.allSatisfy { abs(Double($0[1])! - values.last!) < 1e-9 })
        // 20 rows hold no past 12-step forecast to calibrate on: the bounds are left empty, not invented.
        #expect(rows.allSatisfy { $0[2].isEmpty && $0[3].isEmpty })
    }

    @Test func aConstantSeriesIsForecastAsItsValue() throws {
        let (folder, path) = try write(Array(repeating: 7.25, count: 60))
        _ = folder
        let outcome = try CLIRunner.run(["forecast", path, "--column", "Close", "--horizon", "2", "--format", "csv"])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("every value of the series is the same"))
        #expect(outcome.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix(",7.25") })
    }

    @Test func savingAModelStillNeedsEnoughRows() throws {
        let (folder, path) = try write((0..<12).map(Double.init))
        let outcome = try CLIRunner.run(["forecast", path, "--column", "Close", "--out", folder.path("m.safetensors")])
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr.contains("needs at least"))
    }
}

/// Dates that leave most of their calendar empty are warned about where they are forecast, as
/// `tsf inspect` shows them.
@Suite struct AbsentStepsWarningTests {
    @Test func aMostlyEmptyCalendarIsWarnedAbout() throws {
        let folder = try ScratchFolder()
        var lines = ["Date,v"]
        for month in 0..<48 { lines.append("\(month % 12 + 1)/1/\(2018 + month / 12),\(100 + month % 12)") }
        let path = try folder.write("monthly.csv", lines.joined(separator: "\n") + "\n")
        // Read day-first, monthly data on the 1st becomes days scattered over four years.
        let wrong = try CLIRunner.run(["forecast", path, "--column", "v", "--date-format", "%d/%m/%Y", "--epochs", "1", "--hidden", "4"])
        #expect(wrong.stderr.contains("steps of its daily calendar without a row, and the gaps are forecast as if they were not there; if the rows should follow one another, check the date format"), "\(wrong.stderr)")
        let right = try CLIRunner.run(["forecast", path, "--column", "v", "--epochs", "1", "--hidden", "4"])
        #expect(!right.stderr.contains("without a row"))
        #expect(right.stderr.contains("reads as month/day/year (M/D/YYYY) (calendar monthly)"))
    }
}
