import Foundation
import Testing
import _ForecastTestSupport

/// An input that shrinks while `tsf` reads it (another program truncating the file, or a writer at
/// the other end of a FIFO that stops mid-record) must end as a run on good data (0), on bad data
/// (65) or on an unreadable input (66): never a crash, never an internal error (70), and never a
/// stack trace on stderr.
@Suite struct InputTruncatedWhileReadTests {
    /// `Date,Close` rows for 300,000 days (about 7 MB), made once.
    static let largeTable: [UInt8] = {
        var text = "Date,Close\n"
        text.reserveCapacity(7_000_000)
        for (day, value) in HostileFiles.randomWalk(count: 300_000, seed: 21).enumerated() {
            text += HostileFiles.date(day)
            text += ","
            text += String(value)
            text += "\n"
        }
        return Array(text.utf8)
    }()

    /// The run on the file truncated `delay` seconds after `tsf` started, to half its size and
    /// then to a point in the middle of a line (after a field separator), so the reader meets
    /// both an early end of file and a record cut in two.
    @Test(arguments: [("inspect", 0.0), ("inspect", 0.05), ("inspect", 0.2), ("forecast", 0.02), ("forecast", 0.3)])
    func truncatedWhileRead(command: String, delay: Double) throws {
        let files = try HostileFiles()
        let path = try files.write("large.csv", bytes: Self.largeTable)
        let half = Self.largeTable.count / 2
        // A point just after a comma: the record there is cut between its date and its value.
        let midLine = Self.largeTable[..<(half / 2)].lastIndex(of: UInt8(ascii: ","))! + 1
        let extra = command == "forecast" ? ["--column", "Close"] + tinyModel : []
        let outcome = try BoundedRun.run([command, path] + extra, limit: 120) { _ in
            Thread.sleep(forTimeInterval: delay)
            _ = truncate(path, off_t(half))
            Thread.sleep(forTimeInterval: 0.01)
            _ = truncate(path, off_t(midLine))
        }
        #expect(outcome.exited(withOneOf: [0, 65, 66]),
                "\(command) after \(delay) s: \(outcome.reason) \(outcome.status)\(outcome.timedOut ? " (killed at the limit)" : ""): \(outcome.stderr)")
        #expect(!outcome.stderrLooksLikeACrash, "\(outcome.stderr)")
    }

    /// A FIFO whose writer stops in the middle of a record, in the middle of a quoted field, or
    /// right after the header, then closes.
    @Test(arguments: [
        "Date,Close\n2000-01-01,1.5\n2000-01-02,2.5\n2000-01-03,3.",
        "Date,Close\n2000-01-01,1.5\n2000-01-02,\"2.5\n2000-01-03,3.5\n2000-01-04",
        "Date,Close\n2000-01-01,1.5\n2000-01-0",
        "Date,Clo",
    ])
    func fifoThatStopsMidRecord(text: String) throws {
        let files = try HostileFiles()
        let fifo = files.path("feed.csv")
        try #require(mkfifo(fifo, 0o600) == 0)
        // Enough whole rows before the cut that a forecast could be made from them.
        var rows = ""
        if text.hasPrefix("Date,Close\n") {
            for (day, value) in HostileFiles.randomWalk(count: 50, seed: 3).enumerated() {
                rows += "\(HostileFiles.date(day + 1000)),\(value)\n"
            }
        }
        let cut = text.hasPrefix("Date,Close\n") ? "Date,Close\n" + rows + text.dropFirst("Date,Close\n".count) : text
        // A header cut short lacks the column `--column` names, which is a usage error (64) by
        // design; only `inspect` reads it.
        let commands = text.contains("\n") ? ["inspect", "forecast"] : ["inspect"]
        for command in commands {
            let extra = command == "forecast" ? ["--column", "Close"] + tinyModel : []
            let outcome = try BoundedRun.run([command, fifo] + extra, limit: 60) { _ in
                // Wait (bounded) for tsf to open the FIFO for reading: until then a non-blocking
                // open for writing fails with ENXIO.
                var descriptor: Int32 = -1
                for _ in 0..<2000 where descriptor < 0 {
                    descriptor = open(fifo, O_WRONLY | O_NONBLOCK)
                    if descriptor < 0 { Thread.sleep(forTimeInterval: 0.01) }
                }
                guard descriptor >= 0 else { return }
                _ = fcntl(descriptor, F_SETFL, 0)
                let bytes = Array(cut.utf8)
                _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) }
                close(descriptor)
            }
            #expect(outcome.exited(withOneOf: [0, 65, 66]),
                    "\(command) on \(String(reflecting: text)): \(outcome.reason) \(outcome.status): \(outcome.stderr)")
            #expect(!outcome.stderrLooksLikeACrash, "\(outcome.stderr)")
            // A record cut mid-way is either read as it stands or refused with a sentence.
            if outcome.status != 0 {
                #expect(outcome.stderr.split(separator: "\n").last?.hasPrefix("tsf: ") == true, "\(outcome.stderr)")
            }
        }
    }
}
