import Foundation
import Testing
import _ForecastTestSupport

/// Runs `tsf` asking for CSV where no format is named: these tests read the rows as CSV, and a
/// many-series table is aligned for people.
private func runAsCSV(_ arguments: [String], stdin: Data? = nil) throws -> CLIRunner.Outcome {
    try CLIRunner.run(arguments.contains("--format") ? arguments : arguments + ["--format", "csv"], stdin: stdin)
}

/// `tsf forecast` and `tsf backtest` over every series of a long-format file, run as users run them.
@Suite struct ManySeriesCommandTests {
    let stocks = IOFixtures.dataset("stocks_monthly.csv").path
    /// Small, quick training: these tests check bookkeeping, not accuracy.
    let quick = ["--epochs", "2", "--hidden", "4", "--lookback", "6"]

    func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func forecastsEverySeriesInFileOrderWhateverTheThreadCount() throws {
        let base = ["forecast", stocks, "--id", "symbol", "--column", "price", "--horizon", "3"] + quick
        let one = try runAsCSV(base + ["--threads", "1"])
        let two = try runAsCSV(base + ["--threads", "2"])
        #expect(one.exitCode == 0, "\(one.stderr)")
        #expect(two.exitCode == 0, "\(two.stderr)")
        #expect(one.stdout == two.stdout)
        let table = rows(one.stdout)
        #expect(table.first == ["id", "step", "date", "forecast"])
        #expect(table.dropFirst().map { $0[0] } == ["MSFT", "AMZN", "IBM", "GOOG", "AAPL"].flatMap { Array(repeating: $0, count: 3) })
        #expect(table.dropFirst().map { $0[1] } == Array(repeating: ["1", "2", "3"], count: 5).flatMap { $0 })
        #expect(table[1][2] == "2010-04-01")
        #expect(table.dropFirst().allSatisfy { Double($0[3])?.isFinite == true })
    }

    @Test func pickedSeriesMatchTheirSingleSeriesForecasts() throws {
        let many = try runAsCSV(["forecast", stocks, "--id", "symbol", "--series", "IBM,GOOG", "--column", "price",
                                      "--horizon", "2", "--format", "csv"] + quick)
        #expect(many.exitCode == 0, "\(many.stderr)")
        let table = rows(many.stdout).dropFirst()
        #expect(table.map { $0[0] } == ["IBM", "IBM", "GOOG", "GOOG"])
        let single = try runAsCSV(["forecast", stocks, "--id", "symbol", "--series", "GOOG", "--column", "price",
                                        "--horizon", "2", "--format", "csv"] + quick)
        #expect(single.exitCode == 0, "\(single.stderr)")
        let alone = rows(single.stdout).dropFirst().map { [$0[0], $0[1]] }
        #expect(table.suffix(2).map { [$0[2], $0[3]] } == alone)
    }

    @Test func oneFailingSeriesIsReportedAndTheOthersStillPrinted() throws {
        let good = (1...30).map { "G,2020-01-\(String(format: "%02d", $0)),\(100 + $0 % 7)" }
        let text = "id,date,v\nS,2020-01-01,1\nS,2020-01-02,2\n" + good.joined(separator: "\n") + "\n"
        let outcome = try runAsCSV(["forecast", "-", "--id", "id", "--column", "v", "--horizon", "2"] + quick,
                                        stdin: Data(text.utf8))
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr.contains("series S:"))
        #expect(outcome.stderr.contains("1 of 2 series failed"))
        #expect(rows(outcome.stdout).dropFirst().map { $0[0] } == ["G", "G"])
    }

    @Test func everySeriesFailingSaysSo() throws {
        let outcome = try runAsCSV(["forecast", "-", "--id", "id", "--column", "v", "--horizon", "2"] + quick,
                                        stdin: Data("id,date,v\nA,2020-01-01,1\nB,2020-01-01,2\n".utf8))
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr.contains("2 of 2 series failed"))
        #expect(rows(outcome.stdout) == [["id", "step", "date", "forecast"]])
    }

    @Test func backtestPrintsSeriesRowsThenAggregateRows() throws {
        let outcome = try runAsCSV(["backtest", stocks, "--id", "symbol", "--column", "price", "--horizon", "3",
                                         "--folds", "2", "--baselines-only", "--baselines", "naive,drift", "--threads", "2"])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        let table = rows(outcome.stdout)
        #expect(table.first == ["id", "model", "series", "MAE", "sMAPE%", "MASE", "relMASE", "OWA"])
        let ids = ["MSFT", "AMZN", "IBM", "GOOG", "AAPL"]
        #expect(table.dropFirst().map { $0[0] } == ids.flatMap { [$0, $0] } + ["*", "*"])
        #expect(table.dropFirst().map { $0[1] } == Array(repeating: ["naive", "drift"], count: 6).flatMap { $0 })
        // The aggregate MASE is the mean of the series' MASEs; naive's relative MASE is 1.
        let driftMASEs = table.dropFirst().filter { $0[0] != "*" && $0[1] == "drift" }.compactMap { Double($0[5]) }
        let driftAggregate = try #require(table.last)
        #expect(driftAggregate[2] == "5")
        let aggregateMASE = try #require(Double(driftAggregate[5]))
        #expect(abs(aggregateMASE - driftMASEs.reduce(0, +) / 5) < 1e-9)
        let naiveAggregate = table[table.count - 2]
        #expect(naiveAggregate[6] == "1.0" && naiveAggregate[7] == "1.0")
    }

    /// Two series, A and B, of 30 days each: with every id's rows together, or day by day.
    static func twoSeries(interleaved: Bool) -> String {
        let day = { (n: Int) in "2020-01-\(String(format: "%02d", n))" }
        let a = (1...30).map { "A,\(day($0)),\(10 + $0 % 4)" }
        let b = (1...30).map { "B,\(day($0)),\(50 + $0 % 3)" }
        let rows = interleaved ? zip(a, b).flatMap { [$0, $1] } : a + b
        return "id,date,v\n" + rows.joined(separator: "\n") + "\n"
    }

    /// Writes `text` to a new temporary file and returns its path.
    func temporaryFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tsf-many-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func interleavedFileIsGroupedInMemoryWithOneNoteAndTheSameResults() throws {
        let interleaved = try temporaryFile(Self.twoSeries(interleaved: true))
        let grouped = try temporaryFile(Self.twoSeries(interleaved: false))
        defer { try? FileManager.default.removeItem(atPath: interleaved); try? FileManager.default.removeItem(atPath: grouped) }
        let base = ["--id", "id", "--column", "v", "--horizon", "2"] + quick
        var outputs: [String] = []
        for threads in ["1", "2"] {
            let whole = try runAsCSV(["forecast", interleaved] + base + ["--threads", threads])
            #expect(whole.exitCode == 0, "\(whole.stderr)")
            let note = "tsf: note: \(interleaved) is not grouped by id (id A reappears at line 4); reading it whole to group it"
            #expect(whole.stderr.components(separatedBy: "\n").filter { $0.contains("not grouped") } == [note])
            let streamed = try runAsCSV(["forecast", grouped] + base + ["--threads", threads])
            #expect(streamed.exitCode == 0, "\(streamed.stderr)")
            #expect(!streamed.stderr.contains("not grouped"))
            #expect(rows(whole.stdout).dropFirst().map { $0[0] } == ["A", "A", "B", "B"])
            outputs += [whole.stdout, streamed.stdout]
        }
        // Streamed and grouped in memory, on one thread or two: the same bytes.
        #expect(Set(outputs).count == 1)
    }

    @Test func standardInputWithInterleavedIDsStopsNamingTheLineAndTheID() throws {
        let outcome = try runAsCSV(["forecast", "-", "--id", "id", "--column", "v", "--horizon", "1"] + quick,
                                        stdin: Data(Self.twoSeries(interleaved: true).utf8))
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr.contains("tsf: <stdin>:4: series \"A\" of column \"id\" comes back after other series"))
        #expect(outcome.stderr.contains("sort the file by \"id\" first, or pass the file's path"))
    }

    @Test func groupedStandardInputGivesTheFilesResultsWhateverTheThreadCount() throws {
        let text = try String(contentsOfFile: stocks, encoding: .utf8)
        let base = ["--id", "symbol", "--column", "price", "--horizon", "2"] + quick
        let fromFile = try runAsCSV(["forecast", stocks] + base + ["--threads", "2"])
        #expect(fromFile.exitCode == 0, "\(fromFile.stderr)")
        for threads in ["1", "2"] {
            let piped = try runAsCSV(["forecast", "-"] + base + ["--threads", threads], stdin: Data(text.utf8))
            #expect(piped.exitCode == 0, "\(piped.stderr)")
            #expect(piped.stdout == fromFile.stdout)
        }
        // A pipe named by a path cannot be read twice to check its grouping: it is streamed too.
        let named = try runAsCSV(["forecast", "/dev/stdin"] + base, stdin: Data(text.utf8))
        #expect(named.exitCode == 0, "\(named.stderr)")
        #expect(named.stdout == fromFile.stdout)
    }

    @Test func aMissingIDIsRefusedWithItsLineFromAFileOrAStream() throws {
        let text = "id,date,v\nA,2020-01-01,1\n,2020-01-02,2\n"
        let path = try temporaryFile(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for (input, stdin) in [(path, nil), ("-", Data(text.utf8))] {
            let outcome = try runAsCSV(["forecast", input, "--id", "id", "--column", "v"] + quick, stdin: stdin)
            #expect(outcome.exitCode == 65)
            let name = stdin == nil ? path : "<stdin>"
            #expect(outcome.stderr.contains("\(name):3: the id column \"id\" is empty"), "\(outcome.stderr)")
        }
    }

    @Test func usageErrorsAreRefusedClearly() throws {
        let noID = try runAsCSV(["forecast", stocks, "--series", "IBM", "--column", "price"])
        #expect(noID.exitCode == 64)
        #expect(noID.stderr.contains("--series needs --id"))
        let features = try runAsCSV(["forecast", stocks, "--id", "symbol", "--column", "price", "--features", "price2"])
        #expect(features.exitCode == 64)
        let unknown = try runAsCSV(["forecast", stocks, "--id", "symbol", "--series", "IBM,XYZ", "--column", "price"])
        #expect(unknown.exitCode == 64)
        #expect(unknown.stderr.contains("XYZ"))
    }
}

/// `tsf forecast --global`: one model for every series, the same long-format output.
@Suite struct ManySeriesGlobalCommandTests {
    let stocks = IOFixtures.dataset("stocks_monthly.csv").path

    @Test func globalModelForecastsEverySeries() throws {
        let outcome = try runAsCSV(["forecast", stocks, "--id", "symbol", "--column", "price", "--horizon", "2",
                                         "--global", "--epochs", "2", "--hidden", "4", "--lookback", "6"])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("trained one lstm"))
        let ids = outcome.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
        #expect(ids == ["MSFT", "MSFT", "AMZN", "AMZN", "IBM", "IBM", "GOOG", "GOOG", "AAPL", "AAPL"])
    }

    @Test func globalRefusesMixedFrequencies() throws {
        let monthly = (1...12).map { "M,2020-\(String(format: "%02d", $0))-01,\(10 + $0 % 3)" }
        let daily = (1...20).map { "D,2020-01-\(String(format: "%02d", $0)),\(5 + $0 % 4)" }
        let text = "id,date,v\n" + (monthly + daily).joined(separator: "\n") + "\n"
        let outcome = try runAsCSV(["forecast", "-", "--id", "id", "--column", "v", "--global", "--epochs", "1"],
                                        stdin: Data(text.utf8))
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr.contains("one frequency"))
    }

    @Test func backtestShowsTheGlobalModelBesideThePerSeriesModelWhateverTheThreadCount() throws {
        let base = ["backtest", stocks, "--id", "symbol", "--column", "price", "--horizon", "2", "--folds", "2",
                    "--baselines", "naive", "--global", "--epochs", "2", "--hidden", "4", "--lookback", "6"]
        let one = try runAsCSV(base + ["--threads", "1"])
        let two = try runAsCSV(base + ["--threads", "2"])
        #expect(one.exitCode == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout)
        #expect(one.stderr.contains("note: global-lstm trained 2 times"))
        let table = one.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let ids = ["MSFT", "AMZN", "IBM", "GOOG", "AAPL", "*"]
        #expect(table.map { $0[0] } == ids.flatMap { Array(repeating: $0, count: 3) })
        // Every series and the aggregate rows: the per-series model, the global model, the naive forecast.
        let methods = table.prefix(3).map { $0[1] }
        #expect(methods[1] == "global-lstm" && methods[2] == "naive")
        #expect(table.map { $0[1] } == Array(repeating: methods, count: 6).flatMap { $0 })
        // The global model's aggregate: a ratio of averages over the five series, like the others'.
        let aggregate = try #require(table.first { $0[0] == "*" && $0[1] == "global-lstm" })
        #expect(aggregate[2] == "5")
        let globalMASEs = table.filter { $0[0] != "*" && $0[1] == "global-lstm" }.compactMap { Double($0[5]) }
        let naiveMASEs = table.filter { $0[0] != "*" && $0[1] == "naive" }.compactMap { Double($0[5]) }
        let skill = try #require(Double(aggregate[6]))
        #expect(abs(skill - globalMASEs.reduce(0, +) / naiveMASEs.reduce(0, +)) < 1e-9)
    }

    @Test func backtestGlobalNeedsSeveralSeries() throws {
        let outcome = try runAsCSV(["backtest", stocks, "--column", "price", "--global"])
        #expect(outcome.exitCode == 64)
        #expect(outcome.stderr.contains("--global"))
    }

    @Test func globalNeedsSeveralSeries() throws {
        let outcome = try runAsCSV(["forecast", stocks, "--column", "price", "--global"])
        #expect(outcome.exitCode == 64)
        #expect(outcome.stderr.contains("--global"))
    }
}

/// `tsf forecast --id` choosing its method across the series (the default) or per series.
@Suite struct ManySeriesChoiceCommandTests {
    /// Twelve yearly series rising at their own rates, in long format.
    static let rising: Data = {
        var lines = ["id,year,v"]
        for series in 0..<12 {
            for year in 0..<40 {
                let wobble = Double((year * 7 + series * 3) % 5) * 0.1
                lines.append("s\(series),\(1970 + year),\(10 + Double(series) + Double(year) * (0.5 + 0.1 * Double(series)) + wobble)")
            }
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }()

    let base = ["forecast", "-", "--id", "id", "--column", "v", "--horizon", "3", "--epochs", "2"]

    @Test func theDefaultWeighsTheCandidatesAcrossTheSeriesAndSaysWhatItChose() throws {
        let outcome = try runAsCSV(base, stdin: Self.rising)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("weighed"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("of 12 series, held out"))
        let ids = outcome.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        #expect(ids == (0..<12).flatMap { Array(repeating: "s\($0)", count: 3) })
    }

    @Test func perSeriesLetsEachSeriesChooseAlone() throws {
        let outcome = try runAsCSV(base + ["--choice", "per-series"], stdin: Self.rising)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("weighed"))
        let alone = try runAsCSV(base + ["--series", "s4"], stdin: Self.rising)
        #expect(alone.exitCode == 0, "\(alone.stderr)")
        // The many-series rows are id,step,date,forecast; a single series' are date,forecast.
        let many = outcome.stdout.split(separator: "\n").filter { $0.hasPrefix("s4,") }.map { $0.split(separator: ",").suffix(2) }
        let single = alone.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(2) }
        #expect(many.count == 3)
        #expect(many.map(Array.init) == single.map(Array.init))
    }

    @Test func theBacktestScoresTheChoiceBesideEachSeriesOwnModel() throws {
        let backtest = ["backtest", "-", "--id", "id", "--column", "v", "--horizon", "3", "--folds", "2", "--epochs", "2",
                        "--baselines", "naive"]
        let outcome = try runAsCSV(backtest, stdin: Self.rising)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("choice-across-series: the choice made again at every fold"), "\(outcome.stderr)")
        let table = outcome.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        let s3 = table.filter { $0[0] == "s3" }.map { $0[1] }
        #expect(s3.count == 3 && s3[1] == "choice-across-series" && s3[2] == "naive", "\(s3)")
        // The aggregate rows average it over the twelve series.
        let aggregate = try #require(table.first { $0[0] == "*" && $0[1] == "choice-across-series" })
        #expect(aggregate[2] == "12")

        let perSeries = try runAsCSV(backtest + ["--choice", "per-series"], stdin: Self.rising)
        #expect(perSeries.exitCode == 0, "\(perSeries.stderr)")
        #expect(!perSeries.stdout.contains("choice-across-series"))
        // The same per-series rows either way.
        let rowsOf = { (text: String) in text.split(separator: "\n").filter { !$0.contains("choice-across-series") && !$0.hasPrefix("*") } }
        #expect(rowsOf(perSeries.stdout) == rowsOf(outcome.stdout))
    }

    /// With --level every series' rows and the aggregate rows carry each level's coverage and MSIS;
    /// the aggregate's coverage is pooled over the series' steps, the same for every format.
    @Test func theBacktestOfManySeriesScoresTheirIntervals() throws {
        let backtest = ["backtest", "-", "--id", "id", "--column", "v", "--horizon", "3", "--folds", "2", "--epochs", "2",
                        "--baselines", "naive", "--choice", "per-series", "--level", "50,80", "--format", "csv"]
        let outcome = try runAsCSV(backtest, stdin: Self.rising)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines[0] == ["id", "model", "series", "MAE", "sMAPE%", "MASE", "relMASE", "OWA", "cover50%", "msis50", "cover80%", "msis80"])
        let naive: [[String]] = lines.filter { $0[1] == "naive" && $0[0] != "*" }
        let coverages: [Double] = naive.map { Double($0[8]) ?? -1 }
        let msis: [Double] = naive.map { Double($0[9]) ?? -1 }
        #expect(naive.count == 12)
        #expect(coverages.allSatisfy { $0 >= 0 && $0 <= 100 } && msis.allSatisfy { $0 > 0 })
        // Every series scores the same number of steps, so the pooled coverage is their mean.
        let aggregate: [String] = try #require(lines.first { $0[0] == "*" && $0[1] == "naive" })
        let meanCoverage: Double = coverages.reduce(0, +) / 12
        let meanMSIS: Double = msis.reduce(0, +) / 12
        let pooled: Double = try #require(Double(aggregate[8]))
        let pooledMSIS: Double = try #require(Double(aggregate[9]))
        let wider: Double = try #require(Double(aggregate[10]))
        #expect(abs(pooled - meanCoverage) < 1e-9)
        #expect(abs(pooledMSIS - meanMSIS) < 1e-9 * meanMSIS)
        #expect(wider >= pooled)
    }

    @Test func theChoiceNeedsAnIDAndNoGlobalModel() throws {
        let single = try runAsCSV(["forecast", IOFixtures.dataset("airpassengers_monthly.csv").path, "--column", "Passengers",
                                   "--choice", "per-series"])
        #expect(single.exitCode == 64)
        #expect(single.stderr.contains("--choice"))
        let global = try runAsCSV(base + ["--choice", "per-series", "--global"], stdin: Self.rising)
        #expect(global.exitCode == 64)
        #expect(global.stderr.contains("--global"))
        let singleBacktest = try runAsCSV(["backtest", IOFixtures.dataset("airpassengers_monthly.csv").path, "--column", "Passengers",
                                           "--choice", "per-series"])
        #expect(singleBacktest.exitCode == 64)
        #expect(singleBacktest.stderr.contains("--choice"))
    }
}
