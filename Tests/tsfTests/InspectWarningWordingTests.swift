import Foundation
import Testing
import _ForecastTestSupport

/// The warnings `tsf inspect` prints name the flag that addresses them, while the library's own
/// words for the same warnings name none.
@Suite struct InspectWarningWordingTests {
    @Test func warningsNameTheirFlags() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("no-time.csv", "Volume,Price\n\"1,204,300\",5\n\"2,000\",6\n7,7\n")
        for format in ["text", "json"] {
            let outcome = try CLIRunner.run(["inspect", "--format", format, file])
            #expect(outcome.exitCode == 0)
            #expect(outcome.stdout.contains("rows are taken as numbered steps (name one with --date-column)."), "\(format)")
            #expect(outcome.stdout.contains("if \\\",\\\" separates thousands, pass --thousands") || outcome.stdout.contains("if \",\" separates thousands, pass --thousands"), "\(format)")
            #expect(!outcome.stdout.contains("set it as the thousands separator"), "\(format)")
        }
    }
}
