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
}
