import Foundation
import Testing
@testable import ForecastNN

/// OpenBLAS is opened by the library on first use, with the fastest kernels the CPU runs unless
/// the environment chose (the command-line tests check that a user's `OPENBLAS_CORETYPE` wins).
struct BLASKernelChoiceTests {
    @Test(.enabled(if: BLASBackend.fastKernelsForCPU != nil, "the CPU lacks AVX2: only generic kernels run"))
    func theFirstProductRunsOnFastKernels() throws {
        // A first BLAS use, as any fit makes.
        let a = Matrix(rows: 2, columns: 3, elements: [1, 2, 3, 4, 5, 6])
        #expect(a.multiplied(byVector: [1, 1, 1]) == [6, 15])
        guard let selected = BLASBackend.selectedKernels else {
            // Only a choice in the environment stops the library from choosing.
            let environment = ProcessInfo.processInfo.environment
            #expect(environment["OPENBLAS_CORETYPE"] != nil || environment["TSF_KEEP_BLAS_KERNELS"] != nil)
            return
        }
        #expect(selected == BLASBackend.fastKernelsForCPU)
        #expect(BLASBackend.kernelName.lowercased() == selected.lowercased())
        #expect(!BLASBackend.usesGenericKernels)
        // The choice is left in the environment, so child processes start with the same kernels.
        #expect(ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == selected)
    }

    #if !canImport(Accelerate)
    @Test func openBLASIsOpenedWithoutItsOwnThreadPool() {
        // Opening the library sets it; its idle pool would spin on the core our jobs need.
        _ = BLAS.ready
        #expect(getenv("OPENBLAS_NUM_THREADS").map { String(cString: $0) } == "1")
    }
    #endif
}
