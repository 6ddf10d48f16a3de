import Foundation
#if canImport(Accelerate)
import Accelerate
#endif

/// Which BLAS kernels the process runs on, and how they are chosen.
///
/// On Linux, OpenBLAS picks its kernels once, when it loads. A version older than the CPU (Debian
/// 12 ships 0.3.21) does not recognise it and falls back to generic SSE kernels ("Prescott"):
/// measured here, LSTM training is then about 2.5× slower and batch-1 forecasts 2–4× slower.
/// ForecastNN therefore opens OpenBLAS itself on the first BLAS call (or `load()`), and by default
/// first asks for the fastest kernels the CPU runs (`KernelChoice.fastestForCPU`): SkylakeX with
/// AVX-512, Haswell with AVX2 and FMA. On CPUs OpenBLAS does recognise this changes little, since
/// its kernels for newer x86 cores are these families'. On Apple platforms Accelerate is used and
/// none of this applies.
public enum BLASBackend {
    /// How OpenBLAS's kernels are chosen when it loads.
    public enum KernelChoice: Sendable {
        /// The fastest family the CPU runs (`fastKernelsForCPU`), unless the environment names one
        /// (`OPENBLAS_CORETYPE`) or asks to keep OpenBLAS's own choice (`TSF_KEEP_BLAS_KERNELS`).
        case fastestForCPU
        /// Whatever OpenBLAS detects (or `OPENBLAS_CORETYPE` says).
        case openBLASDetection
    }

    private static let settings = ChoiceSetting()

    /// The choice applied when OpenBLAS loads; `.fastestForCPU` by default. Setting it after the
    /// first BLAS call has no effect: the kernels are fixed for the life of the process.
    public static var kernelChoice: KernelChoice {
        get { settings.value }
        set { settings.value = newValue }
    }

    /// Loads the BLAS library now with the current `kernelChoice`, rather than at the first matrix
    /// product. Apps that want the choice made before they start threads call it at launch:
    /// choosing sets `OPENBLAS_CORETYPE` in the process environment.
    public static func load() {
        #if !canImport(Accelerate)
        _ = OpenBLASLibrary.shared
        #endif
    }

    /// The kernel family in use, e.g. "Haswell", "SkylakeX", "Prescott"; "Accelerate" on Apple
    /// platforms. Loads the library if no BLAS call has yet.
    public static var kernelName: String {
        #if canImport(Accelerate)
        return "Accelerate"
        #else
        return OpenBLASLibrary.shared.coreName
        #endif
    }

    /// The kernel family ForecastNN asked OpenBLAS for when it loaded it (`kernelChoice`); nil when
    /// the environment or OpenBLAS's own detection chose, and on Apple platforms. Loads the library
    /// if no BLAS call has yet.
    public static var selectedKernels: String? {
        #if canImport(Accelerate)
        return nil
        #else
        return OpenBLASLibrary.shared.requestedCoreType
        #endif
    }

    /// True when OpenBLAS runs one of its generic pre-AVX kernels: the CPU lacks AVX2, or the
    /// environment kept or forced them.
    public static var usesGenericKernels: Bool {
        ["prescott", "core2", "katmai", "coppermine", "northwood", "banias", "penryn", "dunnington"]
            .contains(kernelName.lowercased())
    }

    /// The fastest OpenBLAS kernel family this CPU runs, from its flags in /proc/cpuinfo:
    /// "SkylakeX" with AVX-512 (F, DQ, BW, VL), "Haswell" with AVX2 and FMA; nil otherwise (and on
    /// other systems). Newer families (Cooperlake) add bfloat16 routines but share SkylakeX's
    /// single-precision kernels, and OpenBLAS 0.3.21 cannot be forced to them by name.
    public static let fastKernelsForCPU: String? = {
        guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return nil }
        let flags = Set(line.split(separator: " ").map(String.init))
        if flags.isSuperset(of: ["avx512f", "avx512dq", "avx512bw", "avx512vl"]) { return "SkylakeX" }
        if flags.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
        return nil
    }()

    /// The `OPENBLAS_CORETYPE` to set before loading OpenBLAS, or nil to leave the environment alone.
    static func coreTypeToRequest() -> String? {
        let environment = ProcessInfo.processInfo.environment
        guard kernelChoice == .fastestForCPU, environment["OPENBLAS_CORETYPE"] == nil,
              environment["TSF_KEEP_BLAS_KERNELS"] == nil else { return nil }
        return fastKernelsForCPU
    }
}

/// `BLASBackend.kernelChoice`, readable and settable from any thread.
private final class ChoiceSetting: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = BLASBackend.KernelChoice.fastestForCPU
    var value: BLASBackend.KernelChoice {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
