#if !canImport(Accelerate)
import COpenBLAS
import Foundation

/// OpenBLAS, opened on first use rather than linked, so the library can choose its kernels first.
///
/// OpenBLAS picks its kernels once, while it loads, from `OPENBLAS_CORETYPE` or its own detection;
/// Debian's 0.3.21 does not recognise recent CPUs and falls back to generic SSE kernels that make
/// training about 2.5× slower. Linked at load time, it would choose before any of our code runs;
/// opened here, `BLASBackend.kernelChoice` is applied to the environment just before.
struct OpenBLASLibrary: @unchecked Sendable {
    let sgemm: forecast_cblas_sgemm_function
    let sgemv: forecast_cblas_sgemv_function
    let coreName: String
    /// The `OPENBLAS_CORETYPE` this library set before opening OpenBLAS; nil when it left the
    /// choice to the environment or to OpenBLAS.
    let requestedCoreType: String?

    /// The library every BLAS call uses, opened by the first.
    static let shared = open()

    /// The names tried in turn: the runtime library's soname (Debian: libopenblas0), then the
    /// development symlink.
    static let fileNames = ["libopenblas.so.0", "libopenblas.so"]

    private static func open() -> OpenBLASLibrary {
        let coreType = BLASBackend.coreTypeToRequest()
        if let coreType { setenv("OPENBLAS_CORETYPE", coreType, 1) }
        // The project calls OpenBLAS from one thread per job (below). Loaded with its default,
        // OpenBLAS starts a pool of threads that spin on sched_yield for a while after every
        // start, taking the second core from our own threads: a 10-fold backtest on two threads
        // spent 0.1 s of system time there and ran 1.75× faster than on one thread, against
        // 1.88× without the pool (airpassengers, 2026-12-05).
        setenv("OPENBLAS_NUM_THREADS", "1", 1)
        guard let handle = fileNames.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else {
            let reason = dlerror().map { String(cString: $0) } ?? "not found"
            fatalError("ForecastNN needs OpenBLAS (Debian and Ubuntu: apt install libopenblas0): \(reason)")
        }
        // Left set: child processes (another `tsf`) start with the same kernels.

        func symbol<Function>(_ name: String, as _: Function.Type) -> Function {
            guard let address = dlsym(handle, name) else {
                fatalError("the OpenBLAS library lacks \(name): \(dlerror().map { String(cString: $0) } ?? "")")
            }
            return unsafeBitCast(address, to: Function.self)
        }
        // The project splits work across cores itself; OpenBLAS's own threads inside every call
        // would nest with ours and make small products slower.
        symbol("openblas_set_num_threads", as: forecast_openblas_set_num_threads_function.self)(1)
        let name = symbol("openblas_get_corename", as: forecast_openblas_get_corename_function.self)()
        return OpenBLASLibrary(
            sgemm: symbol("cblas_sgemm", as: forecast_cblas_sgemm_function.self),
            sgemv: symbol("cblas_sgemv", as: forecast_cblas_sgemv_function.self),
            coreName: name.map { String(cString: $0) } ?? "unknown", requestedCoreType: coreType)
    }
}
#endif
