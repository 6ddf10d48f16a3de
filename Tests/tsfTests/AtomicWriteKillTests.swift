import Foundation
import Testing
import _ForecastTestSupport

/// Nothing lost: `tsf train --out model.safetensors` over an existing model, killed with SIGKILL
/// while it runs, must leave the old file byte for byte, and no half-written file under its name.
@Suite struct AtomicWriteKillTests {
    @Test(arguments: [0.05, 0.3, 0.8, 1.5])
    func killedTrainingLeavesTheOldModelIntact(delay: Double) throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 600)
        let model = files.path("model.safetensors")
        let first = try CLIRunner.run(["train", data, "--column", "Close", "--horizon", "2", "--out", model] + tinyModel)
        try #require(first.exitCode == 0, "\(first.stderr)")
        let original = try Data(contentsOf: URL(fileURLWithPath: model))

        // Enough epochs (early stopping off) that the run is always still going when killed.
        let process = Process()
        process.executableURL = try CLIRunner.executable()
        process.arguments = ["train", data, "--column", "Close", "--horizon", "2", "--hidden", "8",
                             "--epochs", "100000", "--patience", "0", "--seed", "9", "--out", model]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        #expect(process.isRunning, "the run ended before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGKILL)

        let after = try Data(contentsOf: URL(fileURLWithPath: model))
        #expect(after == original)
        // Only hidden temporary files may remain, never anything that looks like a model.
        let names = try FileManager.default.contentsOfDirectory(atPath: files.folder.path)
        #expect(names.filter { !$0.hasPrefix(".") }.sorted() == ["model.safetensors", "walk.csv"])
    }
}
