import Foundation
import Testing
@testable import ForecastNN

/// The benchmark workload behind `tsf bench`: its series, its output line and a small run.
struct TrainerBenchmarkWorkloadTests {
    @Test func randomWalkRepeatsWithTheSeedAndHasUnitSteps() {
        let walk = BenchmarkWorkload.randomWalk(points: 20_000, seed: 0)
        #expect(walk == BenchmarkWorkload.randomWalk(points: 20_000, seed: 0))
        #expect(walk != BenchmarkWorkload.randomWalk(points: 20_000, seed: 1))
        let steps = zip(walk.dropFirst(), walk).map { $0 - $1 }
        let mean = steps.reduce(0, +) / Double(steps.count)
        let variance = steps.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(steps.count)
        // Standard normal steps: mean within 4 standard errors of 0 (4/√20000 ≈ 0.028), variance near 1.
        #expect(abs(mean) < 0.03)
        #expect(abs(variance - 1) < 0.05)
    }

    @Test func zScoreUsesThePopulationDeviation() {
        // mean 2.5, population variance 1.25
        let scored = BenchmarkWorkload.zScored([1, 2, 3, 4])
        let expected = [-1.5, -0.5, 0.5, 1.5].map { Float($0 / 1.25.squareRoot()) }
        for (a, b) in zip(scored, expected) { #expect(abs(a - b) < 1e-6) }
        #expect(BenchmarkWorkload.zScored([3, 3]) == [0, 0])
    }

    @Test func jsonLineHasTheReferenceKeysInOrder() throws {
        let result = BenchmarkWorkload.Result(
            threads: 2, cell: .gru, hidden: 64, layers: 1, lookback: 30, batchSize: 64, windows: 4970,
            trainWindowsPerSecond: 1234.56, inferWindowsPerSecond: 20000, latencyMicrosecondsBatch1: 87.04,
            finalTrainMSE: 0.0123456789)
        let line = result.jsonLine(implementation: "tsf-test")
        #expect(line == #"{"impl": "tsf-test", "threads": 2, "cell": "gru", "hidden": 64, "layers": 1, "lookback": 30, "batch_size": 64, "windows": 4970, "train_windows_per_s": 1234.6, "infer_windows_per_s": 20000.0, "latency_us_batch1": 87.0, "final_train_mse": 0.012346}"#)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object.count == 12)
    }

    @Test func smallRunMeasuresEverything() throws {
        var workload = BenchmarkWorkload()
        workload.cell = .rnn
        workload.hidden = 8
        workload.lookback = 10
        workload.points = 400
        workload.epochs = 3
        workload.threads = 2
        let result = try workload.run()
        #expect(result.windows == 390)
        #expect(result.trainWindowsPerSecond > 0 && result.trainWindowsPerSecond.isFinite)
        #expect(result.inferWindowsPerSecond > 0 && result.inferWindowsPerSecond.isFinite)
        #expect(result.latencyMicrosecondsBatch1 > 0)
        // Twenty Adam steps at lr 1e-3 barely train; the loss must still be a number of the
        // order of the z-scored series' variance.
        #expect(result.finalTrainMSE.isFinite && result.finalTrainMSE > 0 && result.finalTrainMSE < 10)
    }

    @Test func oneEpochIsRefused() {
        var workload = BenchmarkWorkload()
        workload.epochs = 1
        #expect(throws: TrainingError.self) { try workload.run() }
    }
}
