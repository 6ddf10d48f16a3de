import Foundation
import Testing
import _ForecastTestSupport

/// `tsf train --init MODEL` continues a model: its shape comes from the file, so an option that
/// would set the shape is refused rather than silently ignored, and training options are taken.
@Suite struct TrainInitCommandTests {
    @Test func shapeOptionsAreRefusedAndTrainingOptionsTaken() throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 120)
        let first = files.path("first.safetensors")
        let trained = try CLIRunner.run(["train", data, "--column", "Close", "--out", first, "--horizon", "3", "--format", "json"] + tinyModel)
        #expect(trained.exitCode == 0, "\(trained.stderr)")

        for shape in [["--hidden", "64"], ["--lookback", "5"], ["--horizon", "12"], ["--loss", "quantile"], ["--transform", "log"]] {
            let outcome = try CLIRunner.run(["train", data, "--column", "Close", "--init", first, "--out", files.path("x.safetensors")] + shape)
            #expect(outcome.exitCode == 64, "\(shape): \(outcome.stderr)")
            #expect(outcome.stderr.contains("--init continues a model") && outcome.stderr.contains(shape[0]), "\(outcome.stderr)")
            #expect(!FileManager.default.fileExists(atPath: files.path("x.safetensors")))
        }
        let continued = try CLIRunner.run(["train", data, "--column", "Close", "--init", first, "--out", files.path("second.safetensors"),
                                           "--epochs", "1", "--learning-rate", "0.0005", "--format", "json"])
        #expect(continued.exitCode == 0, "\(continued.stderr)")
        let before = try #require(try JSONSerialization.jsonObject(with: Data(trained.stdout.utf8)) as? [String: Any])
        let after = try #require(try JSONSerialization.jsonObject(with: Data(continued.stdout.utf8)) as? [String: Any])
        for key in ["cell", "hidden", "layers", "lookback", "horizon", "transform", "scaler"] {
            let kept = try #require(before[key].map { "\($0)" })
            #expect(kept == after[key].map { "\($0)" }, "\(key)")
        }
        #expect(after["epochs"] as? Int == 1)
        #expect(!continued.stderr.contains("warning"), "\(continued.stderr)")
        // Continued on a series of another frequency: trained all the same, with a warning.
        let monthly = try CLIRunner.run(["train", IOFixtures.dataset("airpassengers_monthly.csv").path, "--column", "Passengers",
                                         "--init", first, "--out", files.path("third.safetensors"), "--epochs", "1"])
        #expect(monthly.exitCode == 0, "\(monthly.stderr)")
        #expect(monthly.stderr.contains("reads as monthly, but the model was fitted on"), "\(monthly.stderr)")
    }
}
