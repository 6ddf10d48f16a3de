import Testing
@testable import ForecastData

struct ChronologicalSplitTests {
    @Test func trainingWindowsNeverReachTheValidationPart() {
        let spec = WindowSpecification(lookback: 4, horizon: 2)
        for rows in 6..<60 {
            for fraction in [0.0, 0.1, 0.25, 0.5] {
                let split = ChronologicalSplit(rows: rows, validationFraction: fraction, specification: spec)
                for start in split.trainingWindowStarts(spec) {
                    #expect(start + spec.minimumRows <= split.validationStart)
                }
                for start in split.validationWindowStarts(spec) {
                    #expect(start + spec.lookback >= split.validationStart)
                    #expect(start + spec.minimumRows <= rows)
                }
                #expect(split.trainingWindowStarts(spec).count >= 1)
            }
        }
    }

    @Test func aFractionOfZeroKeepsEverythingForTraining() {
        let spec = WindowSpecification(lookback: 3, horizon: 1)
        let split = ChronologicalSplit(rows: 20, validationFraction: 0, specification: spec)
        #expect(split.validationStart == 20)
        #expect(!split.hasValidation)
        #expect(split.validationWindowStarts(spec).isEmpty)
        #expect(split.trainingWindowStarts(spec).count == 17)
    }

    @Test func validationTakesTheRequestedShareOfTargetableRows() {
        let spec = WindowSpecification(lookback: 10, horizon: 1)
        let split = ChronologicalSplit(rows: 110, validationFraction: 0.2, specification: spec)
        #expect(split.validationStart == 90)  // 20 % of the 100 targetable rows
        #expect(split.validationWindowStarts(spec).count == 20)
    }
}
