import Foundation
import Testing
@testable import ForecastEvaluation

/// The Swift ARIMA against statsforecast's on the bundled series, in the two layers of
/// `StatisticalReferenceTests`: the equations (statsforecast's coefficients through the Swift Kalman
/// filter give its likelihood and forecasts to rounding), then the fits (the Swift optimiser reaches
/// the same likelihood and forecasts for the same order).
struct ARIMAReferenceTests {
    static let reference = ARIMAReference.shared

    @Test func theFixtureNamesItsStatsforecastVersion() {
        #expect(Self.reference.statsforecast_version == "2.1.1")
        #expect(Self.reference.series.count == 5)
    }

    @Test(arguments: reference.series)
    func statsforecastCoefficientsGiveItsLikelihoodAndForecasts(series: ARIMAReference.Series) throws {
        for fit in series.fixed + [series.auto] {
            let order = fit.order(period: series.season_period)
            let coefficients = fit.coefficients(period: series.season_period)
            let value = try #require(ARIMAModel.negativeTwiceLogLikelihood(of: coefficients, order: order, values: series.values))
            let model = ARIMAModel(order: order, coefficients: coefficients, estimation: .conditionalThenMaximumLikelihood,
                                   negativeTwiceLogLikelihood: value, variance: 1, count: series.values.count)
            let forecast = try model.forecast(after: series.values, horizon: series.horizon)
            let likelihoodDifference = abs(-0.5 * value - fit.loglik) / abs(fit.loglik)
            let forecastDifference = StatisticalReference.relativeDifference(forecast, fit.forecasts)
            print("ARIMA equations \(series.name) \(order): loglik \(-0.5 * value) vs \(fit.loglik) rel \(likelihoodDifference), AICc \(model.aicc) vs \(fit.aicc), forecasts rel \(forecastDifference)")
            #expect(likelihoodDifference < 1e-9, "\(series.name) \(order)")
            #expect(abs(model.aicc - fit.aicc) < 1e-6 * abs(fit.aicc), "\(series.name) \(order)")
            #expect(forecastDifference < 1e-9, "\(series.name) \(order)")
        }
    }
}
