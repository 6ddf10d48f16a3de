import Foundation
import Testing
@testable import Forecasting

/// A network whose kept weights give no usable forecast fails the fit when the network was asked
/// for, but under the automatic method it only drops out of the choice: the statistical and simple
/// candidates still forecast the series.
struct UnusableNetworkChoiceTests {
    /// 42 yearly values growing by almost exactly 4.33 % a year, then swinging ±7 % from row 36 on:
    /// the log returns of the training rows hardly vary, so once scaled the validation part's
    /// swings sit thousands of deviations away and the network's validation loss is far above 1e6
    /// (the shape of an interpolated national statistic that turns to measured values).
    static let series: [Double] = {
        var values = [1.0]
        for t in 1..<42 {
            let change = t < 36 ? 0.0433 + 1e-5 * Double(t % 3) : (t % 2 == 1 ? 0.08 : -0.06)
            values.append(values[t - 1] * exp(change))
        }
        return values
    }()

    static func configuration(_ selection: MethodSelection?) -> ForecasterConfiguration {
        var configuration = ForecasterConfiguration(horizon: 6)
        configuration.threads = 1
        configuration.selection = selection
        return configuration
    }

    @Test func theAutomaticMethodChoosesWithoutTheNetworkAndSaysWhy() throws {
        let forecaster = try Forecaster.fit(values: Self.series, frequency: .yearly, configuration: Self.configuration(nil))
        #expect(!forecaster.method.usesNetwork, "\(forecaster.method.name)")
        let report = try #require(forecaster.fitReport)
        #expect(report.decisions.contains { $0.hasPrefix("the network is left out of the choice: training ended in epoch ") })
        #expect(!report.validationErrors.isEmpty)
        #expect(report.validationErrors.allSatisfy { !$0.method.usesNetwork })
        let forecasts = try forecaster.forecast(steps: 6)
        #expect(forecasts.count == 6 && forecasts.allSatisfy(\.isFinite))
        // Within a factor of two of the last value: the forecast continues the series.
        #expect(forecasts.allSatisfy { $0 > Self.series.last! / 2 && $0 < Self.series.last! * 2 })
    }

    @Test func theNetworkAskedForStillFails() {
        #expect {
            _ = try Forecaster.fit(values: Self.series, frequency: .yearly, configuration: Self.configuration(.network))
        } throws: { error in
            guard case let ForecasterError.unusableTrainedModel(_, loss)? = error as? ForecasterError else { return false }
            return (loss ?? 0) > 1e6
        }
    }
}
