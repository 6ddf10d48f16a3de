import Foundation
import Testing
import _ForecastTestSupport

/// The same data, options and seed give byte-identical model files and identical forecasts, with one
/// thread or two, run after run (DESIGN.md: gradients are summed in a fixed order).
@Suite struct DeterminismTests {
    private let options = ["--column", "Close", "--epochs", "3", "--hidden", "6", "--batch-size", "8",
                           "--seed", "11", "--horizon", "3"]

    @Test func modelFilesAreByteIdenticalAcrossThreadsAndRuns() throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 300, seed: 21)
        var models: [Data] = []
        for (threads, run) in [(1, 1), (2, 1), (1, 2), (2, 2)] {
            let path = files.path("model-\(threads)-\(run).safetensors")
            let outcome = try CLIRunner.run(["train", data, "--threads", "\(threads)", "--out", path] + options)
            try #require(outcome.exitCode == 0, "\(outcome.stderr)")
            models.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(models.count == 4)
        #expect(models.allSatisfy { $0 == models[0] })
        // A different seed must change the file, or the comparison above proves nothing.
        let other = files.path("other.safetensors")
        let changed = try CLIRunner.run(["train", data, "--threads", "2", "--out", other] + options + ["--seed", "12"])
        try #require(changed.exitCode == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) != models[0])
    }

    @Test func forecastsAreIdenticalAcrossThreadsAndRuns() throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 300, seed: 22)
        var outputs: [String] = []
        for threads in [1, 2, 1, 2] {
            let outcome = try CLIRunner.run(["forecast", data, "--threads", "\(threads)", "--format", "csv"] + options)
            try #require(outcome.exitCode == 0, "\(outcome.stderr)")
            outputs.append(outcome.stdout)
        }
        #expect(outputs[0].split(separator: "\n").count == 4)
        #expect(outputs.allSatisfy { $0 == outputs[0] })
    }
}
