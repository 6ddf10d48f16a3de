import Foundation
import Testing
import _ForecastTestSupport

/// Training that goes wrong — a learning rate far too high, gradients exploding without clipping —
/// must end with exit 65 and a sentence naming the epoch and a remedy, and must not write a model.
@Suite struct HostileTrainingTests {
    @Test(arguments: ["1e6", "1e3"])
    func divergingTrainingWritesNoModel(learningRate: String) throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 200)
        let model = files.path("model.safetensors")
        let outcome = try CLIRunner.run(["train", data, "--column", "Close", "--optimizer", "sgd",
                                         "--learning-rate", learningRate, "--epochs", "20", "--hidden", "4",
                                         "--patience", "0", "--out", model])
        #expect(outcome.exitCode == 65)
        let message = outcome.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(message.hasPrefix("tsf: Training diverged in epoch "), "\(message)")
        #expect(message.contains("lower the learning rate"))
        #expect(message.contains("gradient clipping"))
        #expect(!FileManager.default.fileExists(atPath: model))
        #expect(outcome.stdout.isEmpty)
    }

    @Test func divergingTrainingKeepsAnEarlierModel() throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 200)
        let model = files.path("model.safetensors")
        let good = try CLIRunner.run(["train", data, "--column", "Close", "--out", model] + tinyModel)
        try #require(good.exitCode == 0, "\(good.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: model))
        let bad = try CLIRunner.run(["train", data, "--column", "Close", "--optimizer", "sgd", "--learning-rate", "1e6",
                                     "--epochs", "5", "--hidden", "4", "--out", model])
        #expect(bad.exitCode == 65)
        #expect(try Data(contentsOf: URL(fileURLWithPath: model)) == before)
    }
}

/// Adam bounds each step by its learning rate, so at 1e6 the loss stays finite while the weights
/// saturate: forecasts come out NaN or tens of thousands of deviations off. The fit must refuse such
/// a model, naming the epoch and a remedy, and save nothing.
@Suite struct HostileSaturatedTrainingTests {
    @Test(arguments: [UInt64(0), 1, 2])
    func saturatedModelIsRefusedAndNotSaved(seed: UInt64) throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 200)
        let model = files.path("model.safetensors")
        let outcome = try CLIRunner.run(["train", data, "--column", "Close", "--learning-rate", "1e6", "--epochs", "5",
                                         "--hidden", "4", "--horizon", "3", "--seed", "\(seed)", "--out", model])
        #expect(outcome.exitCode == 65)
        let message = outcome.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(message.hasPrefix("tsf: Training ended in epoch 5 with a model giving "), "\(message)")
        #expect(message.hasSuffix("; lower --learning-rate or enable gradient clipping with --clip-norm."))
        #expect(!FileManager.default.fileExists(atPath: model))
    }

    /// The guard must not refuse an ordinary fit: the same data at the default learning rate trains.
    @Test func ordinaryLearningRateTrains() throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 200)
        let model = files.path("model.safetensors")
        let outcome = try CLIRunner.run(["train", data, "--column", "Close", "--epochs", "5", "--hidden", "4",
                                         "--horizon", "3", "--out", model])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: model))
    }
}
