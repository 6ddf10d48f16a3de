import Foundation
import Testing
import _ForecastTestSupport

/// `tsf predict --model M` while another program keeps replacing M: each run must forecast with
/// exactly one of the models (the model file is read whole through one descriptor, so a rename
/// during the read cannot mix two versions) or, when it meets a half-written file renamed into
/// place, refuse it with one sentence and exit code 65 or 66. Never a mix, never a crash.
@Suite struct ModelReplacedWhileReadTests {
    @Test func predictWhileTheModelIsReplaced() throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 80)
        let first = files.path("first.safetensors")
        let second = files.path("second.safetensors")
        for (path, extra) in [(first, ["--hidden", "4", "--seed", "1"]), (second, ["--hidden", "6", "--seed", "2", "--cell", "gru"])] {
            let trained = try CLIRunner.run(["train", data, "--column", "Close", "--horizon", "3", "--epochs", "1", "--out", path] + extra)
            try #require(trained.exitCode == 0, "\(trained.stderr)")
        }
        let firstBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: first)))
        let secondBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: second)))
        let expected = try [first, second].map { path in
            let alone = try CLIRunner.run(["predict", "--model", path, data, "--format", "csv"])
            try #require(alone.exitCode == 0, "\(alone.stderr)")
            return alone.stdout
        }
        try #require(expected[0] != expected[1], "the two models must forecast differently")

        let model = files.path("model.safetensors")
        try Data(firstBytes).write(to: URL(fileURLWithPath: model))
        let stop = Locked(false)
        let finished = DispatchSemaphore(value: 0)
        let folder = files.folder
        let replacer = Thread {
            defer { finished.signal() }
            var round = 0
            while !stop.value {
                round += 1
                // Every fifth file is cut in half; all are written in full under a temporary name
                // and renamed over the model, as an atomic writer does.
                var bytes = round % 2 == 0 ? firstBytes : secondBytes
                if round % 5 == 0 { bytes = Array(bytes.prefix(bytes.count / 2)) }
                let temporary = folder.appendingPathComponent(".model.\(round).tmp").path
                FileManager.default.createFile(atPath: temporary, contents: Data(bytes))
                _ = rename(temporary, model)
            }
        }
        replacer.start()
        defer {
            stop.value = true
            finished.wait()
        }

        var seen: [String: Int] = [:]
        for _ in 0..<24 {
            let outcome = try BoundedRun.run(["predict", "--model", model, data, "--format", "csv"], limit: 60)
            let output = String(decoding: outcome.stdout, as: UTF8.self)
            if outcome.exited(withOneOf: [0]) {
                #expect(expected.contains(output), "a forecast from neither model: \(output)")
                seen[output == expected[0] ? "first" : "second", default: 0] += 1
            } else {
                #expect(outcome.exited(withOneOf: [65, 66]), "\(outcome.reason) \(outcome.status): \(outcome.stderr)")
                let lines = outcome.stderr.split(separator: "\n")
                #expect(lines.count == 1 && lines[0].hasPrefix("tsf: ") && lines[0].contains(model) && lines[0].hasSuffix("."),
                        "\(outcome.stderr)")
                seen["refused", default: 0] += 1
            }
            #expect(!outcome.stderrLooksLikeACrash, "\(outcome.stderr)")
        }
        // Which versions the runs met depends on timing; that they all were one of them does not.
        print("predict while the model is replaced: \(seen)")
    }
}

/// A flag shared between the test and its replacing thread.
private final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
