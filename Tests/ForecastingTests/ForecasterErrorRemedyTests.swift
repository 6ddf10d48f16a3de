import Foundation
import Testing
@testable import Forecasting

/// Forecaster errors as data: the numbers and the setting involved, and sentences in the library's
/// words that name no command-line flag, since apps embedding the library have none.
struct ForecasterErrorRemedyTests {
    static let errors: [ForecasterError] = [
        .seriesTooShort(rows: 12, needed: 20, lookback: 10, horizon: 5),
        .notPositiveForLogTransform(row: 2, value: -1, transform: .logReturn),
        .featuresUnknownBeyondHorizon(steps: 8, horizon: 4),
        .unusableTrainedModel(epoch: 3, loss: nil),
        .unusableTrainedModel(epoch: 3, loss: 4e9),
        .invalidConfiguration(setting: "learningRate", value: "-0.1", requirement: "positive"),
        .noSeries,
        .noSeriesLongEnough(lookback: 10, horizon: 5),
    ]

    @Test(arguments: errors)
    func descriptionNamesNoFlagAndEndsWithItsRemedy(error: ForecasterError) throws {
        let description = try #require(error.errorDescription)
        #expect(!description.contains("--"))
        #expect(description.hasPrefix(error.problem))
        if let remedy = error.remedy { #expect(description.hasSuffix("; \(remedy)."), "\(description)") }
    }

    @Test func remediesSayWhatToChange() {
        #expect(ForecasterError.seriesTooShort(rows: 12, needed: 20, lookback: 10, horizon: 5).remedy == .shortenLookbackOrHorizon)
        #expect(ForecasterError.featuresUnknownBeyondHorizon(steps: 8, horizon: 4).remedy == .trainWithHorizon(8))
        #expect(ForecasterError.notPositiveForLogTransform(row: 0, value: 0, transform: .logReturn).remedy == .avoidLogTransform)
        #expect(ForecasterError.unusableTrainedModel(epoch: 1, loss: nil).remedy == .lowerLearningRateOrClip)
        #expect(ForecasterError.constantSeries(value: 3).remedy == nil)
    }

    @Test func validationNamesTheSettingItsValueAndTheRequirement() {
        var configuration = ForecasterConfiguration()
        configuration.hiddenSize = 0
        #expect(throws: ForecasterError.invalidConfiguration(setting: "hiddenSize", value: "0", requirement: "from 1 to 65536")) {
            try configuration.validate()
        }
        configuration.hiddenSize = 8
        configuration.dropout = 1.5
        #expect(throws: ForecasterError.invalidConfiguration(setting: "dropout", value: "1.5", requirement: "in [0, 1)")) {
            try configuration.validate()
        }
    }

    /// A direct horizon whose head alone holds too many weights is refused as a horizon, not as a
    /// hidden size (10 million steps on 32 units).
    @Test func aHeadTooLargeForItsHorizonNamesTheHorizon() {
        var configuration = ForecasterConfiguration()
        configuration.horizon = 10_000_000
        configuration.strategy = .direct
        do {
            try configuration.validate()
            Issue.record("a head of 10 million outputs was accepted")
        } catch let ForecasterError.invalidConfiguration(setting, value, requirement) {
            #expect(setting == "horizon" && value == "10000000")
            #expect(requirement.contains("the recursive strategy"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// Sizes no machine can train, or no model file can record, are refused before any allocation
    /// (a hidden size of 100,000 asked for 160 GB and crashed; a lookback of 2⁶³ − 1 overflowed).
    @Test(arguments: [("hiddenSize", 100_000, "from 1 to 65536"), ("layers", 5_000, "from 1 to 1000"),
                      ("horizon", 10_000_001, "from 1 to 10000000"), ("lookback", Int.max, "from 1 to 10000000")])
    func sizesBeyondTheLimitsAreRefused(setting: String, value: Int, requirement: String) {
        var configuration = ForecasterConfiguration()
        switch setting {
        case "hiddenSize": configuration.hiddenSize = value
        case "layers": configuration.layers = value
        case "horizon": configuration.horizon = value
        default: configuration.lookback = value
        }
        #expect(throws: ForecasterError.invalidConfiguration(setting: setting, value: "\(value)", requirement: requirement)) {
            try configuration.validate()
        }
    }

    /// A network within each limit but too many weights in all is refused, with its size.
    @Test func aNetworkWithTooManyWeightsIsRefused() throws {
        var configuration = ForecasterConfiguration(cell: .lstm, hiddenSize: 9_000, layers: 1)
        do {
            try configuration.validate()
            Issue.record("9,000 LSTM units hold 324 million weights, above the limit")
        } catch let ForecasterError.invalidConfiguration(setting, _, requirement) {
            #expect(setting == "hiddenSize")
            #expect(requirement.contains("about 3241"), "\(requirement)")
        }
        configuration.hiddenSize = 8_000  // 4 · 8,000 · 8,003 = 256 million: within the limit
        try configuration.validate()
        // A second layer reads H inputs, not one: 5,000 units in two layers hold 300 million.
        configuration.hiddenSize = 5_000
        configuration.layers = 2
        #expect(throws: ForecasterError.self) { try configuration.validate() }
        configuration.layers = 1
        try configuration.validate()
        // The head holds one pass's outputs: 300,000 steps one at a time (recursive) are a one-output
        // head; all at once (direct), 300,000 outputs of 1,025 weights each, over the limit.
        var long = ForecasterConfiguration(hiddenSize: 1_024, horizon: 300_000, strategy: .recursive)
        try long.validate()
        long.strategy = .direct
        #expect(throws: ForecasterError.self) { try long.validate() }
    }

    @Test func theSettingIsNamedInWords() {
        let error = ForecasterError.invalidConfiguration(setting: "hiddenSize", value: "0", requirement: "at least 1")
        #expect(error.errorDescription == "Invalid forecaster setting: the hidden size must be at least 1, not 0.")
        let unknown = ForecasterError.invalidConfiguration(setting: "warmup", value: "-1", requirement: "at least 0")
        #expect(unknown.errorDescription == "Invalid forecaster setting: warmup must be at least 0, not -1.")
    }

    @Test func aGlobalFitOfNoSeriesSaysSo() {
        #expect(throws: ForecasterError.noSeries) { try GlobalForecaster.fit(series: []) }
    }
}
