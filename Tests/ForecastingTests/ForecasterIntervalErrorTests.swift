import Foundation
import Testing
import Forecasting

/// Intervals of a model with feature columns are refused with an error that says so, not with the
/// message about forecasting past the horizon.
struct ForecasterIntervalErrorTests {
    @Test func intervalsOfAModelWithFeaturesAreRefusedWithTheirOwnError() throws {
        var configuration = ForecasterConfiguration()
        configuration.lookback = 4
        configuration.horizon = 2
        configuration.hiddenSize = 4
        configuration.epochs = 1
        configuration.transform = TransformKind.none
        let values = (0..<60).map { sin(Double($0)) }
        let forecaster = try Forecaster.fit(values: values, features: [values.map { $0 * 2 }],
                                            configuration: configuration)
        let error = try #require(throws: ForecasterError.self) {
            try forecaster.intervals(levels: [0.8], steps: 2, history: values)
        }
        #expect(error == .intervalsNeedUnivariateModel(features: 1))
        let message = try #require(error.errorDescription)
        #expect(message.contains("feature columns"))
        #expect(!message.contains("horizon"))
    }
}
