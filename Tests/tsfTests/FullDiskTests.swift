import Foundation
import Testing
import _ForecastTestSupport

/// A full disk: `tsf train --out` and `tsf forecast --plot` over files on a file system with no
/// space left must end with exit code 73 and one sentence naming the path, leaving the old files
/// byte for byte and no temporary file behind.
///
/// A real full disk needs a small file system of its own: a tmpfs, which only root can mount. CI
/// runs the tests as root; elsewhere the test is skipped.
@Suite struct FullDiskTests {
    /// Root, and `mount -t tmpfs` works here (a container may forbid it even to root).
    static let canMountTmpfs: Bool = {
        guard geteuid() == 0 else { return false }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tsf-mount-probe-\(UUID().uuidString)").path
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return false }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder]) == 0 else { return false }
        return run("/bin/umount", [folder]) == 0
    }()

    private static func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : -1
    }

    /// Writes zeros to `path` until the file system refuses with `ENOSPC`; returns that errno.
    private func fill(_ path: String) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return errno }
        defer { close(descriptor) }
        let chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let written = chunk.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) }
            // A short write takes the last bit of space; the next one reports why.
            if written < 0 { return errno }
        }
    }

    // The model and the plot of a small run fit in 256 KiB with room to spare.
    @Test(.enabled(if: FullDiskTests.canMountTmpfs, "needs root and a working `mount -t tmpfs` (CI runs as root)"))
    func fullDiskKeepsTheOldModelAndPlot() throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 60)
        let disk = files.path("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: false)
        try #require(Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", disk]) == 0)
        defer { _ = Self.run("/bin/umount", [disk]) }

        let model = disk + "/model.safetensors"
        let plot = disk + "/plot.svg"
        let trained = try CLIRunner.run(["train", data, "--column", "Close", "--out", model] + tinyModel)
        try #require(trained.exitCode == 0, "\(trained.stderr)")
        let plotted = try CLIRunner.run(["forecast", data, "--column", "Close", "--plot", plot] + tinyModel)
        try #require(plotted.exitCode == 0, "\(plotted.stderr)")
        let oldModel = try Data(contentsOf: URL(fileURLWithPath: model))
        let oldPlot = try Data(contentsOf: URL(fileURLWithPath: plot))
        #expect(fill(disk + "/filler") == ENOSPC)

        // A different seed and width, so the new files would differ from the old ones.
        let retrain = try CLIRunner.run(["train", data, "--column", "Close", "--out", model,
                                         "--epochs", "1", "--hidden", "6", "--seed", "11"])
        #expect(retrain.exitCode == 73)
        expectOneSentence(retrain.stderr, naming: model)
        let replot = try CLIRunner.run(["forecast", data, "--column", "Close", "--plot", plot, "--horizon", "5"] + tinyModel)
        #expect(replot.exitCode == 73)
        expectOneSentence(replot.stderr, naming: plot)

        #expect(try Data(contentsOf: URL(fileURLWithPath: model)) == oldModel)
        #expect(try Data(contentsOf: URL(fileURLWithPath: plot)) == oldPlot)
        let names = try FileManager.default.contentsOfDirectory(atPath: disk).sorted()
        #expect(names == ["filler", "model.safetensors", "plot.svg"])
    }

    /// The error is one `tsf:` line ending with a full stop, naming the path and the full disk.
    private func expectOneSentence(_ stderr: String, naming path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let errors = stderr.split(separator: "\n").filter { $0.hasPrefix("tsf: ") && !$0.hasPrefix("tsf: note:") && !$0.hasPrefix("tsf: warning:") }
        #expect(errors.count == 1, "\(stderr)", sourceLocation: sourceLocation)
        guard let line = errors.first else { return }
        #expect(line.contains(path), "\(line)", sourceLocation: sourceLocation)
        #expect(line.contains("No space left on device"), "\(line)", sourceLocation: sourceLocation)
        #expect(line.hasSuffix("."), "\(line)", sourceLocation: sourceLocation)
    }
}
