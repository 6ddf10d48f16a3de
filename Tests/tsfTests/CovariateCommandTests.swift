import Foundation
import Testing
import _ForecastTestSupport

/// `--future-features` on the command line: future rows with empty targets or a `--future` file,
/// forecasts dated by those rows, and one clear sentence with exit 64 or 65 (and nothing written)
/// for every bad covariate.
@Suite struct CovariateCommandTests {
    /// 120 hourly rows of history driven by a known input, then 6 future rows with the target empty.
    static func file(futureRows: Int = 6, edit: (inout [String]) -> Void = { _ in }) -> String {
        var lines = ["time,load,temp,plan"]
        for row in 0..<(120 + futureRows) {
            let hour = String(format: "2024-03-%02dT%02d:00", 1 + row / 24, row % 24)
            let plan = Double((row * 7) % 11) - 5
            let load = 50 + 10 * sin(Double(row) * 2 * .pi / 24) + 3 * plan
            lines.append(row < 120 ? "\(hour),\(load),\(Double(row % 5)),\(plan)" : "\(hour),,,\(plan)")
        }
        edit(&lines)
        return lines.joined(separator: "\n") + "\n"
    }

    static let quick = ["--epochs", "2", "--hidden", "4", "--format", "csv"]

    @Test func futureRowsDateTheForecastAndReachAsFarAsTheyGo() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("hourly.csv", Self.file(futureRows: 6))
        let outcome = try CLIRunner.run(["forecast", path, "--column", "load", "--future-features", "plan",
                                         "--horizon", "3"] + Self.quick)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        let rows = outcome.stdout.split(separator: "\n").dropFirst()
        #expect(rows.map { String($0.prefix(16)) } == (0..<6).map { String(format: "2024-03-06T%02d:00", $0) })
        #expect(outcome.stderr.contains("forecasting 6 steps: as far as the 6 future rows"))
    }

    /// A future value far outside the plan's training values (-5…5) is named with its step: the
    /// network extrapolates there, where it forecast without a word.
    @Test func aFutureValueFarOutsideTrainingIsWarned() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("hourly.csv", Self.file(futureRows: 3) { lines in
            lines[lines.count - 2] = lines[lines.count - 2].split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",") + ",5000"
        })
        let outcome = try CLIRunner.run(["forecast", path, "--column", "load", "--future-features", "plan",
                                         "--horizon", "3"] + Self.quick)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("column \"plan\" holds 5000 at forecast step 2, ") && outcome.stderr.contains("the network extrapolates there"),
                "\(outcome.stderr)")
        let usual = try CLIRunner.run(["forecast", try folder.write("usual.csv", Self.file(futureRows: 3)), "--column", "load",
                                       "--future-features", "plan", "--horizon", "3"] + Self.quick)
        #expect(!usual.stderr.contains("extrapolates"))
    }

    @Test func aSeparateFutureFileWorksLikeFutureRows() throws {
        let folder = try ScratchFolder()
        let history = try folder.write("history.csv", Self.file(futureRows: 0))
        let future = try folder.write("future.csv", "time,plan\n2024-03-06T00:00,1\n2024-03-06T01:00,-2\n")
        let outcome = try CLIRunner.run(["forecast", history, "--column", "load", "--future-features", "plan",
                                         "--future", future] + Self.quick)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.split(separator: "\n").count == 3)
    }

    @Test(arguments: [
        ("a future row without its known value", 65, "needs its value, and this one is empty"),
        ("a gap in the future rows", 65, "does not follow the series' calendar"),
        ("a covariate column that is missing", 64, "has no column \"nope\""),
        ("a non-numeric covariate", 65, "is not a number"),
        ("a constant covariate", 65, "on every row of the history"),
        ("the same column as observed and known", 64, "named by both --features and --future-features"),
        ("no future rows at all", 65, "has no future rows"),
    ])
    func badCovariatesGiveOneSentenceAndWriteNothing(_ problem: String, _ exitCode: Int32, _ words: String) throws {
        let folder = try ScratchFolder()
        var features = ["--future-features", "plan"]
        let text: String
        switch problem {
        case "a future row without its known value": text = Self.file { $0[123] = "2024-03-06T02:00,,," }
        case "a gap in the future rows": text = Self.file { $0.remove(at: 122) }
        case "a covariate column that is missing": text = Self.file(); features = ["--future-features", "nope"]
        case "a non-numeric covariate": text = Self.file { $0[40] = $0[40].replacingOccurrences(of: ",", with: ",x", options: .backwards) }
        case "a constant covariate":
            text = Self.file { lines in
                for index in 1..<lines.count { lines[index] = lines[index].split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",") + ",1" }
            }
        case "the same column as observed and known": text = Self.file(); features += ["--features", "plan"]
        default: text = Self.file(futureRows: 0)
        }
        let path = try folder.write("hourly.csv", text)
        let model = folder.path("model.safetensors"), plot = folder.path("plot.svg")
        let outcome = try CLIRunner.run(["forecast", path, "--column", "load", "--horizon", "3", "--out", model,
                                         "--plot", plot] + features + Self.quick)
        #expect(outcome.exitCode == exitCode, "\(problem): \(outcome.stderr)")
        #expect(outcome.stderr.contains(words), "\(problem): \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: model) && !FileManager.default.fileExists(atPath: plot))
    }

    @Test func backtestAndPredictReadTheKnownFeatures() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("hourly.csv", Self.file(futureRows: 3))
        let backtest = try CLIRunner.run(["backtest", path, "--column", "load", "--future-features", "plan", "--features", "temp",
                                          "--horizon", "3", "--folds", "2"] + Self.quick)
        #expect(backtest.exitCode == 0, "\(backtest.stderr)")
        let model = folder.path("model.safetensors")
        let train = try CLIRunner.run(["train", path, "--column", "load", "--future-features", "plan", "--horizon", "3",
                                       "--out", model, "--epochs", "2", "--hidden", "4"])
        #expect(train.exitCode == 0, "\(train.stderr)")
        let predict = try CLIRunner.run(["predict", "--model", model, path, "--format", "csv"])
        #expect(predict.exitCode == 0, "\(predict.stderr)")
        #expect(predict.stdout.split(separator: "\n").dropFirst().map { String($0.prefix(16)) }
                == ["2024-03-06T00:00", "2024-03-06T01:00", "2024-03-06T02:00"])
    }

    @Test(arguments: [
        (["--calendar", "holiday"], "calendar feature (--calendar holiday, or one a model file records) needs the holidays"),
        (["--calendar", "fortnight"], "\"fortnight\" is not a calendar feature"),
        (["--calendar", "none,month"], "--calendar"),
    ])
    func badCalendarOptionsAreUsageErrors(_ options: [String], _ words: String) throws {
        let folder = try ScratchFolder()
        let path = try folder.write("hourly.csv", Self.file(futureRows: 0))
        let outcome = try CLIRunner.run(["forecast", path, "--column", "load"] + options + Self.quick)
        #expect(outcome.exitCode == 64, "\(options): \(outcome.stderr)")
        #expect(outcome.stderr.contains(words), "\(options): \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func calendarFeaturesNeedATimeColumn() throws {
        let folder = try ScratchFolder()
        let lines = Self.file(futureRows: 0).split(separator: "\n").map { $0.split(separator: ",", maxSplits: 1)[1] }
        let path = try folder.write("untimed.csv", lines.joined(separator: "\n") + "\n")
        let imposed = try CLIRunner.run(["forecast", path, "--column", "load", "--calendar", "month"] + Self.quick)
        #expect(imposed.exitCode == 64 && imposed.stderr.contains("has no time column"), "\(imposed.stderr)")
        // The automatic choice simply finds nothing to try.
        let automatic = try CLIRunner.run(["forecast", path, "--column", "load", "--horizon", "2"] + Self.quick)
        #expect(automatic.exitCode == 0, "\(automatic.stderr)")
    }

    /// Two daily series in long format, higher at weekends, and series B alone in a file of its own.
    static func weekendSeries() -> (long: String, b: String) {
        var long = ["id,date,v"], b = ["date,v"]
        for name in ["A", "B"] {
            for day in 0..<120 {
                let date = Date(timeIntervalSince1970: 1_641_168_000 + Double(day) * 86_400)  // from 2022-01-03, a Monday
                let stamp = ISO8601DateFormatter.string(from: date, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
                let value = 50 + (day % 7 >= 5 ? 10 : 0) + 3 * sin(Double(day) / 9) + (name == "B" ? 5 : 0)
                long.append("\(name),\(stamp),\(value)")
                if name == "B" { b.append("\(stamp),\(value)") }
            }
        }
        return (long.joined(separator: "\n") + "\n", b.joined(separator: "\n") + "\n")
    }

    @Test func listedCalendarFeaturesFitEachOfSeveralSeriesAsTheyFitOne() throws {
        let folder = try ScratchFolder()
        let files = Self.weekendSeries()
        let long = try folder.write("long.csv", files.long), alone = try folder.write("b.csv", files.b)
        let options = ["--calendar", "day-of-week", "--horizon", "7", "--method", "network"] + Self.quick
        let many = try CLIRunner.run(["forecast", long, "--id", "id", "--column", "v"] + options)
        #expect(many.exitCode == 0, "\(many.stderr)")
        let single = try CLIRunner.run(["forecast", alone, "--column", "v"] + options)
        #expect(single.exitCode == 0, "\(single.stderr)")
        // Rows id,step,date,forecast against date,forecast: B's rows are the single series' rows.
        let bRows = many.stdout.split(separator: "\n").filter { $0.hasPrefix("B,") }.map { $0.split(separator: ",").suffix(2).joined(separator: ",") }
        #expect(bRows.count == 7)
        #expect(bRows == single.stdout.split(separator: "\n").dropFirst().map(String.init))
        // Without the calendar the network forecasts something else.
        let plain = try CLIRunner.run(["forecast", long, "--id", "id", "--column", "v", "--horizon", "7", "--method", "network"] + Self.quick)
        #expect(plain.exitCode == 0, "\(plain.stderr)")
        #expect(plain.stdout != many.stdout)
    }

    @Test func listedCalendarFeaturesBacktestEachOfSeveralSeriesAsTheyBacktestOne() throws {
        let folder = try ScratchFolder()
        let files = Self.weekendSeries()
        let long = try folder.write("long.csv", files.long), alone = try folder.write("b.csv", files.b)
        let options = ["--calendar", "day-of-week", "--horizon", "7", "--folds", "2", "--method", "network"] + Self.quick
        let many = try CLIRunner.run(["backtest", long, "--id", "id", "--column", "v"] + options)
        #expect(many.exitCode == 0, "\(many.stderr)")
        let single = try CLIRunner.run(["backtest", alone, "--column", "v"] + options)
        #expect(single.exitCode == 0, "\(single.stderr)")
        // Many-series rows: id,model,series,MAE,…; single-series rows: model,best,MAE,…
        let manyMAE = many.stdout.split(separator: "\n").first { $0.hasPrefix("B,lstm,") }.map { String($0.split(separator: ",")[3]) }
        let singleMAE = single.stdout.split(separator: "\n").first { $0.hasPrefix("lstm,") }.map { String($0.split(separator: ",")[2]) }
        #expect(manyMAE != nil && manyMAE == singleMAE)
        let plain = try CLIRunner.run(["backtest", long, "--id", "id", "--column", "v", "--horizon", "7", "--folds", "2",
                                       "--method", "network"] + Self.quick)
        #expect(plain.exitCode == 0, "\(plain.stderr)")
        #expect(plain.stdout.split(separator: "\n").first { $0.hasPrefix("B,lstm,") }.map { String($0.split(separator: ",")[3]) } != manyMAE)
    }

    @Test func aGlobalModelReadsListedCalendarFeaturesAndItsFilesKeepThem() throws {
        let folder = try ScratchFolder()
        let files = Self.weekendSeries()
        let long = try folder.write("long.csv", files.long), alone = try folder.write("b.csv", files.b)
        let models = folder.url.appendingPathComponent("models").path
        let base = ["forecast", long, "--id", "id", "--column", "v", "--global", "--horizon", "7"] + Self.quick
        let withCalendar = try CLIRunner.run(base + ["--calendar", "day-of-week", "--out", models])
        #expect(withCalendar.exitCode == 0, "\(withCalendar.stderr)")
        let without = try CLIRunner.run(base)
        #expect(without.exitCode == 0, "\(without.stderr)")
        #expect(withCalendar.stdout != without.stdout)
        // B's saved member regenerates its calendar columns from the dates and forecasts the same.
        let predicted = try CLIRunner.run(["predict", "--model", models + "/B.safetensors", alone, "--column", "v", "--format", "csv"])
        #expect(predicted.exitCode == 0, "\(predicted.stderr)")
        let bRows = withCalendar.stdout.split(separator: "\n").filter { $0.hasPrefix("B,") }.map { $0.split(separator: ",").suffix(2).joined(separator: ",") }
        #expect(bRows == predicted.stdout.split(separator: "\n").dropFirst().map(String.init))
        // And a global backtest reads them too.
        let backtest = try CLIRunner.run(["backtest", long, "--id", "id", "--column", "v", "--global", "--calendar", "day-of-week",
                                          "--horizon", "7", "--folds", "2"] + Self.quick)
        #expect(backtest.exitCode == 0, "\(backtest.stderr)")
        #expect(backtest.stdout.contains("B,global-lstm,"))
    }

    @Test(arguments: [
        (["forecast", "--holidays", "XNYS"], "--calendar holiday"),
        (["forecast", "--holidays", "xnys"], "--calendar holiday"),  // a code in any case, not a missing file
        (["forecast", "--calendar", "holiday"], "--calendar holiday needs the holidays"),
        (["train", "--calendar", "day-of-week", "--out", "model.safetensors"], "not supported with several series here"),
    ])
    func calendarOptionsWithSeveralSeriesThatCannotApplyAreRefused(options: [String], message: String) throws {
        let folder = try ScratchFolder()
        let long = try folder.write("long.csv", Self.weekendSeries().long)
        let outcome = try CLIRunner.run([options[0], long, "--id", "id", "--column", "v"] + options.dropFirst() + Self.quick)
        #expect(outcome.exitCode == 64, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }

    /// Series A and B of 120 hourly rows driven by a known input, in long format, and 6 future rows
    /// each: after each series' history in one file (`inline`), or apart (`history` and `future`).
    static func twoSeriesWithFuture() -> (inline: String, history: String, future: String) {
        var inline = ["id,time,load,plan"], history = ["id,time,load,plan"], future = ["id,time,plan"]
        for (index, name) in ["A", "B"].enumerated() {
            for row in 0..<126 {
                let hour = String(format: "2024-03-%02dT%02d:00", 1 + row / 24, row % 24)
                let plan = Double((row * 7) % 11) - 5 + Double(index)
                let load = 50 + 10 * sin(Double(row) * 2 * .pi / 24) + 3 * plan + 5 * Double(index)
                if row < 120 {
                    inline.append("\(name),\(hour),\(load),\(plan)")
                    history.append("\(name),\(hour),\(load),\(plan)")
                } else {
                    inline.append("\(name),\(hour),,\(plan)")
                    future.append("\(name),\(hour),\(plan)")
                }
            }
        }
        return ([inline, history, future].map { $0.joined(separator: "\n") + "\n" }[0],
                history.joined(separator: "\n") + "\n", future.joined(separator: "\n") + "\n")
    }

    @Test func aSeparateFutureFileServesEverySeriesAsRowsInTheFileDo() throws {
        let folder = try ScratchFolder()
        let files = Self.twoSeriesWithFuture()
        let inline = try folder.write("inline.csv", files.inline)
        let history = try folder.write("history.csv", files.history), future = try folder.write("future.csv", files.future)
        let options = ["--id", "id", "--column", "load", "--future-features", "plan", "--horizon", "3"] + Self.quick
        let together = try CLIRunner.run(["forecast", inline] + options)
        #expect(together.exitCode == 0, "\(together.stderr)")
        let apart = try CLIRunner.run(["forecast", history, "--future", future] + options)
        #expect(apart.exitCode == 0, "\(apart.stderr)")
        #expect(apart.stdout == together.stdout)
        // Six rows per series: as far as the future rows reach.
        #expect(apart.stdout.split(separator: "\n").dropFirst().count == 12)

        // A series without rows in the future file fails alone, naming both.
        let onlyA = try folder.write("only-a.csv", files.future.split(separator: "\n").filter { !$0.hasPrefix("B,") }.joined(separator: "\n") + "\n")
        let missing = try CLIRunner.run(["forecast", history, "--future", onlyA] + options)
        #expect(missing.exitCode == 65)
        #expect(missing.stderr.contains("no rows for series \"B\""), "\(missing.stderr)")
        #expect(missing.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("A,") })

        // Future rows in both places compete.
        let twice = try CLIRunner.run(["forecast", inline, "--future", future] + options)
        #expect(twice.exitCode == 65)
        #expect(twice.stderr.contains("give the future in one place"), "\(twice.stderr)")
        // A global model takes them from either place alike.
        let globalTogether = try CLIRunner.run(["forecast", inline, "--global"] + options)
        #expect(globalTogether.exitCode == 0, "\(globalTogether.stderr)")
        let globalApart = try CLIRunner.run(["forecast", history, "--future", future, "--global"] + options)
        #expect(globalApart.exitCode == 0, "\(globalApart.stderr)")
        #expect(globalApart.stdout == globalTogether.stdout)
        let globalMissing = try CLIRunner.run(["forecast", history, "--future", onlyA, "--global"] + options)
        #expect(globalMissing.exitCode == 65)
        #expect(globalMissing.stderr.contains("no rows for series \"B\""), "\(globalMissing.stderr)")
    }
}
