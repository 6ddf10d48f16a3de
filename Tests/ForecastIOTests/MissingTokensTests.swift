import ForecastIO
import Testing

/// Missing-value tokens.
@Suite struct MissingTokensTests {
    @Test(arguments: ["", "  ", "NA", "N/A", "NaN", "nan", "null", "NULL", ".", "-", " NA "])
    func defaultTokensAreMissing(text: String) {
        #expect(MissingTokens.default.isMissing(text))
    }

    @Test(arguments: ["0", "na", "None", "1.5", "NAN", "--"])
    func otherTextsAreNotMissing(text: String) {
        #expect(!MissingTokens.default.isMissing(text))
    }

    @Test func customTokensReplaceTheDefaults() {
        let tokens = MissingTokens(["-999", "n.a."])
        #expect(tokens.isMissing("-999"))
        #expect(tokens.isMissing("n.a."))
        #expect(tokens.isMissing(""))
        #expect(!tokens.isMissing("NA"))
        #expect(tokens.includesNumbers)
        #expect(!MissingTokens.default.includesNumbers)
    }
}
