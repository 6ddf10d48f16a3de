import Testing
@testable import ForecastActions

/// The aligned table lines its columns up on a terminal, whatever script an id is written in.
@Suite struct TextTableTests {
    @Test func wideAndCombiningCharactersAreMeasuredAsATerminalShowsThem() {
        #expect(TextTable.displayWidth("AAPL") == 4)
        #expect(TextTable.displayWidth("日本") == 4)
        #expect(TextTable.displayWidth("e\u{301}") == 1)
        #expect(TextTable.displayWidth("ＡＢ") == 4)
    }

    @Test func columnsLineUpWithAWideId() {
        let table = TextTable.aligned([["id", "MAE"], ["日本", "1.5"], ["AAPL", "12.25"]])
        let lines = table.split(separator: "\n").map(String.init)
        // Every line ends at the same terminal column.
        #expect(Set(lines.map(TextTable.displayWidth)).count == 1, "\(table)")
        #expect(lines[1] == "日本    1.5")
    }

    @Test func forecastsOfMillionsKeepEveryWholeDigitWithoutAnExponent() {
        #expect(TextTable.number(1_493_548.1) == "1493548")
        #expect(TextTable.number(-2_500_000_000) == "-2500000000")
        #expect(TextTable.number(123.456789) == "123.457")
        #expect(TextTable.number(0.012345678) == "0.0123457")
        #expect(TextTable.number(56.1374) == "56.1374")
        #expect(TextTable.number(12) == "12")
        #expect(TextTable.number(0) == "0")
        #expect(TextTable.number(-0.0000001) == "-1e-07")
        #expect(TextTable.number(3e20) == "3e+20")
        #expect(TextTable.number(.infinity) == "inf")
    }

    @Test func aRowsNumbersThatDifferPrintDifferently() {
        // Six digits would print all three as 1000000.
        #expect(TextTable.distinctNumbers([999_999.7, 999_999.2, 1_000_000.1]) == ["999999.7", "999999.2", "1000000"])
        // Only as many digits as tell them apart; equal values stay equal, and a missing bound reads undefined.
        #expect(TextTable.distinctNumbers([56.13741, 56.13742, nil]) == ["56.13741", "56.13742", "undefined"])
        #expect(TextTable.distinctNumbers([56.1374, 56.1374, 60]) == ["56.1374", "56.1374", "60"])
        #expect(TextTable.distinctNumbers([1, 1 + 1e-14]) == ["1", "1.00000000000001"])
    }

    @Test func metricsShowFourSignificantDigitsAndWholeNumbersInFull() {
        #expect(TextTable.metric(0.87364) == "0.8736")
        #expect(TextTable.metric(23049.5) == "23050")
        #expect(TextTable.metric(1.0) == "1")
        #expect(TextTable.metric(-0.00049999) == "-0.0005")
        #expect(TextTable.metric(nil) == "undefined")
    }
}
