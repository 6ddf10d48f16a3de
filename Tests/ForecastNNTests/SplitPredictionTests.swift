import CForecastKernels
@testable import ForecastNN
import Foundation
import Testing

/// A forecast from one window split across two cores (`SplitPrediction`) must be the one-core
/// forecast bit for bit: every cell, one and two layers, several inputs, uneven halves (odd
/// widths put the boundary inside a packed panel), after parameter changes, after the partner
/// thread has gone to sleep, and under a kernel variant chosen for the calling thread only.
@Suite("Split prediction")
struct SplitPredictionTests {
    static let lookback = 7

    /// Widths whose steps read enough weights for the split to apply.
    static let configurations = [
        NetworkConfiguration(cell: .lstm, inputSize: 3, hiddenSize: 49, layers: 1, outputs: 2),
        NetworkConfiguration(cell: .lstm, inputSize: 1, hiddenSize: 48, layers: 2, outputs: 1),
        NetworkConfiguration(cell: .gru, inputSize: 2, hiddenSize: 57, layers: 2, outputs: 3),
        NetworkConfiguration(cell: .rnn, inputSize: 1, hiddenSize: 93, layers: 2, outputs: 1),
    ]

    static func window(_ configuration: NetworkConfiguration, phase: Float = 0) -> [Float] {
        (0..<(lookback * configuration.inputSize)).map { sin(Float($0) * 0.7 + phase) * 1.3 }
    }

    /// A network of `configurations[index]`, a two-core workspace for it, and a window.
    static func setUp(_ index: Int, seed: UInt64) -> (RecurrentNetwork, PredictionWorkspace, [Float]) {
        let configuration = configurations[index]
        return (RecurrentNetwork(configuration: configuration, seed: seed),
                PredictionWorkspace(configuration: configuration, lookback: lookback, threads: 2), window(configuration))
    }

    /// The forecast with a one-core workspace made for it.
    static func oneCore(_ network: RecurrentNetwork, _ window: [Float]) throws -> [Float] {
        let workspace = PredictionWorkspace(configuration: network.configuration, lookback: lookback)
        #expect(!workspace.splitsAcrossCores)
        return try network.predict(window: window, workspace: workspace)
    }

    @Test(.enabled(if: PackedRecurrentProduct.isAvailable, "the split needs the packed product (AVX-512)"),
          arguments: configurations)
    func twoCoresForecastWhatOneDoes(configuration: NetworkConfiguration) throws {
        let network = RecurrentNetwork(configuration: configuration, seed: 11)
        let workspace = PredictionWorkspace(configuration: configuration, lookback: Self.lookback, threads: 2)
        #expect(workspace.splitsAcrossCores)
        for phase in [Float(0), 1, 2] {
            let window = Self.window(configuration, phase: phase)
            let split = try network.predict(window: window, workspace: workspace)
            #expect(split == (try Self.oneCore(network, window)))
        }
        // A shorter window than the workspace allows.
        let short = Array(Self.window(configuration).prefix(3 * configuration.inputSize))
        #expect(try network.predict(window: short, workspace: workspace) == (try Self.oneCore(network, short)))
    }

    @Test(.enabled(if: PackedRecurrentProduct.isAvailable, "the split needs the packed product (AVX-512)"))
    func theSplitRepacksWhenParametersChange() throws {
        let (network, workspace, window) = Self.setUp(0, seed: 12)
        let before = try network.predict(window: window, workspace: workspace)
        network.parameters.withUnsafeMutableBufferPointer { p in
            for i in p.indices { p[i] = p[i] * 0.9 - 0.02 }
        }
        let after = try network.predict(window: window, workspace: workspace)
        #expect(after != before)
        #expect(after == (try Self.oneCore(network, window)))
    }

    @Test(.enabled(if: PackedRecurrentProduct.isAvailable, "the split needs the packed product (AVX-512)"))
    func aSleepingPartnerWakesForTheNextForecast() throws {
        let (network, workspace, window) = Self.setUp(1, seed: 13)
        let expected = try Self.oneCore(network, window)
        for _ in 0..<3 {
            #expect(try network.predict(window: window, workspace: workspace) == expected)
            Thread.sleep(forTimeInterval: 0.005)  // past the partner's idle spin: it sleeps
        }
    }

    @Test(.enabled(if: PackedRecurrentProduct.isAvailable, "the split needs the packed product (AVX-512)"))
    func thePartnerUsesTheCallersKernelVariant() throws {
        let (network, workspace, window) = Self.setUp(2, seed: 14)
        #expect(forecast_kernels_override_on_this_thread(1) == 1)
        defer { forecast_kernels_override_on_this_thread(0) }
        let baseline = try Self.oneCore(network, window)
        #expect(try network.predict(window: window, workspace: workspace) == baseline)
        forecast_kernels_override_on_this_thread(0)
        // The variants round differently, so the comparison above could tell them apart.
        #expect(try Self.oneCore(network, window) != baseline)
    }

    @Test func narrowNetworksStayOnOneCore() {
        let narrow = NetworkConfiguration(cell: .rnn, inputSize: 1, hiddenSize: 64, layers: 2, outputs: 1)
        #expect(!SplitPrediction.pays(narrow))
        #expect(!PredictionWorkspace(configuration: narrow, lookback: Self.lookback, threads: 2).splitsAcrossCores)
        let wide = NetworkConfiguration(cell: .lstm, inputSize: 1, hiddenSize: 64, layers: 1, outputs: 1)
        #expect(SplitPrediction.pays(wide) == PackedRecurrentProduct.isAvailable)
    }

    @Test(.enabled(if: PackedRecurrentProduct.isAvailable, "the split needs the packed product (AVX-512)"))
    func workspacesComeAndGoWithTheirThreads() throws {
        let configuration = Self.configurations[0]
        let network = RecurrentNetwork(configuration: configuration, seed: 15)
        let window = Self.window(configuration)
        let expected = try Self.oneCore(network, window)
        for _ in 0..<40 {
            let workspace = PredictionWorkspace(configuration: configuration, lookback: Self.lookback, threads: 2)
            #expect(try network.predict(window: window, workspace: workspace) == expected)
        }
    }
}
