import ForecastActions
import Foundation
import Testing
import _ForecastTestSupport

/// Every action has an `async` run beside its synchronous one, giving the same result: predict and
/// inspect too, and the `async` fit takes known-in-advance columns as the synchronous one does.
@Suite struct AsyncActionTests {
    /// Runs `body` where the synchronous overloads are chosen.
    static func synchronously<T>(_ body: () throws -> T) rethrows -> T { try body() }

    @Test func predictAndInspectRunAsynchronouslyAlike() async throws {
        let folder = try ScratchFolder()
        let file = try folder.write("sales.csv", ActionFixtures.monthlyCSV())
        let model = folder.path("model.safetensors")
        _ = try Self.synchronously {
            try ForecastAction(source: .file(file), selection: SeriesSelection(column: "sales"),
                               configuration: ActionFixtures.quick, steps: 2, modelPath: model).run()
        }
        let predict = PredictAction(modelPath: model, source: .file(file))
        let synchronous = try Self.synchronously { try predict.run() }
        let asynchronous = try await predict.run()
        #expect(asynchronous.steps.map(\.forecast) == synchronous.steps.map(\.forecast))
        #expect(asynchronous.steps.count == 2)
        let inspect = InspectAction(source: .file(file))
        let described = try await inspect.run()
        let direct = try Self.synchronously { try inspect.run() }
        #expect(described.inspection.rowCount == direct.inspection.rowCount && direct.inspection.rowCount > 0)
    }

    @Test func theAsyncFitTakesKnownFeatures() async throws {
        let configuration = ForecasterConfiguration(hiddenSize: 4, lookback: 4, horizon: 2, selection: .network,
                                                    transform: TransformKind.none, epochs: 2)
        let values = (0..<60).map { 10 + sin(Double($0) / 2) }
        let plan = (0..<60).map { Double($0 % 3) }
        let synchronous = try Self.synchronously { try Forecaster.fit(values: values, knownFeatures: [plan], configuration: configuration) }
        let asynchronous = try await Forecaster.fit(values: values, knownFeatures: [plan], configuration: configuration,
                                                    reportingProgress: { _ in })
        #expect(asynchronous.knownFeatureCount == 1)
        #expect(try asynchronous.forecast(steps: 2, knownFuture: [[1, 2]]) == synchronous.forecast(steps: 2, knownFuture: [[1, 2]]))
    }
}
