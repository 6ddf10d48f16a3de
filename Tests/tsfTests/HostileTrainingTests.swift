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
