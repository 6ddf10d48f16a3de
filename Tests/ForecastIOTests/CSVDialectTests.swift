import ForecastIO
import Testing

/// Delimiter and decimal-separator detection.
@Suite struct CSVDialectTests {
    @Test func semicolonWithDecimalCommaIsDetected() throws {
        let table = try readAllColumns(fixtureSource("semicolon_decimal_comma.csv"))
        #expect(table.dialect.delimiter == UInt8(ascii: ";"))
        #expect(table.dialect.numberFormat.decimalSeparator == UInt8(ascii: ","))
        #expect(table.header == ["Datum", "Schluss", "Volumen"])
    }

    @Test func tabAndPipeAreDetected() throws {
        let tab = try readAllColumns(fixtureSource("tab.csv"))
        #expect(tab.dialect.delimiter == 0x09)
        #expect(tab.texts("note") == ["first", "second value"])
        let pipe = try readAllColumns(fixtureSource("pipe.csv"))
        #expect(pipe.dialect.delimiter == UInt8(ascii: "|"))
        #expect(pipe.texts("value") == ["1.5", "2.5"])
    }

    @Test func commaIsDetectedDespiteQuotedCommasAndDecimalPoints() throws {
        let table = try readAllColumns(fixtureSource("quoted.csv"))
        #expect(table.dialect.delimiter == UInt8(ascii: ","))
        #expect(table.dialect.numberFormat.decimalSeparator == UInt8(ascii: "."))
    }

    @Test func givenDelimiterOverridesDetection() throws {
        // Read with ";" the comma file is one column per line.
        let table = try readAllColumns(fixtureSource("pipe.csv"), delimiter: UInt8(ascii: ";"))
        #expect(table.header == ["date|value"])
    }

    @Test func semicolonFileWithDecimalPointsKeepsThePoint() throws {
        let table = try readAllColumns(memorySource("d;v\n2021-01-04;1.5\n2021-01-05;2.25\n"))
        #expect(table.dialect.delimiter == UInt8(ascii: ";"))
        #expect(table.dialect.numberFormat.decimalSeparator == UInt8(ascii: "."))
    }

    @Test func separatorOptionsReadAsUsersTypeThem() {
        #expect(CSVReadOptions.separatorByte("tab") == 0x09)
        #expect(CSVReadOptions.separatorByte("\\t") == 0x09)
        #expect(CSVReadOptions.separatorByte(";") == UInt8(ascii: ";"))
        #expect(CSVReadOptions.separatorByte(";;") == nil)
        #expect(CSVReadOptions.separatorByte("\"") == nil)
    }

    @Test func groupedDecimalCommaNumbersVoteForTheComma() throws {
        let table = try readAllColumns(memorySource("d;v\n28.12.2020;1.204,5\n29.12.2020;3,25\n"))
        #expect(table.dialect.numberFormat.decimalSeparator == UInt8(ascii: ","))
        let dots = try readAllColumns(memorySource("d;v\n28.12.2020;1,204.5\n29.12.2020;3\n"))
        #expect(dots.dialect.numberFormat.decimalSeparator == UInt8(ascii: "."))
    }
}
