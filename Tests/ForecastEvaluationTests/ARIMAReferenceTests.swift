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
            let likelihoodDifference = abs(-0.5 * value - fit.exact_loglik) / abs(fit.exact_loglik)
            let forecastDifference = StatisticalReference.relativeDifference(forecast, fit.forecasts)
            print("ARIMA equations \(series.name) \(order): loglik \(-0.5 * value) vs \(fit.exact_loglik) rel \(likelihoodDifference), statsforecast's reported \(fit.loglik), forecasts rel \(forecastDifference)")
            #expect(likelihoodDifference < 1e-9, "\(series.name) \(order)")
            if fit.exact_loglik == fit.loglik {
                #expect(abs(model.aicc - fit.aicc) < 1e-9 * abs(fit.aicc), "\(series.name) \(order)")
            } else {
                // statsforecast's reused prior (make_arima_fixtures.py): only the sunspots' d = 1 fits,
                // whose first value is near zero, end away from the CSS estimates and report a
                // likelihood other than their coefficients' exact one.
                #expect(series.name == "sunspots_yearly" && order.d == 1, "\(series.name) \(order)")
            }
            #expect(forecastDifference < 1e-9, "\(series.name) \(order)")
        }
    }

    @Test(arguments: reference.series)
    func conditionalSumOfSquaresMatchesStatsforecast(series: ARIMAReference.Series) throws {
        for fit in series.fixed {
            let order = fit.order(period: series.season_period)
            let css = try #require(fit.css)
            let model = try #require(ARIMAModel.fit(series.values, order: order, estimation: .conditionalSumOfSquares))
            let theirs = ARIMAReference.Fit.coefficients(css.coef, order: order)
            let coefficientDifference = zip(model.coefficients.vector(order: order), theirs.vector(order: order))
                .map { abs($0 - $1) / max(abs($1), 1e-2) }.max() ?? 0
            let forecast = try model.forecast(after: series.values, horizon: series.horizon)
            let difference = StatisticalReference.relativeDifference(forecast, css.forecasts, floor: series.scale)
            print("ARIMA CSS \(series.name) \(order): coefficients rel \(coefficientDifference), forecasts rel \(difference)")
            // The CSS surface is smooth and both optimisers stop at its minimum.
            #expect(coefficientDifference < 1e-3, "\(series.name) \(order)")
            #expect(difference < 1e-4, "\(series.name) \(order)")
        }
    }

    @Test(arguments: reference.series)
    func maximumLikelihoodMatchesStatsforecast(series: ARIMAReference.Series) throws {
        for fit in series.fixed {
            let order = fit.order(period: series.season_period)
            let model = try #require(ARIMAModel.fit(series.values, order: order))
            let forecast = try model.forecast(after: series.values, horizon: series.horizon)
            let difference = StatisticalReference.relativeDifference(forecast, fit.forecasts, floor: series.scale)
            let likelihoodDifference = (model.logLikelihood - fit.exact_loglik) / abs(fit.exact_loglik)
            print("ARIMA ML \(series.name) \(order): loglik \(model.logLikelihood) vs \(fit.exact_loglik) rel \(likelihoodDifference), AICc \(model.aicc) vs \(fit.aicc), forecasts rel \(difference)")
            // Never worse than statsforecast's coefficients.
            #expect(likelihoodDifference > -1e-6, "\(series.name) \(order)")
            if order.d + order.seasonalD == 0 {
                // Undifferenced: statsforecast's likelihood optimisation is sound, and both reach the optimum.
                #expect(abs(likelihoodDifference) < 1e-6, "\(series.name) \(order)")
                #expect(difference < 1e-4, "\(series.name) \(order)")
            }
        }
    }
}
