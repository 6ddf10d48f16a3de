import Foundation
import Testing
@testable import ForecastEvaluation

/// statsforecast's ARIMA and AutoARIMA fits read from `Fixtures/arima_reference.json`, written by
/// `Utilities/ReferenceImplementations/make_arima_fixtures.py` (the fields are described there).
struct ARIMAReference: Decodable {
    struct KPSS: Decodable {
        let lags: Int
        let statistic: Double
    }
    struct CSS: Decodable {
        let coef: [String: Double]
    }
    struct Fit: Decodable {
        /// p, d, q, P, D, Q.
        let order: [Int]
        let constant: Bool
        let coef: [String: Double]
        let loglik: Double
        /// The exact log-likelihood of `coef` from a fresh prior (differs from `loglik` where
        /// statsforecast's optimiser saw its reused prior).
        let exact_loglik: Double
        let aic: Double
        let aicc: Double
        let forecasts: [Double]
        let css: CSS?
    }
    struct Series: Decodable {
        let name: String
        let season_period: Int
        let horizon: Int
        let values: [Double]
        let kpss: KPSS
        let seasonal_strength: Double?
        let nsdiffs: Int
        let ndiffs: Int
        let auto: Fit
        let fixed: [Fit]
    }
    let statsforecast_version: String
    let series: [Series]

    static let shared: ARIMAReference = StatisticalReference.fixture("arima_reference.json")
}

extension ARIMAReference.Fit {
    func order(period: Int) -> ARIMAOrder {
        ARIMAOrder(p: order[0], d: order[1], q: order[2], seasonalP: order[3], seasonalD: order[4], seasonalQ: order[5],
                   period: order[3] + order[4] + order[5] > 0 ? period : 1, constant: constant)
    }

    /// statsforecast's coefficients by name (ar1…, ma1…, sar1…, sma1…, intercept or drift).
    func coefficients(period: Int) -> ARIMACoefficients { Self.coefficients(coef, order: order(period: period)) }

    static func coefficients(_ coef: [String: Double], order o: ARIMAOrder) -> ARIMACoefficients {
        func named(_ prefix: String, _ count: Int) -> [Double] { (0..<count).map { coef["\(prefix)\($0 + 1)"]! } }
        return ARIMACoefficients(ar: named("ar", o.p), ma: named("ma", o.q), seasonalAR: named("sar", o.seasonalP),
                                 seasonalMA: named("sma", o.seasonalQ), constant: coef["intercept"] ?? coef["drift"] ?? 0)
    }
}

extension ARIMAReference.Series: CustomTestStringConvertible {
    var testDescription: String { name }
    /// The mean |y|, the floor of relative forecast differences (as `StatisticalReference`).
    var scale: Double { values.reduce(0) { $0 + abs($1) } / Double(values.count) }
}
