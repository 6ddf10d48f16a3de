import Foundation
import Testing
import _ForecastTestSupport

/// The library chooses OpenBLAS's kernels when it opens it, but a kernel family the user named in
/// `OPENBLAS_CORETYPE` wins; `tsf bench` reads the library's state and warns about generic kernels.
@Suite struct BenchKernelTests {
    @Test func aKernelFamilyNamedByTheUserIsKept() throws {
        let outcome = try CLIRunner.run(["bench", "--epochs", "2", "--points", "200", "--hidden", "8"],
                                        environment: ["OPENBLAS_CORETYPE": "Prescott"])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("warning: OpenBLAS runs its generic Prescott kernels"), "\(outcome.stderr)")
        #expect(outcome.stdout.contains("\"train_windows_per_s\""))
    }
}
