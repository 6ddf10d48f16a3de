import Foundation
import _ForecastTestSupport

/// One run of `tsf` that a fault test cannot let hang: both pipes are drained on their own threads
/// and the run is killed (and reported as such) if it has not ended within `limit` seconds.
struct BoundedRun {
    var reason: Process.TerminationReason
    var status: Int32
    var stdout: Data
    var stderr: String
    /// True when the run had to be killed at the limit.
    var timedOut: Bool

    /// Ended by itself with one of `codes` (never a signal, never the limit).
    func exited(withOneOf codes: Set<Int32>) -> Bool {
        !timedOut && reason == .exit && codes.contains(status)
    }

    /// Signs of a crash report rather than a sentence: the Swift runtime's and the sanitizers'.
    var stderrLooksLikeACrash: Bool {
        ["Fatal error", "Stack dump", "Backtrace", "Crash", "SUMMARY:", "Illegal instruction", "Segmentation"]
            .contains { stderr.contains($0) }
    }

    static func run(_ arguments: [String], limit: Double = 60, whileRunning: ((Process) -> Void)? = nil) throws -> BoundedRun {
        let process = Process()
        process.executableURL = try CLIRunner.executable()
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        let drained = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: drained) { outData = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: drained) { errData = errors.fileHandleForReading.readDataToEndOfFile() }
        whileRunning?(process)
        var timedOut = false
        if ended.wait(timeout: .now() + limit) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            ended.wait()
        }
        drained.wait()
        return BoundedRun(reason: process.terminationReason, status: process.terminationStatus, stdout: outData,
                          stderr: String(decoding: errData, as: UTF8.self), timedOut: timedOut)
    }
}
