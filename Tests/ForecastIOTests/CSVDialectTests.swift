import ForecastData
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

    /// Whole numbers with a dot between thousands beside ones under a thousand (`1.663`, `758`), in
    /// a `;`-separated file, are read as thousands, with a warning that says how to read them
    /// otherwise; where anything shows the dot is a decimal point, it stays one.
    @Test(arguments: [
        ("d;v\n2024-01-01;1.663\n2024-02-01;758\n2024-03-01;2.112\n", [1663.0, 758, 2112]),
        ("d;v\n2024-01-01;1.204.300\n2024-02-01;758\n2024-03-01;-1.663\n", [1_204_300, 758, -1663]),
        ("d;v\n2024-01-01;21.345\n2024-02-01;22.001\n", [21.345, 22.001]),
        ("d;v\n2024-01-01;1.663\n2024-02-01;7580\n", [1.663, 7580]),
        ("d;v;w\n2024-01-01;1.663;3.14\n2024-02-01;758;2\n", [1.663, 758]),
        ("d;v\n2024-01-01;0.125\n2024-02-01;758\n", [0.125, 758]),
        ("d,v\n2024-01-01,1.663\n2024-02-01,758\n", [1.663, 758]),
    ])
    func aDotBetweenThousandsIsRecognised(text: String, expected: [Double]) throws {
        let data = try SeriesReader.read(memorySource(text), target: "v")
        #expect(data.target.values == expected)
        let grouped = expected.contains(758) && expected.allSatisfy { $0 == $0.rounded() }
        #expect(data.warnings.contains { $0.remedies == [.setDecimalSeparator(".")] } == grouped, "\(data.warnings)")
        // The remedy reads a first value that can be a decimal as one.
        let first = text.split(separator: "\n")[1].split(whereSeparator: { $0 == ";" || $0 == "," })[1]
        if let decimal = Double(first) {
            var point = CSVReadOptions()
            point.decimalSeparator = UInt8(ascii: ".")
            let asDecimals = try SeriesReader.read(memorySource(text), target: "v", options: point)
            #expect(asDecimals.warnings.isEmpty)
            #expect(asDecimals.target.values.first == decimal)
        }
    }

    /// A thousands separator given alone settles the decimal separator as the other of `.` and `,`
    /// (it used to fail as equal to the decimal point detected).
    @Test func aThousandsSeparatorGivenAloneImpliesTheDecimalOne() throws {
        var options = CSVReadOptions()
        options.thousandsSeparator = UInt8(ascii: ".")
        let data = try SeriesReader.read(memorySource("d;v\n2024-01-01;1.204,5\n2024-02-01;3.000\n"), target: "v", options: options)
        #expect(data.target.values == [1204.5, 3000])
        options.thousandsSeparator = UInt8(ascii: ",")
        let commas = try SeriesReader.read(memorySource("d;v\n2024-01-01;1,204.5\n2024-02-01;3,000\n"), target: "v", options: options)
        #expect(commas.target.values == [1204.5, 3000])
    }

    /// A file with a decimal comma reads spaces between thousands, plain or no-break, even where
    /// the first rows hold none (they appear past the sample, as prices cross 1,000); a decimal
    /// point file names the remedy instead.
    @Test func aDecimalCommaFileReadsSpacesBetweenThousands() throws {
        var text = "Date;Dernier\n"
        for month in 0..<250 { text += String(format: "%d-%02d-01;9%02d,25\n", 1990 + month / 12, month % 12 + 1, month % 100) }
        text += "2010-11-01;1\u{202F}205,21\n2010-12-01;1 199,08\n"
        let table = try readAllColumns(memorySource(text))
        #expect(table.dialect.numberFormat.thousandsSeparator == 0x20)
        let values = try SeriesReader.read(memorySource(text), target: "Dernier").target.values
        #expect(values.suffix(2) == [1205.21, 1199.08])
        let point = readError { try SeriesReader.read(memorySource("d,v\n2024-01-01,1 205.5\n2024-01-02,3\n"), target: "v") }
        #expect(point == .notANumber(file: "memory.csv", line: 2, column: "v", value: "1 205.5", remedy: .setThousandsSeparator(" ")))
    }

    /// One column of numbers with decimal commas (`Wert` over `1,5`) is one column, where a comma
    /// split it into rows wider than the header; a column that also writes a decimal dot, text, or
    /// dates beside values under one name, is not, nor a quoted one.
    @Test func oneColumnOfDecimalCommasIsOneColumn() throws {
        let data = try SeriesReader.read(memorySource("# Messung\nWert\n1,5\n2\n-0,25\n3,75\n"), target: "Wert")
        #expect(data.target.values == [1.5, 2, -0.25, 3.75])
        // A missing value (interpolated) and dots between thousands are still that column.
        let gappy = try SeriesReader.read(memorySource("Wert\n1,5\nNA\n2,5\n1.234,5\n"), target: "Wert")
        #expect(gappy.target.values == [1.5, 2, 2.5, 1234.5])
        // Quoted, `"1,204"` may be an English thousand: the file is not read so, and the number
        // error asks which the comma is.
        guard case .notANumber(_, 2, "Volume", "1,204", .setThousandsOrDecimalSeparator(",")?)? =
                readError({ try SeriesReader.read(memorySource("Volume\n\"1,204\"\n\"2,500\"\n"), target: "Volume") }) else {
            Issue.record("expected the quoted column to ask which the comma is")
            return
        }
        // Every comma before exactly three digits, beside whole numbers, may group English thousands.
        for text in ["Wert\n1,5\n2.5\n", "Wert\n1,5\nx,y\n", "Close\n2024-01-01,1.5\n2024-01-02,1.6\n", "Sales\n1,273\n1,345\n980\n"] {
            guard case .raggedRow? = readError({ try TableInspection.inspect(memorySource(text)) }) else {
                Issue.record("expected a ragged row for \(text), got \(String(describing: readError { try TableInspection.inspect(memorySource(text)) }))")
                continue
            }
        }
    }

    /// A spreadsheet's `sep=;` first line names the delimiter and is not the header; lines keep
    /// their numbers in the file.
    @Test(arguments: ["sep=;\n", "SEP=;\r\n"])
    func aSeparatorLineNamesTheDelimiter(first: String) throws {
        let text = first + "Date;Value\n2024-01-01;1,5\n2024-01-02;2,5\n2024-01-03;x\n"
        let table = try readAllColumns(memorySource(text))
        #expect(table.header == ["Date", "Value"])
        #expect(table.dialect.delimiter == UInt8(ascii: ";"))
        #expect(table.dialect.numberFormat.decimalSeparator == UInt8(ascii: ","))
        let error = readError { try SeriesReader.read(memorySource(text), target: "Value") }
        #expect(error == .notANumber(file: "memory.csv", line: 5, column: "Value", value: "x", remedy: nil))
    }

    /// The dot-between-thousands reading sees through currency signs, weighs every row (values that
    /// pass 1,000 only after the sample), and leaves a column whose whole numbers are a thousand
    /// times smaller than its dotted ones (`22` beside `21.345`: 22.000 with its zeros dropped).
    @Test func groupedThousandsThroughSignsPastTheSampleAndNotAcrossMagnitudes() throws {
        let euros = try SeriesReader.read(memorySource("d;v\n2024-01-01;1.663 \u{20AC}\n2024-02-01;758 \u{20AC}\n2024-03-01;\u{20AC} 2.104\n"), target: "v")
        #expect(euros.target.values == [1663, 758, 2104])
        var growing = "d;v\n"
        for month in 0..<400 {
            let value = 700 + month
            let text = value < 1000 ? "\(value)" : "1.\(String(format: "%03d", value - 1000))"
            growing += String(format: "%d-%02d-01;", 1990 + month / 12, month % 12 + 1) + text + "\n"
        }
        let grown = try SeriesReader.read(memorySource(growing), target: "v")
        // The sample holds the first 200 rows (700 to 899); 1.000 comes at row 301.
        #expect(grown.target.values == (700..<1100).map(Double.init))
        #expect(grown.warnings.contains { $0.remedies == [.setDecimalSeparator(".")] }, "\(grown.warnings)")
        let sensor = try SeriesReader.read(memorySource("d;t\n2024-01-01;21.345\n2024-01-02;22\n2024-01-03;21.987\n"), target: "t")
        #expect(sensor.target.values == [21.345, 22, 21.987])
        #expect(sensor.warnings.isEmpty)
    }

    /// A decimal-comma file groups thousands with the dots or spaces its numbers show, currency
    /// signs or not, and a file whose every value is over 1,000 (`1 205,21`) still finds its comma.
    @Test(arguments: [
        ("d;v\n2024-01-01;913,75 \u{20AC}\n2024-02-01;1.212,50 \u{20AC}\n", [913.75, 1212.5]),
        ("d;v\n2024-01-01;1 205,21\n2024-02-01;1\u{202F}310,50\n", [1205.21, 1310.5]),
        ("d;v\n2024-01-01;12,50 \u{20AC}\n2024-02-01;13,75 \u{20AC}\n", [12.5, 13.75]),
    ])
    func decimalCommaFilesReadTheirGroups(text: String, expected: [Double]) throws {
        #expect(try SeriesReader.read(memorySource(text), target: "v").target.values == expected)
    }

    /// A Swiss apostrophe between thousands names itself as the remedy.
    @Test func anApostropheBetweenThousandsNamesItself() {
        let error = readError { try SeriesReader.read(memorySource("d,v\n2024-01-01,1'234.50\n2024-01-02,3\n"), target: "v") }
        #expect(error == .notANumber(file: "memory.csv", line: 2, column: "v", value: "1'234.50", remedy: .setThousandsSeparator("'")))
    }

    /// A file of several header levels, as Python's yfinance writes prices, is read by its first
    /// header with the dates in the first column; its data lines keep their numbers.
    @Test func aTickerHeaderOfSeveralLevelsIsRead() throws {
        let text = "Price,Close,High,Low,Open,Volume\nTicker,AAPL,AAPL,AAPL,AAPL,AAPL\nDate,,,,,\n"
            + "2025-01-02,243.26,249.1,241.82,248.93,55740700\n2025-01-03,243.36,244.18,241.89,243.36,40244100\n"
            + "2025-01-06,245.0,247.33,243.2,244.31,45045600\n"
        let data = try SeriesReader.read(memorySource(text), target: "Close")
        #expect(data.timeColumn == "Date")
        #expect(data.target.values == [243.26, 243.36, 245.0])
        #expect(data.lines == [4, 5, 6])
        #expect(try readAllColumns(memorySource("a,b\nTicker,x\nDate,y\n1,2\n")).header == ["a", "b"])
    }

    /// Price exports quote numbers with commas between thousands (`"1,801.70"`): where a comma can
    /// only group thousands, it is read so, on any row; where one comma could be a decimal one
    /// (`"1,5"`, or `"1,801"` with nothing else), the file is left as it is and the error names
    /// the options.
    @Test func commasThatOnlyGroupThousandsAreRead() throws {
        let investing = try SeriesReader.read(memorySource("Date,Price\n2024-01-02,\"1,801.70\"\n2024-01-03,\"981.25\"\n2024-01-04,\"$1,234,567\"\n"), target: "Price")
        #expect(investing.target.values == [1801.70, 981.25, 1_234_567])
        // Past the sampled rows, and in a `;`-separated file with decimal points.
        var growing = "Date,Close\n"
        for day in 0..<300 { growing += "\(DateFormat.isoDate.string(from: Timestamp(year: 2020, month: 1, day: 1).advanced(by: Double(day) * 86_400))),\(day < 299 ? "\"999.50\"" : "\"1,000.25\"")\n" }
        #expect(try SeriesReader.read(memorySource(growing), target: "Close").target.values.last == 1000.25)
        #expect(try SeriesReader.read(memorySource("d;v\n2024-01-01;1,204.5\n2024-01-02;3.5\n"), target: "v").target.values == [1204.5, 3.5])
        for ambiguous in ["d,v\n2024-01-01,\"1,801.70\"\n2024-01-02,\"1,5\"\n", "d,v\n2024-01-01,\"1,801\"\n2024-01-02,\"2,250\"\n",
                          "d,v\n2024-01-01,\"01,801.7\"\n2024-01-02,\"3.5\"\n"] {
            let error = readError { try SeriesReader.read(memorySource(ambiguous), target: "v") }
            guard case .notANumber = error else {
                Issue.record("\(ambiguous): expected a value that is not a number, got \(String(describing: error))")
                continue
            }
        }
        // Read as a stream too (standard input, many series), from the sampled rows.
        let stream = try LongFormatStream(memorySource("id,Date,Price\na,2024-01-02,\"1,801.70\"\na,2024-01-03,\"981.25\"\n"),
                                          idColumn: "id", target: "Price")
        let streamed = try #require(try stream.next())
        #expect(try streamed.data().get().target.values == [1801.70, 981.25])
        // A separator given is kept: with a decimal comma, `1,801.70` is no number.
        let given = readError { try SeriesReader.read(memorySource("d,v\n2024-01-01,\"1,801.70\"\n"), target: "v",
                                                      options: CSVReadOptions(decimalSeparator: UInt8(ascii: ","))) }
        #expect(given != nil)
    }
}
