#if os(Linux)
import Foundation
import Forecasting

/// Starts `tsf` again with fast OpenBLAS kernels when the installed OpenBLAS did not recognise the CPU.
///
/// OpenBLAS chooses its kernels when it loads, before `main` runs, and an OpenBLAS older than the CPU
/// falls back to generic SSE kernels that make training about 2.5× slower (measured on this project's
/// machines). The choice can only be forced through `OPENBLAS_CORETYPE` in the environment of a new
/// process, so `tsf` sets it from the CPU's features (AVX-512 → SkylakeX, AVX2 → Haswell) and
/// executes itself once more. Nothing happens when the user set `OPENBLAS_CORETYPE` (their choice
/// wins) or `TSF_KEEP_BLAS_KERNELS`.
enum BLASKernelSelection {
    static func reexecuteIfGeneric() {
        let environment = ProcessInfo.processInfo.environment
        guard BLASBackend.usesGenericKernels, environment["OPENBLAS_CORETYPE"] == nil,
              environment["TSF_KEEP_BLAS_KERNELS"] == nil, let core = fasterCore() else { return }
        setenv("OPENBLAS_CORETYPE", core, 1)
        let arguments = CommandLine.arguments
        var cArguments = arguments.map { strdup($0) }
        cArguments.append(nil)
        execv("/proc/self/exe", &cArguments)
        // execv returns only on failure: carry on with the generic kernels.
        unsetenv("OPENBLAS_CORETYPE")
    }

    /// The kernel family the CPU can run, from /proc/cpuinfo's flags.
    static func fasterCore() -> String? {
        guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let flagsLine = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return nil }
        let flags = Set(flagsLine.split(separator: " ").map(String.init))
        if flags.isSuperset(of: ["avx512f", "avx512dq", "avx512bw", "avx512vl"]) { return "SkylakeX" }
        if flags.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
        return nil
    }
}
#endif
