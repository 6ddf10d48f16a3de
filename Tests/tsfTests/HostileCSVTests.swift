import Foundation
import Testing
import _ForecastTestSupport

/// CSV files people really download, and worse, fed to `tsf forecast`: each must end with one clear
/// sentence on stderr and the exit code of docs/architecture.md (65 bad data, 66 unreadable, 64 usage), never a
/// crash or a plausible-looking forecast of nonsense.
@Suite struct HostileCSVTests {
    private func forecast(_ path: String, _ extra: [String] = []) throws -> CLIRunner.Outcome {
        try CLIRunner.run(["forecast", path, "--column", "Close"] + tinyModel + extra)
    }

    /// The last line of stderr: the error, after any notes printed while fitting.
    private func lastLine(_ outcome: CLIRunner.Outcome) -> String {
        outcome.stderr.split(separator: "\n").last.map(String.init) ?? ""
    }

    @Test func emptyFile() throws {
        let files = try HostileFiles()
        let path = try files.write("empty.csv", text: "")
        let outcome = try forecast(path)
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr == "tsf: \(path) is empty: a CSV file needs a header line.\n")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func headerOnly() throws {
        let files = try HostileFiles()
        let path = try files.write("header.csv", text: "Date,Close\n")
        let outcome = try forecast(path)
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr == "tsf: \(path) has a header but no data rows.\n")
    }

    /// One row is constant too, but what it lacks is rows: the message says so, naming the file,
    /// the column, the rows it has and the rows needed, for `forecast` and `train` alike.
    @Test(arguments: ["forecast", "train"])
    func oneDataRowIsTooShortNotConstant(command: String) throws {
        let files = try HostileFiles()
        let path = try files.writeSeries("one.csv", ["1.5"])
        let out = command == "train" ? ["--out", files.path("model.safetensors")] : []
        let outcome = try CLIRunner.run([command, path, "--column", "Close", "--lookback", "4", "--horizon", "3"] + out + tinyModel)
        #expect(outcome.exitCode == 65)
        #expect(lastLine(outcome) == "tsf: \(path): column \"Close\" has 1 usable row but needs at least 10 (lookback 4 + horizon 3, plus validation); lower --lookback or --horizon, or set --validation-fraction 0.")
        #expect(outcome.stdout.isEmpty)
    }

    /// A few equal values: too short comes first, so the user is not told to expect that value.
    @Test func aShortConstantSeriesIsTooShort() throws {
        let files = try HostileFiles()
        let path = try files.writeSeries("short.csv", ["5", "5", "5"])
        let outcome = try forecast(path, ["--lookback", "4", "--horizon", "3", "--validation-fraction", "0"])
        #expect(outcome.exitCode == 65)
        #expect(lastLine(outcome).hasPrefix("tsf: \(path): column \"Close\" has 3 usable rows but needs at least 7 (lookback 4 + horizon 3"))
    }

    @Test func seriesShorterThanTheLookback() throws {
        let files = try HostileFiles()
        let path = try files.writeRandomWalk("short.csv", count: 30)
        let outcome = try forecast(path, ["--lookback", "40", "--horizon", "3"])
        #expect(outcome.exitCode == 65)
        #expect(lastLine(outcome).contains("\(path): column \"Close\" has 30 usable rows but needs at least"))
        #expect(lastLine(outcome).contains("lookback 40 + horizon 3"))
        #expect(lastLine(outcome).contains("lower --lookback or --horizon"))
    }

    @Test func allValuesMissing() throws {
        let files = try HostileFiles()
        let path = try files.writeSeries("missing.csv", Array(repeating: nil, count: 40))
        let strict = try forecast(path, ["--missing-policy", "error"])
        #expect(strict.exitCode == 65)
        #expect(strict.stderr.hasPrefix("tsf: \(path):2: column \"Close\" has a missing value"))
        #expect(strict.stderr.contains("--missing-policy"))
        // By default missing rows are filled or dropped: a column with no value at all is named.
        let outcome = try forecast(path)
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr.hasPrefix("tsf: \(path): column \"Close\" has no values: it is missing on all 40 rows."), "\(outcome.stderr)")
    }

    @Test func constantSeries() throws {
        let files = try HostileFiles()
        let path = try files.writeSeries("constant.csv", Array(repeating: "5", count: 80))
        let outcome = try forecast(path)
        #expect(outcome.exitCode == 65)
        #expect(lastLine(outcome) == "tsf: \(path): column \"Close\": every value is 5.0, so there is nothing for a model to learn; `tsf forecast` with the automatic method (no --method) forecasts it as that value.")
        #expect(outcome.stdout.isEmpty)
        let train = try CLIRunner.run(["train", path, "--column", "Close", "--out", files.path("model.safetensors")])
        #expect(train.exitCode == 65)
        #expect(lastLine(train).hasPrefix("tsf: \(path): column \"Close\": every value is 5.0"), "\(train.stderr)")
        let automatic = try CLIRunner.run(["forecast", path, "--column", "Close", "--horizon", "2"])
        #expect(automatic.exitCode == 0, "\(automatic.stderr)")
    }

    @Test(arguments: [("NaN", "has a missing value"), ("nan", "has a missing value")])
    func notANumberIsMissing(token: String, fragment: String) throws {
        let files = try HostileFiles()
        var values = HostileFiles.randomWalk(count: 80, seed: 3).map { String($0) } as [String?]
        values[10] = token
        let path = try files.writeSeries("nan.csv", values)
        let outcome = try forecast(path, ["--missing-policy", "error"])
        #expect(outcome.exitCode == 65)
        // Row 10 of the data is line 12 of the file (the header is line 1).
        #expect(outcome.stderr.hasPrefix("tsf: \(path):12: column \"Close\" \(fragment)"))
    }

    @Test(arguments: ["inf", "-inf", "Infinity", "-Infinity", "1e999"])
    func infinityIsRefusedWithItsLine(token: String) throws {
        let files = try HostileFiles()
        var values = HostileFiles.randomWalk(count: 80, seed: 4).map { String($0) } as [String?]
        values[20] = token
        let path = try files.writeSeries("inf.csv", values)
        let outcome = try forecast(path)
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr == "tsf: \(path):22: column \"Close\": \"\(token)\" is infinite; a forecaster needs finite numbers.\n")
    }

    /// Values near the ends of the usable range must forecast on their own scale: before the
    /// scaler measured spread relative to the largest deviation, 1e-300 came out as 0.5 and 1e300
    /// diverged to an infinite loss. (1e97 times a walk near 100 stays under the ±1e100 allowed.)
    @Test(arguments: [1e97, 1e-300])
    func extremeMagnitudesForecastOnTheirOwnScale(scale: Double) throws {
        let files = try HostileFiles()
        let path = try files.writeRandomWalk("extreme.csv", count: 120, scale: scale)
        let outcome = try forecast(path, ["--format", "csv", "--horizon", "3", "--transform", "none"])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        let rows = outcome.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 3)
        for row in rows {
            let value = try #require(row.split(separator: ",").last.flatMap { Double($0) })
            // The walk stays within 90…110 times the scale; a forecast a hundred times outside is nonsense.
            #expect(value.isFinite && abs(value) > scale && abs(value) < 1000 * scale, "\(row)")
        }
    }

    /// Values beyond ±1e100, where squared errors and sums overflow, are refused naming the line,
    /// where a column near the largest double printed infinite widths and a zero sMAPE.
    @Test func valuesBeyondTheUsableMagnitudeAreRefused() throws {
        let files = try HostileFiles()
        let path = try files.writeRandomWalk("huge.csv", count: 60, scale: 1e300)
        for command in ["forecast", "backtest"] {
            let outcome = try CLIRunner.run([command, path, "--column", "Close"])
            #expect(outcome.exitCode == 65)
            #expect(outcome.stderr.contains("huge.csv:2: column \"Close\": ") && outcome.stderr.contains("is beyond ±1e100"), "\(outcome.stderr)")
        }
    }

    @Test func negativeValuesUnderALogTransform() throws {
        let files = try HostileFiles()
        var values = HostileFiles.randomWalk(count: 80, seed: 5).map { String($0) } as [String?]
        values[6] = "-2.5"
        let path = try files.writeSeries("negative.csv", values)
        let outcome = try forecast(path, ["--transform", "log"])
        #expect(outcome.exitCode == 65)
        #expect(lastLine(outcome) == "tsf: The log transform needs positive values, but row 7 holds -2.5; train with --transform difference or none.")
    }

    /// Bytes that are not UTF-8 make the file Windows-1252 text; what they spell in a column of
    /// numbers is then named as no number, with its line.
    @Test func textThatIsNotUTF8IsReadAndItsBadValueNamed() throws {
        let files = try HostileFiles()
        let path = try files.write("latin1.csv", bytes: Array("Date,Close\n2000-01-01,1\n2000-01-02,".utf8) + [0xFF, 0xFE] + Array("2\n".utf8))
        let outcome = try forecast(path)
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr.hasSuffix("tsf: \(path):3: column \"Close\": \"ÿþ2\" is not a number.\n"), "\(outcome.stderr)")
    }

    @Test func binaryFile() throws {
        let files = try HostileFiles()
        var state: UInt32 = 12345
        let bytes = (0..<4096).map { _ -> UInt8 in
            state = state &* 1_103_515_245 &+ 12345
            return UInt8(truncatingIfNeeded: state >> 16)
        }
        let path = try files.write("image.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0] + bytes)
        let outcome = try forecast(path)
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr.hasPrefix("tsf: \(path):"))
        #expect(outcome.stderr.contains("looks like a binary file, not CSV text."))
    }

    @Test func directoryInsteadOfAFile() throws {
        let files = try HostileFiles()
        let outcome = try forecast(files.folder.path)
        #expect(outcome.exitCode == 66)
        #expect(outcome.stderr == "tsf: \(files.folder.path) is a directory, not a CSV file.\n")
    }

    @Test func missingFile() throws {
        let files = try HostileFiles()
        let outcome = try forecast(files.path("absent.csv"))
        #expect(outcome.exitCode == 66)
        #expect(outcome.stderr == "tsf: \(files.path("absent.csv")): no such file.\n")
    }

    /// Root reads every file whatever its permissions, so this case only runs for other users.
    @Test(.enabled(if: getuid() != 0, "root reads files whatever their permissions, so no file is unreadable"))
    func fileWithoutReadPermission() throws {
        let files = try HostileFiles()
        let path = try files.writeRandomWalk("locked.csv", count: 40)
        #expect(chmod(path, 0) == 0)
        let outcome = try forecast(path)
        #expect(outcome.exitCode == 66)
        #expect(outcome.stderr.hasPrefix("tsf: \(path)"))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
    }

    @Test func missingColumnListsTheColumns() throws {
        let files = try HostileFiles()
        let path = try files.writeRandomWalk("walk.csv", count: 40)
        let outcome = try CLIRunner.run(["forecast", path, "--column", "Price"] + tinyModel)
        #expect(outcome.exitCode == 64)
        #expect(outcome.stderr == "tsf: \(path) has no column \"Price\"; its columns are \"Date\", \"Close\".\n")
    }

    @Test func twoColumnsWithTheSameName() throws {
        let files = try HostileFiles()
        var text = "Date,Close,Close\n"
        for day in 0..<40 { text += "\(HostileFiles.date(day)),\(100 + day),\(200 + day)\n" }
        let path = try files.write("twice.csv", text: text)
        let outcome = try forecast(path)
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr == "tsf: \(path): the header names column \"Close\" more than once.\n")
    }

    /// Found while writing this suite: a field of five million digits was quoted whole, printing
    /// five megabytes to stderr; messages now quote its start and its length.
    @Test func hugeFieldIsQuotedShortly() throws {
        let files = try HostileFiles()
        let path = try files.write("long.csv", text: "Date,Close\n2000-01-01,x" + String(repeating: "7", count: 5_000_000) + "\n2000-01-02,2\n")
        let outcome = try forecast(path)
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr.utf8.count < 500)
        #expect(outcome.stderr.hasPrefix("tsf: \(path):2: column \"Close\": \"x777"))
        #expect(outcome.stderr.contains("… (5000001 characters)\" is not a number"))
    }

    @Test func fiftyThousandColumnsAreInspected() throws {
        let files = try HostileFiles()
        let count = 50_000
        let header = (0..<count).map { "c\($0)" }.joined(separator: ",")
        let row = Array(repeating: "1", count: count).joined(separator: ",")
        let path = try files.write("wide.csv", text: header + "\n" + row + "\n" + row + "\n")
        let outcome = try CLIRunner.run(["inspect", "--format", "json", path])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect((object["columns"] as? [Any])?.count == count)
    }

    @Test func unclosedQuoteNamesItsLine() throws {
        let files = try HostileFiles()
        let path = try files.write("quote.csv", text: "Date,Close\n2000-01-01,\"1\n" + String(repeating: "x", count: 100) + "\n")
        let outcome = try forecast(path)
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr == "tsf: \(path):2: malformed quoting (a quote inside an unquoted field, or a quoted field that is never closed).\n")
    }
}

/// Missing values no longer stop a forecast: interior gaps are interpolated and counted, as a daily
/// economic series with `.` on holidays needs.
@Suite struct MissingValueDefaultTests {
    @Test func gapsAreFilledAndCounted() throws {
        let files = try HostileFiles()
        var values = HostileFiles.randomWalk(count: 80, seed: 5).map { String($0) } as [String?]
        values[10] = "."
        values[40] = ""
        values[79] = "."
        let path = try files.writeSeries("gaps.csv", values)
        let outcome = try CLIRunner.run(["forecast", path, "--column", "Close", "--horizon", "2", "--epochs", "1", "--hidden", "4"])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("column \"Close\" has 3 missing values: 2 filled (linear interpolation), 1 row dropped"), "\(outcome.stderr)")
    }
}

/// A file too short for even one backtest fold is a usage error (the horizon asks too much of it)
/// whose sentence names the file and the column, as every error about a file's data does.
@Suite struct ShortBacktestFileTests {
    @Test func theSentenceNamesTheFileAndColumn() throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("short.csv", count: 20)
        let outcome = try CLIRunner.run(["backtest", data, "--column", "Close", "--horizon", "12"])
        #expect(outcome.exitCode == 64)
        let first = outcome.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("Error: \(data): column \"Close\" has 20 rows: too few for a fold with horizon 12, lookback "),
                "\(outcome.stderr)")
        #expect(first.hasSuffix("; lower --horizon, --lookback, --season or --folds, or place the first fold yourself with --start (a row number, e.g. --start 8 --stride 1)."),
                "\(first)")
        // The start it offers runs (its first folds get the simple forecast where the network cannot fit).
        let started = try CLIRunner.run(["backtest", data, "--column", "Close", "--horizon", "12", "--start", "8", "--stride", "1",
                                         "--baselines", "naive", "--epochs", "1"])
        #expect(started.exitCode == 0, "\(started.stderr)")
        #expect(started.stdout.contains("1 fold of 12 steps"), "\(started.stdout)")
        // The usage shown is the backtest's, whose options the sentence names, not the root command's.
        #expect(outcome.stderr.contains("\nUsage: tsf backtest [<options>] <file>\n  See 'tsf backtest --help'"), "\(outcome.stderr)")
    }

    /// Where the floor of 20 rows before a fold binds, smaller settings cannot help: the sentence
    /// names --start, and the start it suggests runs.
    @Test func atTheFloorOfTwentyRowsTheSentenceNamesStart() throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("twenty.csv", count: 20)
        let outcome = try CLIRunner.run(["backtest", data, "--column", "Close", "--horizon", "1", "--lookback", "1", "--season", "1"])
        #expect(outcome.exitCode == 64)
        #expect(outcome.stderr.contains("which needs 20 rows before it and 1 after; place the first fold yourself with --start (a row number, e.g. --start 10 --stride 1)."),
                "\(outcome.stderr)")
        let started = try CLIRunner.run(["backtest", data, "--column", "Close", "--horizon", "1", "--start", "10", "--stride", "1",
                                         "--baselines", "naive", "--epochs", "1", "--hidden", "2"])
        #expect(started.exitCode == 0, "\(started.stderr)")
    }

    /// A weekly series of 60 rows scores MASE over a season of 52, and two seasons do not fit
    /// before any fold: the sentence says so, with the rows a fold needs, and names --season.
    @Test func aSeasonTooLongForTheSeriesIsNamed() throws {
        let files = try HostileFiles()
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withFullDate]
        var csv = "date,value\n"
        for row in 0..<60 {
            let date = Date(timeIntervalSince1970: 1_200_000_000 + Double(row) * 7 * 86_400)
            csv += "\(format.string(from: date)),\(100 + row % 7)\n"
        }
        let data = try files.write("weekly.csv", text: csv)
        let outcome = try CLIRunner.run(["backtest", data, "--column", "value", "--horizon", "3", "--folds", "2"])
        #expect(outcome.exitCode == 64)
        #expect(outcome.stderr.contains("season 52, which needs 105 rows before it and 3 after"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("--season"))
    }

    /// Counts far beyond the series are refused as too few rows, not by a crash in the arithmetic;
    /// more folds than fit run as many as fit, with a warning.
    @Test(arguments: [("--horizon", "10000000", Int32(64)), ("--season", "9223372036854775807", Int32(64)),
                      ("--lookback", "10000000", Int32(64)), ("--folds", "9223372036854775807", Int32(0))])
    func hugeCountsAreRefusedOrCapped(option: String, value: String, exitCode: Int32) throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 120)
        let outcome = try CLIRunner.run(["backtest", data, "--column", "Close", "--baselines", "naive", "--epochs", "1", option, value])
        #expect(outcome.exitCode == exitCode, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(exitCode == 0 ? "folds fit in 120 rows" : "too few for a fold"), "\(outcome.stderr)")
    }
}
