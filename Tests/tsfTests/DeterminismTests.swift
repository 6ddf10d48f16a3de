import Foundation
import Testing
import _ForecastTestSupport

/// The same data, options and seed give byte-identical model files and identical forecasts, with one
/// thread or two, run after run (docs/architecture.md: gradients are summed in a fixed order).
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

    /// `FORECAST_KERNELS` forces a lower variant of the cell kernels (and, below AVX-512, BLAS for
    /// the step products): the forecasts move only by rounding. Batches of 32 give each half 16
    /// rows, enough for the packed product where the CPU has it. Tolerance: 1e-3 relative to the
    /// forecast's size, far below the spread of forecasts between seeds.
    @Test func everyKernelVariantForecastsTheSame() throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 300, seed: 23)
        let arguments = ["forecast", data, "--format", "csv", "--column", "Close", "--epochs", "4", "--hidden", "20",
                         "--batch-size", "32", "--seed", "5", "--horizon", "3"]
        func forecasts(_ arguments: [String], _ environment: [String: String] = [:]) throws -> [Double] {
            let outcome = try CLIRunner.run(arguments, environment: environment)
            try #require(outcome.exitCode == 0, "\(outcome.stderr)")
            let lines = outcome.stdout.split(separator: "\n")
            let column = try #require(lines.first?.split(separator: ",").firstIndex(of: "forecast"))
            return lines.dropFirst().compactMap { line in
                let fields = line.split(separator: ",")
                return fields.count > column ? Double(fields[column]) : nil
            }
        }
        let chosen = try forecasts(arguments)
        try #require(chosen.count == 3)
        for variant in ["baseline", "avx2", "avx512"] {
            let forced = try forecasts(arguments, ["FORECAST_KERNELS": variant])
            #expect(forced.count == chosen.count)
            for (a, b) in zip(forced, chosen) {
                #expect(abs(a - b) <= 1e-3 * max(1, abs(b)), "\(variant): \(a) against \(b)")
            }
        }
        // Another seed moves the forecasts by far more, so the tolerance above can fail.
        let other = try forecasts(Array(arguments.dropLast(4)) + ["--seed", "6", "--horizon", "3"])
        #expect(other.count == chosen.count)
        #expect(zip(other, chosen).contains { abs($0 - $1) > 1e-3 * max(1, abs($1)) })
    }
}
