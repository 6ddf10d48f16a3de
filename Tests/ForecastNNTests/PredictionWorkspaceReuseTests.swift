import ForecastNN
import Testing

/// A `PredictionWorkspace` keeps the weights it packed between forecasts (on CPUs with the packed
/// product); these tests check that it never forecasts with weights that are no longer the
/// network's: after parameters change in place or wholesale, and when two networks share it.
/// Expected values come from a new network and a new workspace, and must match bit for bit.
@Suite("Prediction workspace reuse")
struct PredictionWorkspaceReuseTests {
    static let configuration = NetworkConfiguration(cell: .lstm, inputSize: 1, hiddenSize: 12, layers: 2, outputs: 2)
    static let lookback = 5

    static func windows(_ batch: Int) -> [Float] {
        (0..<(batch * lookback)).map { Float($0 % 7) * 0.3 - 0.8 }
    }

    /// What a network with `parameters` forecasts, computed afresh.
    static func fresh(_ parameters: [Float], batch: Int) throws -> [Float] {
        let network = try RecurrentNetwork(configuration: configuration, parameters: parameters)
        let workspace = PredictionWorkspace(configuration: configuration, maxBatch: batch, lookback: lookback)
        return try network.predict(windows: windows(batch), batchSize: batch, workspace: workspace)
    }

    @Test(arguments: [1, 9])
    func forecastsFollowParameterChanges(batch: Int) throws {
        let network = RecurrentNetwork(configuration: Self.configuration, seed: 1)
        let workspace = PredictionWorkspace(configuration: Self.configuration, maxBatch: batch, lookback: Self.lookback)
        let before = try network.predict(windows: Self.windows(batch), batchSize: batch, workspace: workspace)
        #expect(before == (try Self.fresh(network.parameters, batch: batch)))

        // In place, as an optimiser changes them.
        network.parameters.withUnsafeMutableBufferPointer { p in
            for i in p.indices { p[i] = p[i] * 0.5 + 0.01 }
        }
        let afterInPlace = try network.predict(windows: Self.windows(batch), batchSize: batch, workspace: workspace)
        #expect(afterInPlace != before)
        #expect(afterInPlace == (try Self.fresh(network.parameters, batch: batch)))

        // Wholesale, as when a model is loaded.
        network.parameters = RecurrentNetwork(configuration: Self.configuration, seed: 2).parameters
        let afterAssignment = try network.predict(windows: Self.windows(batch), batchSize: batch, workspace: workspace)
        #expect(afterAssignment == (try Self.fresh(network.parameters, batch: batch)))
    }

    @Test func twoNetworksCanShareOneWorkspace() throws {
        let first = RecurrentNetwork(configuration: Self.configuration, seed: 3)
        let second = RecurrentNetwork(configuration: Self.configuration, seed: 4)
        let workspace = PredictionWorkspace(configuration: Self.configuration, maxBatch: 1, lookback: Self.lookback)
        for _ in 0..<2 {
            #expect(try first.predict(windows: Self.windows(1), batchSize: 1, workspace: workspace) == (try Self.fresh(first.parameters, batch: 1)))
            #expect(try second.predict(windows: Self.windows(1), batchSize: 1, workspace: workspace) == (try Self.fresh(second.parameters, batch: 1)))
        }
    }
}
