import Foundation
import Testing
import Forecasting

/// Fit reports and methods as values scripts can store: they read back equal, with the validation
/// errors of every candidate.
@Suite struct FitReportCodingTests {
    @Test func aFitReportReadsBackEqual() throws {
        let values: [Double] = (0..<120).map { (month: Int) -> Double in
            let t = Double(month)
            return 10 + sin(t * 2 * Double.pi / 12) + t * 0.05
        }
        let forecaster = try Forecaster.fit(values: values, frequency: .monthly,
                                            configuration: ForecasterConfiguration(horizon: 3, epochs: 2, threads: 1))
        let report = try #require(forecaster.fitReport)
        #expect(!report.validationErrors.isEmpty)
        let decoded = try JSONDecoder().decode(FitReport.self, from: JSONEncoder().encode(report))
        #expect(decoded == report)
        #expect(decoded.validationErrors.map { $0.method } == report.validationErrors.map { $0.method })
    }

    @Test(arguments: [ForecastMethod.network, .naive, .seasonalNaive(period: 12), .networkAndNaive, .networkAndSeasonalNaive(period: 7),
                      .statistical([.arima]), .statistical([.drift]), .statistical([.ets, .theta, .arima]), .networkAndStatistical([.ets, .theta, .arima])])
    func methodsReadBackEqual(method: ForecastMethod) throws {
        let decoded = try JSONDecoder().decode(ForecastMethod.self, from: JSONEncoder().encode(method))
        #expect(decoded == method)
    }

    @Test func anUnknownMethodIsRefused() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ForecastMethod.self, from: Data(#"{"name": "seasonal-naive"}"#.utf8))
        }
    }
}
