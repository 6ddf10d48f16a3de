import CForecastKernels

/// Which compiled variant of the cells' gate math runs on this CPU (`avx512`, `avx2` or
/// `baseline`), for `tsf --version` and bug reports: the variants agree to rounding, and the AVX2
/// and AVX-512 ones bit for bit (`FORECAST_KERNELS` can force a lower one).
public enum CellKernelVariant {
    public static var current: String {
        switch forecast_kernels_instruction_set() {
        case 3: return "avx512"
        case 2: return "avx2"
        default: return "baseline"
        }
    }
}
