import Foundation
import Testing
import _ForecastTestSupport

/// `--exchange` and exchange detection through the built `tsf`: forecasts dated on sessions, and
/// `inspect` naming the exchange.
@Suite struct ExchangeCommandTests {
    /// A `Date,Close` file of weekdays from 2018-10-01 to 2018-12-31 with no gaps (so no exchange is
    /// detected), a gentle random walk.
    private func weekdaysEndingOnNewYearsEve(_ files: HostileFiles) throws -> String {
        var text = "Date,Close\n"
        var value = 100.0
        var offset = 0                                   // days since Monday 2018-10-01
        for (month, days) in [(10, 31), (11, 30), (12, 31)] {
            for day in 1...days {
                defer { offset += 1 }
                guard offset % 7 < 5 else { continue }
                value += Double(offset % 3) - 1
                text += String(format: "2018-%02d-%02d,%.1f\n", month, day, value)
            }
        }
        return try files.write("weekdays.csv", text: text)
    }

    private func forecastDates(_ arguments: [String]) throws -> [String] {
        let outcome = try CLIRunner.run(["forecast"] + arguments + ["--column", "Close", "--horizon", "3", "--format", "csv"] + tinyModel)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        return outcome.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
    }

    @Test func forcedExchangeSkipsNewYearsDay() throws {
        let files = try HostileFiles()
        let path = try weekdaysEndingOnNewYearsEve(files)
        #expect(try forecastDates([path]) == ["2019-01-01", "2019-01-02", "2019-01-03"])     // Monday to Friday
        #expect(try forecastDates([path, "--exchange", "XNYS"]) == ["2019-01-02", "2019-01-03", "2019-01-04"])
        #expect(try forecastDates([path, "--exchange", "xlon"]) == ["2019-01-02", "2019-01-03", "2019-01-04"])
    }

    @Test func detectedExchangeDatesTheSP500OnNYSESessions() throws {
        let dates = try forecastDates([IOFixtures.dataset("sp500_daily.csv").path])
        #expect(dates == ["2019-01-02", "2019-01-03", "2019-01-04"])
    }

    /// The S&P 500 written at midnight in Paris (`1999-01-04T00:00:00+01:00`, the evening before in
    /// UTC) is still on NYSE sessions, and its forecasts are dated on the file's own clock.
    @Test func datesWrittenEastOfUTCAreForecastOnTheirOwnSessions() throws {
        let lines = try String(contentsOf: IOFixtures.dataset("sp500_daily.csv"), encoding: .utf8).split(separator: "\n")
        let shifted = [String(lines[0])] + lines.dropFirst().map { line in
            let fields = line.split(separator: ",", maxSplits: 1)
            return "\(fields[0])T00:00:00+01:00,\(fields[1])"
        }
        let files = try HostileFiles()
        let path = try files.write("sp500_paris.csv", text: shifted.joined(separator: "\n") + "\n")
        #expect(try forecastDates([path]) == ["2019-01-02T00:00:00+01:00", "2019-01-03T00:00:00+01:00", "2019-01-04T00:00:00+01:00"])
        #expect(try CLIRunner.run(["inspect", path]).stdout.contains("Frequency:   trading days (XNYS sessions), season period 5\n"))
    }

    @Test func inspectNamesTheExchange() throws {
        let sp500 = IOFixtures.dataset("sp500_daily.csv").path
        let text = try CLIRunner.run(["inspect", sp500])
        #expect(text.stdout.contains("Frequency:   trading days (XNYS sessions), season period 5\n"))
        let json = try CLIRunner.run(["inspect", "--format", "json", sp500])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let time = try #require(object["time"] as? [String: Any])
        #expect(time["exchange"] as? String == "XNYS")
        #expect(time["frequency"] as? String == "trading days (Monday to Friday)")

        let files = try HostileFiles()
        let plain = try CLIRunner.run(["inspect", try weekdaysEndingOnNewYearsEve(files)])
        #expect(plain.stdout.contains("Frequency:   trading days (Monday to Friday), season period 5\n"))
    }

    @Test func unknownExchangeIsAUsageErrorListingTheCodes() throws {
        let outcome = try CLIRunner.run(["inspect", IOFixtures.dataset("sp500_daily.csv").path, "--exchange", "NASDAQ"])
        #expect(outcome.exitCode == 64)
        #expect(outcome.stderr.contains("--exchange must be one of XNYS, XLON, XTKS, XHKG, XFRA, not \"NASDAQ\"."))
    }
}
