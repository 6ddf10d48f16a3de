import Foundation
import Testing
import ForecastEvaluation

/// A baseline's error must describe itself through `LocalizedError`, so apps and the command line
/// show the sentence rather than a generic "operation could not be completed".
struct BaselineErrorTests {
    @Test func tooShortAHistoryDescribesTheMethodAndBothCounts() throws {
        let error = try #require(throws: BaselineError.self) {
            try SeasonalNaiveForecast(seasonPeriod: 12).fit(history: [1, 2, 3])
        }
        let message = try #require((error as LocalizedError).errorDescription)
        #expect(message.contains("seasonal-naive"))
        #expect(message.contains("12"))
        #expect(message.contains("3"))
        #expect(error.localizedDescription == message)
    }
}
