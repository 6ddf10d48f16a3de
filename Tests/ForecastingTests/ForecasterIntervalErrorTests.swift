import Foundation
import Testing
import Forecasting

/// Intervals of a model with feature columns are refused with an error that says so, not with the
/// message about forecasting past the horizon.
struct ForecasterIntervalErrorTests {
    /// A small network of levels: lookback 4, horizon 2.
    static func configuration(epochs: Int) -> ForecasterConfiguration {
        var configuration = ForecasterConfiguration()
        configuration.lookback = 4
        configuration.horizon = 2
        configuration.hiddenSize = 4
        configuration.epochs = epochs
        configuration.transform = TransformKind.none
        return configuration
    }

    @Test func intervalsOfAModelWithFeaturesAreRefusedWithTheirOwnError() throws {
        let configuration = Self.configuration(epochs: 1)
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

    /// After `observe`, the history that ends where the forecaster was fitted gives intervals around
    /// a forecast it no longer makes: refused; the series with the observed values gives intervals
    /// around its forecast.
    @Test func intervalsNeedTheSeriesTheForecasterContinues() throws {
        var configuration = Self.configuration(epochs: 2)
        configuration.selection = .network
        let values = (0..<90).map { 10 + sin(Double($0) / 3) }
        var forecaster = try Forecaster.fit(values: Array(values.prefix(80)), configuration: configuration)
        for value in values[80...] { _ = try forecaster.observe(value) }
        #expect(throws: ForecasterError.self) { try forecaster.intervals(levels: [0.8], steps: 2, history: Array(values.prefix(80))) }
        let point = try forecaster.forecast(steps: 2)
        let interval = try #require(try forecaster.intervals(levels: [0.8], steps: 2, history: values).first)
        for step in 0..<2 {
            let low = try #require(interval.lower[step]), high = try #require(interval.upper[step])
            #expect(low <= point[step] && point[step] <= high)
        }
    }
}
