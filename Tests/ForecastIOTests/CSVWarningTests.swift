import ForecastIO
import Testing
import _ForecastTestSupport

/// A warning keeps its remedy as data: the library words it without flags, a host in its own terms.
@Suite struct CSVWarningTests {
    @Test func remediesAreWordedByTheHost() throws {
        let folder = try ScratchFolder()
        // `1,5` could hold a decimal comma, so the commas are not read between thousands.
        let file = try folder.write("no-time.csv", "Volume,Price\n\"1,204,300\",5\n\"1,5\",7\n")
        let inspection = try TableInspection.inspect(.file(file))
        let remedies = inspection.warnings.flatMap(\.remedies)
        #expect(remedies.contains(.nameDateColumn))
        #expect(remedies.contains(.setThousandsSeparator(",")))
        for warning in inspection.warnings {
            #expect(!warning.message.contains("--"), "\(warning.message)")
            let worded = warning.message(wording: { _ in "<remedy>" })
            #expect(worded.contains("<remedy>") == !warning.remedies.isEmpty)
        }
    }

    @Test func aPlainWarningIsItsMessage() {
        let warning = CSVWarning("rows were sorted.")
        #expect(warning.message == "rows were sorted.")
        #expect(warning.remedies.isEmpty)
        #expect(warning.message(wording: { _ in "x" }) == "rows were sorted.")
    }
}
