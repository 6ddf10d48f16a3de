import Foundation
import Testing
import _ForecastTestSupport
@testable import Forecasting

struct ForecasterAsyncTests {
    static let values: [Double] = (0..<600).map { (t: Int) -> Double in sin(Double(t) / 6) }

    @Test func fittingAsynchronouslyGivesTheSameModel() async throws {
        var configuration = ForecasterConfiguration()
        configuration.hiddenSize = 6
        configuration.lookback = 8
        configuration.epochs = 2
        configuration.threads = 1
        let events = EventCounter()
        let background = try await Forecaster.fit(values: Self.values, configuration: configuration) { _ in events.add() }
        let foreground = try Forecaster.fit(values: Self.values, configuration: configuration)
        #expect(background.network.parameters == foreground.network.parameters)
        #expect(events.count > 2)
    }

    /// A fit that would run for minutes unless cancellation reaches training.
    static func longFit(_ events: EventCounter) -> Task<Forecaster, any Error> {
        var configuration = ForecasterConfiguration()
        configuration.hiddenSize = 16
        configuration.lookback = 20
        configuration.epochs = 10_000
        configuration.earlyStopping = .off
        configuration.threads = 1
        return Task {
            try await Forecaster.fit(values: Self.values, configuration: configuration) { _ in events.add() }
        }
    }

    /// The bounds only guard against a hang: while other suites' synchronous fits hold the
    /// cooperative pool's threads (two on a 2-core machine), the fit's task may wait minutes to start.
    @Test func cancellingTheTaskStopsTraining() async throws {
        let events = EventCounter()
        let task = Self.longFit(events)
        #expect(await waitUntil(atMost: 900) { events.count >= 3 })
        task.cancel()
        let outcome = try #require(await result(of: task, within: 900), "the fit did not stop within 15 minutes")
        #expect(throws: CancellationError.self) { try outcome.get() }
    }

    /// Timed, so opt-in: cancellation is checked every batch, so the remaining epochs must not run.
    @Test(.enabled(if: benchRequested, "set FORECAST_BENCH=1 and build with -c release"))
    func cancellingTheTaskStopsTrainingPromptly() async throws {
        let events = EventCounter()
        let task = Self.longFit(events)
        #expect(await waitUntil(atMost: 60) { events.count >= 3 })
        let started = Date()
        task.cancel()
        let outcome = try #require(await result(of: task, within: 60))
        #expect(throws: CancellationError.self) { try outcome.get() }
        #expect(Date().timeIntervalSince(started) < 5)
    }
}

/// Whether timed assertions run: `FORECAST_BENCH` set, in a release build.
var benchRequested: Bool {
    #if DEBUG
    return false
    #else
    return ProcessInfo.processInfo.environment["FORECAST_BENCH"] != nil
    #endif
}

/// Counts progress events from any thread.
final class EventCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}
