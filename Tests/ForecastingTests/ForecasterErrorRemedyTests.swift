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
        #expect(throws: ForecasterError.invalidConfiguration(setting: "hiddenSize", value: "0", requirement: "at least 1")) {
            try configuration.validate()
        }
        configuration.hiddenSize = 8
        configuration.dropout = 1.5
        #expect(throws: ForecasterError.invalidConfiguration(setting: "dropout", value: "1.5", requirement: "in [0, 1)")) {
            try configuration.validate()
        }
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
