import Foundation
import Testing
@testable import Forecasting

struct ForecasterObservationTests {
    static let series: [Double] = (0..<200).map { (t: Int) -> Double in
        let x = Double(t)
        return 50 + 10 * sin(x / 4) + x * 0.05
    }

    static func fitted(transform: TransformKind) throws -> Forecaster {
        var configuration = ForecasterConfiguration()
        configuration.hiddenSize = 8
        configuration.lookback = 12
        configuration.horizon = 2
        configuration.epochs = 3
        configuration.transform = transform
        configuration.threads = 1
        return try Forecaster.fit(values: Array(series[..<150]), configuration: configuration)
    }

    @Test(arguments: TransformKind.allCases)
    func observingEqualsConditioningOnTheLongerHistory(transform: TransformKind) throws {
        var live = try Self.fitted(transform: transform)
        var forecasts: [[Double]] = []
        for value in Self.series[150..<170] { forecasts.append(try live.observe(value)) }
        // The history kept never grows: constant cost per observation.
        #expect(live.recentValues.count == live.requiredHistory)

        var fresh = try Self.fitted(transform: transform)
        try fresh.condition(on: Array(Self.series[..<170]))
        #expect(try fresh.forecast(steps: 2) == forecasts.last!)
    }

    @Test func observeRefusesAValueThatIsNotANumber() throws {
        var live = try Self.fitted(transform: TransformKind.none)
        #expect(throws: ForecasterError.self) { try live.observe(.nan) }
        #expect(throws: ForecasterError.self) { try live.observe(1, features: [2]) }
    }
}
