import ForecastActions
import Foundation
import Testing
import _ForecastTestSupport

/// `tsf predict` warns when the file does not look like the series the model was fitted on, and
/// forecasts all the same; the training file itself draws no warning.
@Suite struct PredictionInputCheckTests {
    static func warnings(model: String, file: String) throws -> [String] {
        let log = ReportLog()
        _ = try PredictAction(modelPath: model, source: .file(file)).run(reporter: log.reporter)
        return log.all.filter { $0.hasPrefix("warning:") }
    }

    @Test func aDifferentCalendarOrAFarLevelIsWarnedOf() throws {
        let folder = try ScratchFolder()
        let monthly = ActionFixtures.monthlyCSV()
        let file = try folder.write("sales.csv", monthly)
        var configuration = ActionFixtures.quick
        configuration.transform = TransformKind.none  // a model of levels
        let model = folder.path("model.safetensors")
        _ = try ForecastAction(source: .file(file), selection: SeriesSelection(column: "sales"), configuration: configuration,
                               steps: 2, modelPath: model).run()
        #expect(try Self.warnings(model: model, file: file).isEmpty)

        let rows = monthly.split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        let daily = (0..<rows.count).map { (row: Int) -> String in
            let day = String(format: "2000-%02d-%02d", 1 + row / 28, 1 + row % 28)
            return day + "," + rows[row][1]
        }
        let dailyFile = try folder.write("daily.csv", "day,sales\n" + daily.joined(separator: "\n") + "\n")
        let calendar = try Self.warnings(model: model, file: dailyFile)
        #expect(calendar.contains { $0.contains("daily.csv reads as daily, but the model was fitted on monthly data") }, "\(calendar)")

        let far = rows.map { "\($0[0]),\(Double($0[1])! + 10_000)" }
        let farFile = try folder.write("far.csv", "month,sales\n" + far.joined(separator: "\n") + "\n")
        let level = try Self.warnings(model: model, file: farFile)
        #expect(level.contains { $0.contains("far.csv (mean ") && $0.contains("lie far outside the values the model keeps") }, "\(level)")
    }

    /// A model fitted on values that never went below zero keeps its forecasts there; a file that
    /// goes below drops that bound, and a note says so, where it was dropped without a word.
    @Test func aDroppedLowerBoundIsNoted() throws {
        let folder = try ScratchFolder()
        let monthly = ActionFixtures.monthlyCSV()
        let file = try folder.write("sales.csv", monthly)
        var configuration = ActionFixtures.quick
        configuration.transform = TransformKind.none
        let model = folder.path("model.safetensors")
        _ = try ForecastAction(source: .file(file), selection: SeriesSelection(column: "sales"), configuration: configuration,
                               steps: 2, modelPath: model).run()
        func notes(_ path: String) throws -> [String] {
            let log = ReportLog()
            _ = try PredictAction(modelPath: model, source: .file(path)).run(reporter: log.reporter)
            return log.all.filter { $0.contains("no longer kept") }
        }
        #expect(try notes(file).isEmpty)
        var lines = monthly.split(separator: "\n").map(String.init)
        lines[lines.count - 3] = lines[lines.count - 3].split(separator: ",").dropLast().joined(separator: ",") + ",-4.5"
        let below = try folder.write("below.csv", lines.joined(separator: "\n") + "\n")
        let dropped = try notes(below)
        #expect(dropped.count == 1 && dropped[0].contains("the model kept its forecasts at 0.0 or above (its series never went below); ")
                    && dropped[0].contains("below.csv goes down to -4.5"), "\(dropped)")
    }
}
