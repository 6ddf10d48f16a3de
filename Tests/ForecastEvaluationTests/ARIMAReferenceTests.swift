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
            if Self.reportsExactLikelihood(fit) {
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

    /// statsforecast's reported likelihood is its coefficients' exact one everywhere but on the
    /// sunspots' differenced fits (`ARIMAEstimation.statsforecast`).
    static func reportsExactLikelihood(_ fit: ARIMAReference.Fit) -> Bool {
        abs(fit.loglik - fit.exact_loglik) <= 1e-9 * abs(fit.exact_loglik)
    }

    /// ARIMA(2,1,1)(0,1,0)[12] on AirPassengers has an MA root near −1, where the CSS surface has
    /// several minima: the Swift BFGS ends at a lower one (½ log σ² 2.3844 against statsforecast's 2.4003).
    static func hasLowerCSSMinimum(_ series: ARIMAReference.Series, _ order: ARIMAOrder) -> Bool {
        series.name == "airpassengers" && order.p == 2
    }

    @Test(arguments: reference.series)
    func conditionalSumOfSquaresMatchesStatsforecast(series: ARIMAReference.Series) throws {
        for fit in series.fixed {
            let order = fit.order(period: series.season_period)
            let css = try #require(fit.css)
            let model = try #require(ARIMAModel.fit(series.values, order: order, estimation: .conditionalSumOfSquares))
            let theirs = ARIMAReference.Fit.coefficients(css.coef, order: order)
            let difference = zip(model.coefficients.vector(order: order), theirs.vector(order: order))
                .map { abs($0 - $1) / max(abs($1), 0.01) }.max() ?? 0
            print("ARIMA CSS \(series.name) \(order): coefficients rel \(difference)")
            if Self.hasLowerCSSMinimum(series, order) {
                let css = ConditionalSumOfSquares.meanSquare(series.values, phi: model.coefficients.expandedAR(period: series.season_period),
                                                             theta: model.coefficients.expandedMA(period: series.season_period), order: order).value
                let statsforecast = ConditionalSumOfSquares.meanSquare(series.values, phi: theirs.expandedAR(period: series.season_period),
                                                                       theta: theirs.expandedMA(period: series.season_period), order: order).value
                #expect(css < statsforecast, "\(series.name) \(order)")
            } else {
                #expect(difference < 1e-3, "\(series.name) \(order)")
            }
        }
    }

    @Test(arguments: reference.series)
    func eachOrderFitsAsStatsforecastFitsIt(series: ARIMAReference.Series) throws {
        for fit in series.fixed where Self.reportsExactLikelihood(fit) {
            let order = fit.order(period: series.season_period)
            if Self.hasLowerCSSMinimum(series, order) { continue }
            let model = try #require(ARIMAModel.fit(series.values, order: order, estimation: .statsforecast))
            let forecast = try model.forecast(after: series.values, horizon: series.horizon)
            let difference = StatisticalReference.relativeDifference(forecast, fit.forecasts, floor: series.scale)
            let likelihoodDifference = abs(model.logLikelihood - fit.loglik) / abs(fit.loglik)
            print("ARIMA fit \(series.name) \(order): loglik \(model.logLikelihood) vs \(fit.loglik) rel \(likelihoodDifference), AICc \(model.aicc) vs \(fit.aicc), forecasts rel \(difference)")
            #expect(likelihoodDifference < 1e-6, "\(series.name) \(order)")
            #expect(difference < 1e-4, "\(series.name) \(order)")
        }
    }

    @Test(arguments: reference.series.filter { $0.season_period < 52 })
    func exactMaximumLikelihoodIsNeverWorse(series: ARIMAReference.Series) throws {
        for fit in series.fixed {
            let order = fit.order(period: series.season_period)
            let model = try #require(ARIMAModel.fit(series.values, order: order, estimation: .conditionalThenMaximumLikelihood))
            let gain = model.logLikelihood - fit.exact_loglik
            print("ARIMA exact ML \(series.name) \(order): loglik \(model.logLikelihood), statsforecast's coefficients \(fit.exact_loglik), gain \(gain)")
            #expect(gain > -1e-6 * abs(fit.exact_loglik), "\(series.name) \(order)")
        }
    }

    @Test(arguments: reference.series)
    func automaticSelectionMatchesAutoARIMA(series: ARIMAReference.Series) throws {
        let method = ARIMA(seasonPeriod: series.season_period)
        let differences = method.differences(series.values)
        #expect(differences.d == series.ndiffs && differences.seasonalD == series.nsdiffs, "\(series.name)")
        let model = try method.fit(history: series.values)
        let theirs = series.auto.order(period: series.season_period)
        let forecast = try model.forecast(after: series.values, horizon: series.horizon)
        let difference = StatisticalReference.relativeDifference(forecast, series.auto.forecasts, floor: series.scale)
        print("AutoARIMA \(series.name): swift \(model.order) AICc \(model.aicc), statsforecast \(theirs) AICc \(series.auto.aicc), forecasts rel \(difference)")
        if model.order != theirs {
            // US real GDP: the Swift CSS reaches lower minima on the way, and the search ends at
            // ARIMA(0,2,3)(2,0,0)[4], whose AICc is lower than that of statsforecast's choice.
            #expect(series.name == "macrodata_realgdp", "\(series.name)")
            #expect(model.aicc < series.auto.aicc, "\(series.name)")
        } else if Self.reportsExactLikelihood(series.auto) {
            #expect(abs(model.aicc - series.auto.aicc) < 1e-6 * abs(series.auto.aicc), "\(series.name)")
            #expect(difference < 1e-4, "\(series.name)")
        } else {
            // Sunspots: statsforecast's coefficients come from its altered objective; the same order
            // estimated by CSS forecasts within 2 % of the mean level.
            #expect(difference < 0.02, "\(series.name)")
        }
    }
}
