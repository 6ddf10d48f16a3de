import Forecasting
import FuzzerEntry
import Foundation

/// The file each input is written to, as `Forecaster(contentsOf:)` reads paths; one per process,
/// in memory-backed /dev/shm when it exists.
let modelPath: URL = {
    let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    return URL(fileURLWithPath: folder).appendingPathComponent("tsf-fuzz-\(getpid()).safetensors")
}()

/// One fuzz input: the bytes of a model file, parsed as safetensors, then loaded as a forecaster
/// and, when that succeeds and it holds a history, asked for a forecast. Errors are expected;
/// crashes, hangs and sanitizer reports are the findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModelFile(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    guard (try? SafeTensorsFile(bytes: bytes)) != nil else { return 0 }
    guard FileManager.default.createFile(atPath: modelPath.path, contents: Data(bytes)) else { return 0 }
    guard let forecaster = try? Forecaster(contentsOf: modelPath), forecaster.hasHistory else { return 0 }
    _ = try? forecaster.forecast(steps: min(forecaster.horizon, 3))
    return 0
}
