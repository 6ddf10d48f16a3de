import ForecastActions

/// What `tsf --version` says about this binary: the version, the commit it was built from (written
/// here by `scripts/package.sh` for the packaged binary; nil in a development build), the BLAS
/// kernels OpenBLAS runs and the variant of the cells' gate math this CPU runs.
enum BuildInfo {
    static let commit: String? = nil

    static var versionText: String {
        BLASBackend.load()
        return """
            tsf \(ForecastingVersion.number) (commit \(commit ?? "unknown: a development build"))
            BLAS: \(BLASBackend.kernelName) kernels
            cell kernels: \(CellKernelVariant.current)
            """
    }
}
