import Foundation
import Testing
import ForecastData

/// The error a log transform throws must read as a sentence a user can act on, wherever it is shown
/// through `localizedDescription`.
struct SeriesTransformErrorTests {
    @Test func aValueALogTransformCannotTakeIsNamedWithItsRowAndTheTransform() throws {
        let error = try #require(throws: SeriesTransform.InvalidValue.self) {
            try SeriesTransform.apply(.logReturn, to: [3, 1, -4])
        }
        let message = try #require((error as LocalizedError).errorDescription)
        #expect(message.contains("Row 3"))
        #expect(message.contains("-4.0"))
        #expect(message.contains("log-return"))
        #expect(error.localizedDescription == message)
    }
}
