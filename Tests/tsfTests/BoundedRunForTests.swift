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

    /// Runs `tsf` with `arguments`. `whileRunning` is called once it started (to disturb it);
    /// `readingStdout`, when given, reads standard output itself instead of draining it (and may
    /// close it early); with `ignoringSIGPIPE`, tsf is started through `sh` with `trap '' PIPE`,
    /// so that it begins with SIGPIPE ignored as some parents leave it.
    static func run(
        _ arguments: [String], limit: Double = 60, ignoringSIGPIPE: Bool = false,
        readingStdout: ((FileHandle) throws -> Void)? = nil, whileRunning: ((Process) -> Void)? = nil
    ) throws -> BoundedRun {
        let process = Process()
        if ignoringSIGPIPE {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "trap '' PIPE; exec \"$0\" \"$@\"", try CLIRunner.executable().path] + arguments
        } else {
            process.executableURL = try CLIRunner.executable()
            process.arguments = arguments
        }
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
        if readingStdout == nil {
            DispatchQueue.global().async(group: drained) { outData = output.fileHandleForReading.readDataToEndOfFile() }
        }
        DispatchQueue.global().async(group: drained) { errData = errors.fileHandleForReading.readDataToEndOfFile() }
        try readingStdout?(output.fileHandleForReading)
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
