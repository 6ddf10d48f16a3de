import ForecastIO
import Testing

/// Strict number parsing from bytes.
@Suite struct NumberParsingTests {
    @Test(arguments: [
        ("1e5", 1e5), ("-3.2", -3.2), ("+4", 4.0), ("130.31", 130.31), ("0.0672", 0.0672), (".5", 0.5),
        ("1.", 1.0), ("  7.25 ", 7.25), ("-0", -0.0), ("1.5E-3", 1.5e-3), ("9616100", 9616100.0),
        ("1228.099976", 1228.099976), ("4.186662803811", 4.186662803811),
    ])
    func acceptsDecimalNumbers(text: String, expected: Double) {
        #expect(NumberParsing.parse(text) == .value(expected))
    }

    @Test func longMantissasAndLargeExponentsRoundLikeTheStandardLibrary() {
        for text in ["3.141592653589793238462643", "12345678901234567890123", "1e300", "2.5e-300", "0.1000000000000000055511151231257827"] {
            #expect(NumberParsing.parse(text) == .value(Double(text)!), "\(text)")
        }
    }

    @Test func fastPathMatchesTheStandardLibraryOnManyPrices() {
        // Every cent from 0.00 to 2000.00, plus a few more digits: the exact fast path must agree.
        for cents in stride(from: 0, through: 200_000, by: 7) {
            let text = "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
            #expect(NumberParsing.parse(text) == .value(Double(text)!), "\(text)")
        }
    }

    @Test(arguments: ["1O2.30", "12abc", "0x1p3", "abc", "", "-", ".", "1e", "e5", "1.2.3", "1,5", "--1", "1 2"])
    func rejectsWhatIsNotADecimalNumber(text: String) {
        guard case .invalid = NumberParsing.parse(text) else {
            Issue.record("\(text) should be rejected")
            return
        }
    }

    /// Volumes and changes as price sites write them: a unit right after the last digit.
    @Test func unitsAfterTheDigitsScaleTheNumber() {
        #expect(NumberParsing.parse("1.85M") == .value(1_850_000))
        #expect(NumberParsing.parse("230.5K") == .value(230_500))
        #expect(NumberParsing.parse("2.1B") == .value(2_100_000_000))
        #expect(NumberParsing.parse("-0.08%") == .value(-0.08))
        #expect(NumberParsing.parse("$1.2B") == .value(1_200_000_000))
        #expect(NumberParsing.parse("12345678901234567890123K") == .value(Double("12345678901234567890123")! * 1e3))
        for text in ["M", "1.5 M", "1.5m", "1.5MM", "1.5k", "%", "1.5X", "1,85M"] {
            guard case .value = NumberParsing.parse(text) else { continue }
            Issue.record("\(text) read as a number")
        }
    }

    @Test func infinityIsReportedAsInfinite() {
        #expect(NumberParsing.parse("inf") == .infinite)
        #expect(NumberParsing.parse("-Infinity") == .infinite)
        #expect(NumberParsing.parse("1e999") == .infinite)
    }

    @Test func nanTextIsNotANumber() {
        guard case .invalid = NumberParsing.parse("nan") else {
            Issue.record("nan must not read as a number; it is a missing-value token")
            return
        }
    }

    @Test func thousandsSeparatorNeedsTheOptionAndGroupsOfThree() {
        let plain = NumberFormat()
        #expect(NumberParsing.parse("1,204,300", format: plain) == .invalid(looksSeparated: true))
        let thousands = NumberFormat(decimalSeparator: UInt8(ascii: "."), thousandsSeparator: UInt8(ascii: ","))
        #expect(NumberParsing.parse("1,204,300", format: thousands) == .value(1_204_300))
        #expect(NumberParsing.parse("-12,000.5", format: thousands) == .value(-12_000.5))
        #expect(NumberParsing.parse("1,20,300", format: thousands) == .invalid(looksSeparated: false))
        #expect(NumberParsing.parse("1234,567", format: thousands) == .invalid(looksSeparated: false))
        #expect(NumberParsing.parse("1,2345", format: thousands) == .invalid(looksSeparated: false))
    }

    @Test func decimalCommaFormat() {
        let comma = NumberFormat(decimalSeparator: UInt8(ascii: ","))
        #expect(NumberParsing.parse("130,31", format: comma) == .value(130.31))
        #expect(NumberParsing.parse("-1,5", format: comma) == .value(-1.5))
        let european = NumberFormat(decimalSeparator: UInt8(ascii: ","), thousandsSeparator: UInt8(ascii: "."))
        #expect(NumberParsing.parse("1.204,5", format: european) == .value(1204.5))
    }

    /// A space as the thousands separator also reads the no-break, narrow no-break and thin spaces
    /// French exports write (`1 205,21`), in the fast and the correctly rounded paths; groups still
    /// have three digits.
    @Test(arguments: [" ", "\u{00A0}", "\u{202F}", "\u{2009}"])
    func spacesOfEveryKindGroupThousands(space: String) {
        let format = NumberFormat(decimalSeparator: UInt8(ascii: ","), thousandsSeparator: 0x20)
        #expect(NumberParsing.parse("1\(space)205,21", format: format) == .value(1205.21))
        #expect(NumberParsing.parse("-12\(space)345\(space)678", format: format) == .value(-12_345_678))
        let long = ["12", "345", "678", "901", "234", "567", "890"].joined(separator: space) + ",125"
        #expect(NumberParsing.parse(long, format: format) == .value(Double("12345678901234567890.125")!))
        #expect(NumberParsing.parse("1\(space)20,5", format: format) == .invalid(looksSeparated: false))
        // Without a space separator the value is not a number, but one an option would read.
        #expect(NumberParsing.parse("1\(space)205.21") == .invalid(looksSeparated: true))
    }

    @Test func aThousandsSpaceIsTypedAsAnySpace() {
        for space in ["\u{00A0}", "\u{202F}", "\u{2009}", " "] {
            #expect(CSVReadOptions.thousandsSeparatorByte(space) == 0x20)
        }
        #expect(CSVReadOptions.separatorByte("\u{202F}") == nil)
        #expect(CSVReadOptions.thousandsSeparatorByte(",") == UInt8(ascii: ","))
    }

    /// Prices as exports write them: a currency sign before the number (after or before its sign)
    /// or after it, with spaces between, in the fast and the correctly rounded paths.
    @Test(arguments: [
        ("$925.28", 925.28), ("-$5", -5), ("$-5", -5), ("+$1.5", 1.5), ("\u{20AC} 12", 12), ("\u{00A3}3.25", 3.25),
        ("\u{00A5}1200", 1200), ("12.5$", 12.5), ("7 \u{20AC}", 7), ("$12345678901234567890.5", 12345678901234567890.5),
        ("$ -5", -5), ("\u{20AC}\u{00A0}-1.5", -1.5), ("\u{00A0}12.5\u{00A0}", 12.5),
    ])
    func currencySignsAreRead(text: String, expected: Double) {
        #expect(NumberParsing.parse(text) == .value(expected))
    }

    @Test func currencySignsWithSeparators() {
        let comma = NumberFormat(decimalSeparator: UInt8(ascii: ","), thousandsSeparator: 0x20)
        #expect(NumberParsing.parse("1\u{202F}205,21 \u{20AC}", format: comma) == .value(1205.21))
        #expect(NumberParsing.parse("12 \u{20AC}", format: comma) == .value(12))
        #expect(NumberParsing.parse("12,50\u{00A0}\u{20AC}", format: comma) == .value(12.5))
        let thousands = NumberFormat(thousandsSeparator: UInt8(ascii: ","))
        #expect(NumberParsing.parse("$1,205.21", format: thousands) == .value(1205.21))
        // Without the option the remedy is still offered; two signs, or one inside, are no number.
        #expect(NumberParsing.parse("$1,205.21") == .invalid(looksSeparated: true))
        for text in ["$$5", "5$5", "$", "$ ", "5 $ 5", "\u{20AC}5\u{20AC}"] {
            guard case .invalid = NumberParsing.parse(text) else {
                Issue.record("\(text) was read as a number")
                continue
            }
        }
    }
}
