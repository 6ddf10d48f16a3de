import Foundation
import Testing
import _ForecastTestSupport

/// `tsf --version` names the version, the commit (or that this is a development build), the BLAS
/// kernels and the cells' kernel variant, so a bug report says what ran.
@Suite struct VersionCommandTests {
    @Test func versionSaysWhatRuns() throws {
        let outcome = try CLIRunner.run(["--version"])
        #expect(outcome.exitCode == 0)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("tsf 0.2.0 (commit ") == true)
        #expect(lines.dropFirst().first?.hasPrefix("BLAS: ") == true)
        #expect(["cell kernels: avx512", "cell kernels: avx2", "cell kernels: baseline"].contains(lines.last ?? ""))
    }

    @Test func aLowerKernelVariantIsReported() throws {
        let outcome = try CLIRunner.run(["--version"], environment: ["FORECAST_KERNELS": "baseline"])
        #expect(outcome.stdout.hasSuffix("cell kernels: baseline\n"))
    }
}
