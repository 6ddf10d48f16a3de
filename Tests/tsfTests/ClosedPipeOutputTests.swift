import Foundation
import Testing
import _ForecastTestSupport

/// `tsf forecast … | head -1`: the reader of standard output goes away after the first line. tsf
/// must end quietly, with exit code 0 or killed by SIGPIPE as any Unix filter is, with nothing on
/// stderr that the same run into an open pipe does not print, and without hanging.
@Suite struct ClosedPipeOutputTests {
    /// A long-format file of `count` daily series with 200 rows each, grouped by id.
    private func writeManySeries(_ files: HostileFiles, count: Int) throws -> String {
        var text = "id,Date,Close\n"
        for series in 0..<count {
            for (day, value) in HostileFiles.randomWalk(count: 200, seed: UInt64(series + 1)).enumerated() {
                text += "s\(series),\(HostileFiles.date(day)),\(value)\n"
            }
        }
        return try files.write("many.csv", text: text)
    }

    /// Runs tsf with its output into a pipe whose read end is closed after the first line, read
    /// one byte at a time, as `head -1` does; returns that line too.
    private func runClosingAfterFirstLine(_ arguments: [String], ignoringSIGPIPE: Bool) throws -> (first: String, run: BoundedRun) {
        var first = Data()
        let run = try BoundedRun.run(arguments, limit: 120, ignoringSIGPIPE: ignoringSIGPIPE) { reader in
            while let byte = try reader.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { first.append(byte) }
            // The test process's own copy of the write end was closed by `run()`; only tsf holds one.
            try reader.close()
        }
        return (String(decoding: first, as: UTF8.self), run)
    }

    private func expectQuietEnd(_ arguments: [String], ignoringSIGPIPE: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws {
        // The same run into an open pipe: what it prints on stderr (notes) is allowed, nothing else.
        let whole = try BoundedRun.run(arguments, limit: 120)
        try #require(whole.exited(withOneOf: [0]), "\(whole.stderr)", sourceLocation: sourceLocation)
        // Much more than a pipe holds (64 KiB on Linux), so tsf is still writing when the reader goes.
        #expect(whole.stdout.count > 200_000, "only \(whole.stdout.count) bytes of output", sourceLocation: sourceLocation)

        let (first, closed) = try runClosingAfterFirstLine(arguments, ignoringSIGPIPE: ignoringSIGPIPE)
        #expect(!first.isEmpty, sourceLocation: sourceLocation)
        #expect(!closed.timedOut, "tsf did not end after its reader went away", sourceLocation: sourceLocation)
        let quiet = closed.exited(withOneOf: [0]) || (closed.reason == .uncaughtSignal && closed.status == SIGPIPE)
        #expect(quiet, "ended with \(closed.reason) \(closed.status): \(closed.stderr)", sourceLocation: sourceLocation)
        let allowed = Set(whole.stderr.split(separator: "\n"))
        let unexpected = closed.stderr.split(separator: "\n").filter { !allowed.contains($0) }
        #expect(unexpected.isEmpty, "\(unexpected)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [false, true])
    func manySeriesForecastIntoAClosedPipe(ignoringSIGPIPE: Bool) throws {
        let files = try HostileFiles()
        let data = try writeManySeries(files, count: 160)
        try expectQuietEnd(["forecast", data, "--id", "id", "--column", "Close", "--format", "csv",
                            "--horizon", "40", "--lookback", "8"] + tinyModel, ignoringSIGPIPE: ignoringSIGPIPE)
    }

    @Test(arguments: [false, true])
    func singleSeriesTableIntoAClosedPipe(ignoringSIGPIPE: Bool) throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 300)
        // 12,000 steps, one at a time, make about 290 KB of table.
        try expectQuietEnd(["forecast", data, "--column", "Close", "--strategy", "recursive", "--horizon", "12000",
                            "--lookback", "8", "--validation-fraction", "0"] + tinyModel, ignoringSIGPIPE: ignoringSIGPIPE)
    }
}
