import Foundation
import Testing
import _ForecastTestSupport

/// Output paths that cannot be written (`--out`, `--plot`): exit code 73 and a sentence naming the
/// path and why, with nothing left behind.
@Suite struct HostileOutputPathTests {
    private func lastLine(_ outcome: CLIRunner.Outcome) -> String {
        outcome.stderr.split(separator: "\n").last.map(String.init) ?? ""
    }

    @Test func modelInAMissingFolder() throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 60)
        let out = files.path("absent/model.safetensors")
        let outcome = try CLIRunner.run(["train", data, "--column", "Close", "--out", out] + tinyModel)
        #expect(outcome.exitCode == 73)
        // Every output is checked before the run: the same sentence as for any other file.
        #expect(lastLine(outcome) == "tsf: cannot write \(out): the folder \(files.path("absent")) does not exist.")
    }

    @Test func plotInAMissingFolder() throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 60)
        let plot = files.path("absent/plot.svg")
        let outcome = try CLIRunner.run(["forecast", data, "--column", "Close", "--plot", plot] + tinyModel)
        #expect(outcome.exitCode == 73)
        #expect(lastLine(outcome) == "tsf: cannot write \(plot): the folder \(files.path("absent")) does not exist.")
    }

    /// A regular file where a folder should be: refused even for root, unlike a read-only folder.
    @Test func modelUnderAPathThatIsAFile() throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 60)
        let out = data + "/model.safetensors"
        let outcome = try CLIRunner.run(["forecast", data, "--column", "Close", "--out", out] + tinyModel)
        #expect(outcome.exitCode == 73)
        #expect(lastLine(outcome) == "tsf: cannot write \(out): \(data) is not a folder.")
    }

    @Test func modelOverADirectory() throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 60)
        try FileManager.default.createDirectory(atPath: files.path("taken"), withIntermediateDirectories: false)
        let outcome = try CLIRunner.run(["train", data, "--column", "Close", "--out", files.path("taken")] + tinyModel)
        #expect(outcome.exitCode == 73)
        // Refused before training, by the check every output goes through.
        #expect(lastLine(outcome) == "tsf: cannot write \(files.path("taken")): it is a folder, and only a regular file is replaced.")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: files.folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    /// Root writes into read-only folders, so this case only runs for other users.
    @Test(.enabled(if: getuid() != 0, "root writes into read-only folders, so none refuses it"),
          arguments: ["--out", "--plot"])
    func outputInAReadOnlyFolder(option: String) throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 60)
        let folder = files.path("locked")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        #expect(chmod(folder, 0o555) == 0)
        let target = folder + (option == "--out" ? "/model.safetensors" : "/plot.svg")
        let outcome = try CLIRunner.run(["forecast", data, "--column", "Close", option, target] + tinyModel)
        #expect(outcome.exitCode == 73)
        #expect(lastLine(outcome).contains(target))
        #expect(lastLine(outcome).contains("cannot be written to"))
    }
}
