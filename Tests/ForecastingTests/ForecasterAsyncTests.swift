import Foundation
import Testing
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

    @Test func cancellingTheTaskStopsTrainingPromptly() async throws {
        var configuration = ForecasterConfiguration()
        configuration.hiddenSize = 16
        configuration.lookback = 20
        configuration.epochs = 10_000
        configuration.earlyStopping = .off
        configuration.threads = 1
        let events = EventCounter()
        let task = Task {
            try await Forecaster.fit(values: Self.values, configuration: configuration) { _ in events.add() }
        }
        while events.count < 3 { try await Task.sleep(nanoseconds: 1_000_000) }
        let started = Date()
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        // Cancellation is checked every batch: it must not run the remaining epochs.
        #expect(Date().timeIntervalSince(started) < 5)
    }
}

/// Counts progress events from any thread.
final class EventCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}
