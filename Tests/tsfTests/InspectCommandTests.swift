import Foundation
import Testing
import _ForecastTestSupport

/// `tsf inspect` as users run it: the built binary, its output, its messages and its exit codes.
@Suite struct InspectCommandTests {
    private func fixture(_ name: String) -> String { IOFixtures.fixture(name).path }

    @Test func goodFilePrintsTheReport() throws {
        let outcome = try CLIRunner.run(["inspect", fixture("good_prices.csv")])
        #expect(outcome.exitCode == 0)
        #expect(outcome.stderr.isEmpty)
        #expect(outcome.stdout.contains("Rows:        6"))
        #expect(outcome.stdout.contains("Time column: Date, ISO 8601 date (YYYY-MM-DD)"))
        #expect(outcome.stdout.contains("Range:       2021-01-04 … 2021-01-11"))
        #expect(outcome.stdout.contains("Frequency:   trading days"))
        let closeLine = try #require(outcome.stdout.split(separator: "\n").first { $0.hasPrefix("Close") })
        #expect(closeLine.split(separator: " ", omittingEmptySubsequences: true) == ["Close", "numeric", "0", "126.6", "129.828", "132.05"])
    }

    @Test func intradayBarsNameTheirSession() throws {
        var lines = ["time,price"]
        for day in 2 ... 6 {                                   // Monday 2 to Friday 6 November 2026
            for bar in 0 ..< 78 {
                let minute = 9 * 60 + 30 + 5 * bar
                lines.append(String(format: "2026-11-%02d %02d:%02d,%d", day, minute / 60, minute % 60, 100 + bar % 7))
            }
        }
        let folder = try ScratchFolder()
        let file = try folder.write("bars.csv", lines.joined(separator: "\n") + "\n")
        let text = try CLIRunner.run(["inspect", file])
        #expect(text.stdout.contains("Frequency:   every 5 minutes in sessions 09:30–15:55, season period 78\n"), "\(text.stdout)")
        let outcome = try CLIRunner.run(["inspect", "--format", "json", file])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let time = try #require(object["time"] as? [String: Any])
        #expect(time["session"] as? [String: String] == ["first_bar": "09:30", "last_bar": "15:55", "hours": "09:30–15:55"])
        #expect(time["season_period"] as? Int == 78)
    }

    /// Hourly currency bars from Sunday 22:00 to Friday 21:00 (UTC) over three weeks, one bar missing.
    @Test func barsThatStopForTheWeekendNameTheirWeeklyHours() throws {
        var lines = ["time,rate"]
        for day in 7...26 {   // 7 January 2024 was a Sunday
            let weekday = (day - 7) % 7   // 0 = Sunday
            for hour in 0..<24 where (weekday == 0 && hour >= 22) || (1...4).contains(weekday) || (weekday == 5 && hour <= 21) {
                if day == 10 && hour == 13 { continue }
                lines.append(String(format: "2024-01-%02d %02d:00,%.4f", day, hour, 1.1 + Double(hour) / 1000))
            }
        }
        let folder = try ScratchFolder()
        let file = try folder.write("fx.csv", lines.joined(separator: "\n") + "\n")
        let text = try CLIRunner.run(["inspect", file])
        #expect(text.stdout.contains("Frequency:   hourly from Sunday 22:00 to Friday 21:00, season period 24, 1 step absent from its calendar\n"), "\(text.stdout)")
        #expect(!text.stdout.contains("without a row"))
        let outcome = try CLIRunner.run(["inspect", "--format", "json", file])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let time = try #require(object["time"] as? [String: Any])
        #expect(time["weekly_hours"] as? [String: String] == ["first_bar": "Sunday 22:00", "last_bar": "Friday 21:00"])
        #expect(time["missing_steps"] as? Int == 1)
        #expect(time["last"] as? String == "2024-01-26 21:00")
    }

    @Test func goodFileAsJSONHasStableKeys() throws {
        let outcome = try CLIRunner.run(["inspect", "--format", "json", fixture("good_prices.csv")])
        #expect(outcome.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["file", "delimiter", "decimal_separator", "rows", "time", "columns", "warnings", "long_format"])
        #expect(object["long_format"] is NSNull)
        #expect(object["rows"] as? Int == 6)
        #expect(object["delimiter"] as? String == ",")
        let time = try #require(object["time"] as? [String: Any])
        #expect(Set(time.keys) == ["column", "format", "first", "last", "frequency", "season_period", "missing_steps", "exchange",
                                   "session", "weekly_hours"])
        #expect(time["exchange"] is NSNull)                               // six rows hold no holiday
        #expect(time["session"] is NSNull)                                // daily rows have no hours
        #expect(time["weekly_hours"] is NSNull)
        #expect(time["first"] as? String == "2021-01-04")
        #expect(time["season_period"] as? Int == 5)
        let columns = try #require(object["columns"] as? [[String: Any]])
        #expect(columns.count == 6)
        let date = try #require(columns.first)
        #expect(Set(date.keys) == ["name", "type", "missing", "min", "mean", "max"])
        #expect(date["min"] is NSNull)
        let close = try #require(columns.first { $0["name"] as? String == "Close" })
        #expect(close["type"] as? String == "numeric")
        #expect(close["max"] as? Double == 132.05)
    }

    @Test func standardInputIsReadWithDash() throws {
        let text = try Data(contentsOf: IOFixtures.fixture("good_prices.csv"))
        let outcome = try CLIRunner.run(["inspect", "--format", "json", "-"], stdin: text)
        #expect(outcome.exitCode == 0)
        #expect(outcome.stdout.contains("\"rows\" : 6"))
        #expect(outcome.stdout.contains("\"file\" : \"<stdin>\""))
    }

    @Test func emptyFileIsBadData() throws {
        let outcome = try CLIRunner.run(["inspect", fixture("empty.csv")])
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr == "tsf: \(fixture("empty.csv")) is empty: a CSV file needs a header line.\n")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func headerOnlyIsBadData() throws {
        let outcome = try CLIRunner.run(["inspect", fixture("header_only.csv")])
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr == "tsf: \(fixture("header_only.csv")) has a header but no data rows.\n")
    }

    @Test func directoryIsInputUnavailable() throws {
        let directory = IOFixtures.fixture("").path
        let outcome = try CLIRunner.run(["inspect", directory])
        #expect(outcome.exitCode == 66)
        #expect(outcome.stderr.contains("is a directory, not a CSV file."))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
    }

    @Test func missingFileIsInputUnavailable() throws {
        let outcome = try CLIRunner.run(["inspect", "/nonexistent/prices.csv"])
        #expect(outcome.exitCode == 66)
        #expect(outcome.stderr == "tsf: /nonexistent/prices.csv: no such file.\n")
    }

    @Test func unknownColumnListsTheAvailableOnes() throws {
        let outcome = try CLIRunner.run(["inspect", "--date-column", "Day", fixture("good_prices.csv")])
        #expect(outcome.exitCode == 64)
        #expect(outcome.stderr.contains("has no column \"Day\"; its columns are \"Date\", \"Open\", \"High\", \"Low\", \"Close\", \"Volume\"."))
    }

    @Test func raggedRowNamesItsLine() throws {
        let outcome = try CLIRunner.run(["inspect", fixture("ragged.csv")])
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr == "tsf: \(fixture("ragged.csv")):4: the row has 2 fields but the header has 3.\n")
    }

    /// A Latin-1 `é` in the first rows: the file is read as Windows-1252, and the listing says so.
    @Test func textThatIsNotUTF8IsReadWithAWarning() throws {
        let outcome = try CLIRunner.run(["inspect", fixture("invalid_utf8.csv")])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("invalid_utf8.csv is not UTF-8; it was read as Windows-1252"), "\(outcome.stdout)")
    }

    @Test func warningsAreListed() throws {
        let outcome = try CLIRunner.run(["inspect", fixture("gaps.csv")])
        #expect(outcome.exitCode == 0)
        #expect(outcome.stdout.contains("Warnings:"))
        #expect(outcome.stdout.contains("column \"Close\" has 2 missing values."))
    }

    @Test func naiveTimestampsAreShownWithoutAZone() throws {
        let files = try HostileFiles()
        let path = try files.write("naive.csv", text: "time,load\n2021-03-01T00:00:00,1\n2021-03-01T01:00:00,2\n2021-03-01T02:00:00,3\n")
        let text = try CLIRunner.run(["inspect", path])
        #expect(text.exitCode == 0)
        #expect(text.stdout.contains("Range:       2021-03-01T00:00:00 … 2021-03-01T02:00:00\n"))
        let json = try CLIRunner.run(["inspect", "--format", "json", path])
        #expect(json.stdout.contains("\"first\" : \"2021-03-01T00:00:00\""))
        #expect(json.stdout.contains("\"last\" : \"2021-03-01T02:00:00\""))
    }

    @Test func badOptionValueIsAUsageError() throws {
        let outcome = try CLIRunner.run(["inspect", "--decimal", "x", fixture("good_prices.csv")])
        #expect(outcome.exitCode == 64)
        #expect(outcome.stderr.contains("--decimal must be . or ,"))
    }

    @Test func longFormatIsDescribedWithItsSeries() throws {
        let described = try CLIRunner.run(["inspect", fixture("long_format.csv")])
        #expect(described.exitCode == 0)
        #expect(described.stdout.contains("Series:      "))
        #expect(described.stdout.contains("series in column \"symbol\": AAA ("))
        #expect(described.stderr.contains("--id symbol --series AAA"))
        // With --id given, no note suggests giving it.
        let given = try CLIRunner.run(["inspect", "--id", "symbol", fixture("long_format.csv")])
        #expect(given.stdout == described.stdout)
        #expect(!given.stderr.contains("--id symbol"), "\(given.stderr)")
        let json = try CLIRunner.run(["inspect", "--id", "symbol", "--format", "json", fixture("long_format.csv")])
        #expect(json.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let long = try #require(object["long_format"] as? [String: Any])
        #expect(long["id_column"] as? String == "symbol")
        let series = try #require(long["series"] as? [[String: Any]])
        #expect(series.first?["id"] as? String == "AAA")
        #expect(series.map { $0["rows"] as? Int ?? 0 }.reduce(0, +) == object["rows"] as? Int)
        let picked = try CLIRunner.run(["inspect", "--id", "symbol", "--series", "BBB", "--format", "json", fixture("long_format.csv")])
        #expect(picked.exitCode == 0)
        #expect(picked.stdout.contains("\"rows\" : 3"))
    }

    /// Standard input is described as the same file would be, read once and kept for the passes a
    /// long-format file needs, where it was once "empty" on the second pass.
    @Test(arguments: [[String](), ["--id", "symbol"]])
    func longFormatOnStandardInputIsDescribedAsTheFile(options: [String]) throws {
        let path = fixture("long_format.csv")
        let text = try Data(contentsOf: URL(fileURLWithPath: path))
        let piped = try CLIRunner.run(["inspect", "-"] + options, stdin: text)
        let named = try CLIRunner.run(["inspect", path] + options)
        #expect(piped.exitCode == 0, "\(piped.stderr)")
        #expect(piped.stdout.replacingOccurrences(of: "<stdin>", with: path) == named.stdout)
    }

    @Test func csvOptionsReachTheReader() throws {
        let outcome = try CLIRunner.run(["inspect", "--format", "json", "--delimiter", ";", "--decimal", ",",
                                         "--missing", "NA,9616100", fixture("semicolon_decimal_comma.csv")])
        #expect(outcome.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(object["delimiter"] as? String == ";")
        #expect(object["decimal_separator"] as? String == ",")
        let columns = try #require(object["columns"] as? [[String: Any]])
        let close = try #require(columns.first { $0["name"] as? String == "Schluss" })
        #expect(close["min"] as? Double == -1.5)
        let volume = try #require(columns.first { $0["name"] as? String == "Volumen" })
        // 9616100 is declared a missing-value token, so it is counted and left out of the maximum.
        #expect(volume["missing"] as? Int == 1)
        #expect(volume["max"] as? Double == 2_779_100)
    }
}
