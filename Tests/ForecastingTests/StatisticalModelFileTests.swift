import Foundation
import Testing
import _ForecastTestSupport
@testable import Forecasting

/// Model files whose method averages statistical models: every key checked, each problem named.
@Suite struct StatisticalModelFileTests {
    /// The metadata of a saved statistical model, to corrupt one key at a time.
    static func savedMetadata() throws -> (SafeTensorsFile, ScratchFolder) {
        let folder = try ScratchFolder()
        let url = folder.url.appendingPathComponent("model.safetensors")
        try StatisticalMethodTests.statisticalForecaster().save(to: url)
        return (try SafeTensorsFile(contentsOf: url), folder)
    }

    static func load(_ file: SafeTensorsFile, metadata: [String: String], in folder: ScratchFolder) throws -> Forecaster {
        let url = folder.url.appendingPathComponent("corrupt.safetensors")
        try SafeTensorsFile(tensors: file.tensors, metadata: metadata).write(to: url)
        return try Forecaster(contentsOf: url)
    }

    static func problem(_ edit: (inout [String: String]) -> Void) throws -> String {
        let (file, folder) = try savedMetadata()
        var metadata = file.metadata
        edit(&metadata)
        do {
            _ = try load(file, metadata: metadata, in: folder)
        } catch let error as ModelFileError {
            return error.problem
        }
        return "loaded"
    }

    @Test func theRecordedModelsAreNamedByTheMethod() throws {
        let (file, _) = try Self.savedMetadata()
        let method = try #require(file.metadata["method"])
        let records = try JSONDecoder().decode([StatisticalModelRecord].self, from: Data(try #require(file.metadata["statistical_models"]).utf8))
        #expect(records.map(\.model) == ForecastMethod(name: method, seasonPeriod: nil)?.statisticalModels.map(\.rawValue))
        #expect(file.metadata["statistical_history"] != nil)
    }

    @Test func missingModelsAreRefused() throws {
        let problem = try Self.problem { $0["statistical_models"] = nil }
        #expect(problem.contains("needs 'statistical_models'"))
    }

    /// An unknown method is refused with every kind of name a model file can hold, the statistical
    /// ones included.
    @Test func anUnknownMethodListsEveryKindOfName() throws {
        let problem = try Self.problem { $0["method"] = "magic" }
        #expect(problem.contains("metadata 'method' is 'magic'"), "\(problem)")
        for name in ["network+naive", "seasonal-naive", "ets", "theta", "arima", "drift"] { #expect(problem.contains(name), "\(problem)") }
    }

    @Test func modelsOtherThanTheMethodNamesAreRefused() throws {
        let problem = try Self.problem { $0["statistical_models"] = #"[{"model":"theta","period":4,"alpha":0.5,"initial_level":1}]"# }
        #expect(problem.contains("needs") && problem.contains("in that order"), "\(problem)")
    }

    @Test(arguments: [
        (#"{"model":"ets","period":4,"form":"A,Q,N","alpha":0.5,"beta":0,"gamma":0,"phi":1,"level":1,"slope":0}"#, "'form'"),
        (#"{"model":"ets","period":4,"form":"A,N,A","alpha":0.5,"beta":0,"gamma":0.1,"phi":1,"level":1,"slope":0,"season":[1,2]}"#, "'season' holds 2 values, not 4"),
        (#"{"model":"ets","period":1,"form":"A,N,N","beta":0,"gamma":0,"phi":1,"level":1,"slope":0}"#, "'alpha' is missing"),
        (#"{"model":"arima","period":1,"order":[1,1,0,1,0,0],"ar":[0.5],"ma":[],"seasonal_ar":[0.1],"seasonal_ma":[]}"#, "needs a 'period' of at least 2"),
        (#"{"model":"arima","period":5000,"order":[0,0,0,1,0,0],"ar":[],"ma":[],"seasonal_ar":[0.1],"seasonal_ma":[]}"#, "spans more than"),
        (#"{"model":"arima","period":1,"order":[2,1,0,0,0,0],"ar":[0.5],"ma":[],"seasonal_ar":[],"seasonal_ma":[]}"#, "'ar' holds 1 values, not 2"),
        (#"{"model":"arima","period":0,"order":[0,1,0,0,0,0]}"#, "'period' must be from 1"),
        (#"{"model":"theta","period":4,"decomposition":"sideways","alpha":0.5,"initial_level":1}"#, "'decomposition'"),
    ])
    func aBadRecordIsNamed(record: String, clause: String) throws {
        let problem = try Self.problem { metadata in
            let model = String(record.split(separator: "\"")[3])
            metadata["method"] = model
            metadata["statistical_models"] = "[\(record)]"
        }
        #expect(problem.contains("model 1 (") && problem.contains(clause), "\(problem)")
    }

    @Test func aHistoryTooShortForTheModelsIsRefused() throws {
        let problem = try Self.problem { metadata in
            metadata["method"] = "theta"
            metadata["statistical_models"] = #"[{"model":"theta","period":4,"decomposition":"additive","alpha":0.5,"initial_level":1}]"#
            metadata["statistical_history"] = "[1,2,3]"
            metadata["history"] = nil
        }
        #expect(problem.contains("'statistical_history' holds 3 values but the statistical models need at least 8"), "\(problem)")
    }

    @Test func aStatisticalHistoryThatStartsLaterIsContinuedFromItsStartRow() throws {
        let (file, folder) = try Self.savedMetadata()
        var metadata = file.metadata
        let series = StatisticalMethodTests.trending
        metadata["statistical_start"] = "40"
        metadata["statistical_history"] = "[" + series.dropFirst(40).map { "\($0)" }.joined(separator: ",") + "]"
        var loaded = try Self.load(file, metadata: metadata, in: folder)
        let statistical = try #require(loaded.statistical)
        #expect(statistical.startRow == 40 && statistical.history == Array(series.dropFirst(40)))
        let expected = try statistical.forecast(steps: 3)
        // Conditioning on the whole series skips the rows before the start again.
        try loaded.condition(on: series)
        #expect(loaded.statistical?.history == Array(series.dropFirst(40)))
        #expect(try loaded.statistical?.forecast(steps: 3) == expected)
        // Saved again, the start row is kept.
        let url = folder.url.appendingPathComponent("again.safetensors")
        try loaded.save(to: url)
        #expect(try SafeTensorsFile(contentsOf: url).metadata["statistical_start"] == "40")
        // A series that ends before the start row and the models' own minimum is too short.
        let short = statistical.minimumRows - 1
        #expect(throws: ForecasterError.historyTooShort(rows: short, needed: statistical.minimumRows)) {
            try loaded.condition(on: Array(series.prefix(short)))
        }
    }

    @Test func aNegativeStartRowIsRefused() throws {
        let problem = try Self.problem { $0["statistical_start"] = "-3" }
        #expect(problem.contains("'statistical_start' must be a whole number"), "\(problem)")
    }

    @Test func aHistoryThatDisagreesWithTheStatisticalHistoryIsRefused() throws {
        let problem = try Self.problem { metadata in
            metadata["statistical_history"] = "[" + (0..<200).map { "\($0)" }.joined(separator: ",") + "]"
        }
        #expect(problem.contains("'history' must be the last"), "\(problem)")
    }
}
