#if canImport(Accelerate)
import Accelerate
#else
import COpenBLAS
#endif

/// Which BLAS kernels the process runs on, so tools can warn when they are slow.
///
/// OpenBLAS picks its kernels for the CPU when the library loads. A version older than the
/// CPU does not recognise it and falls back to generic SSE kernels ("Prescott"); measured
/// here that makes LSTM training about 3× slower and batch-1 forecasts 2–4× slower. The
/// choice can only be forced from the environment before the process starts, with
/// `OPENBLAS_CORETYPE` (e.g. `Haswell` on any CPU with AVX2, `SkylakeX` with AVX-512).
public enum BLASBackend {
    /// The kernel family in use, e.g. "Haswell", "SkylakeX", "Prescott"; "Accelerate" on Apple platforms.
    public static var kernelName: String {
        #if canImport(Accelerate)
        return "Accelerate"
        #else
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
        #endif
    }

    /// True when OpenBLAS runs one of its generic pre-AVX kernels, usually because it did not
    /// recognise the CPU.
    public static var usesGenericKernels: Bool {
        ["prescott", "core2", "katmai", "coppermine", "northwood", "banias", "penryn", "dunnington"]
            .contains(kernelName.lowercased())
    }
}
