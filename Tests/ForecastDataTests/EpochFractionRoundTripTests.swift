import ForecastData
import Testing

/// Found by the FuzzDates target: `epochSeconds` read `0.962` as 0.9620000000000001 (the fraction
/// summed digit by digit), wrote it back as `0.9620000000000001`, and read that as yet another
/// value; and it wrote 0.000000111 as `1.11e-07`, which no epoch parser reads. Epoch values with a
/// fraction are now read correctly rounded and written without an exponent, so what the format
/// writes reads back as the same instant and is written the same way again.
@Suite struct EpochFractionRoundTripTests {
    @Test(arguments: ["0.962", "1609459200.962", "-0.1", "1609459200.123456", "0.30000000000000004", "1700000000.7",
                      "0.0000001110", "-0.00001", "0.000000000000000000001"])
    func epochSecondsReadBackAsWritten(text: String) throws {
        let format = DateFormat.epochSeconds
        let timestamp = try #require(format.parse(text))
        #expect(timestamp.secondsSinceEpoch == Double(text))
        let written = format.string(from: timestamp)
        let again = try #require(format.parse(written))
        #expect(again == timestamp)
        #expect(format.string(from: again) == written)
    }

    @Test func shortFractionsAreWrittenAsRead() {
        #expect(DateFormat.epochSeconds.parse("0.962").map(DateFormat.epochSeconds.string(from:)) == "0.962")
        #expect(DateFormat.epochSeconds.parse("1609459200.25").map(DateFormat.epochSeconds.string(from:)) == "1609459200.25")
    }

    @Test func smallFractionsAreWrittenWithoutAnExponent() {
        #expect(DateFormat.epochSeconds.parse("0.0000001110").map(DateFormat.epochSeconds.string(from:)) == "0.000000111")
        #expect(DateFormat.epochSeconds.parse("-0.00001").map(DateFormat.epochSeconds.string(from:)) == "-0.00001")
        #expect(DateFormat.epochMilliseconds.parse("0.5").map(DateFormat.epochMilliseconds.string(from:)) == "1")
    }

    @Test func millisecondsWithAFractionRoundTrip() throws {
        let format = DateFormat.epochMilliseconds
        let timestamp = try #require(format.parse("1609459200123.5"))
        let written = format.string(from: timestamp)
        #expect(format.parse(written).map(format.string(from:)) == written)
    }
}
