import Foundation

extension ModelOptions {
    /// Threads for series in parallel (and for a global model's mini-batches): `--threads`, or every core.
    var seriesThreads: Int { max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount) }
}
