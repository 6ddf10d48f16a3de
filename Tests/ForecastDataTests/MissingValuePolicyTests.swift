import Testing
import ForecastData

/// Missing-value policies, exactly.
@Suite struct MissingValuePolicyTests {
    private let nan = Double.nan
    private var gappy: [Double] { [nan, nan, 1, nan, nan, 4, 5, nan] }

    @Test func errorNamesTheFirstMissingIndex() {
        #expect(throws: MissingValueError(index: 3)) { try MissingValuePolicy.error.apply(to: [1, 2, 3, .nan, .nan]) }
        let message = MissingValueError(index: 3).errorDescription ?? ""
        #expect(message.contains("row index 3"))
    }

    @Test func errorPassesCompleteSeries() throws {
        let result = try MissingValuePolicy.error.apply(to: [1, 2, 3])
        #expect(result.values == [1, 2, 3])
        #expect(result.keptIndices == [0, 1, 2])
        #expect(result.report == MissingValueReport())
    }

    @Test func dropRemovesEveryMissingRow() throws {
        let result = try MissingValuePolicy.drop.apply(to: gappy)
        #expect(result.values == [1, 4, 5])
        #expect(result.keptIndices == [2, 5, 6])
        #expect(result.report == MissingValueReport(missing: 5, filled: 0, dropped: 5,
                                                    leadingDropped: 2, trailingDropped: 1))
    }

    @Test func ffillCarriesTheLastValueAndDropsTheLeadingGap() throws {
        let result = try MissingValuePolicy.ffill.apply(to: gappy)
        #expect(result.values == [1, 1, 1, 4, 5, 5])
        #expect(result.keptIndices == [2, 3, 4, 5, 6, 7])
        #expect(result.report == MissingValueReport(missing: 5, filled: 3, dropped: 2,
                                                    leadingDropped: 2, trailingDropped: 0))
    }

    @Test func linearInterpolatesInteriorGapsAndDropsBothEnds() throws {
        let result = try MissingValuePolicy.linear.apply(to: gappy)
        #expect(result.keptIndices == [2, 3, 4, 5, 6])
        let expected: [Double] = [1, 2, 3, 4, 5]
        #expect(result.values.count == expected.count)
        for (value, target) in zip(result.values, expected) {
            #expect(abs(value - target) < 1e-12)
        }
        #expect(result.report == MissingValueReport(missing: 5, filled: 2, dropped: 3,
                                                    leadingDropped: 2, trailingDropped: 1))
    }

    @Test func linearUsesTheDistanceToEachNeighbour() throws {
        let result = try MissingValuePolicy.linear.apply(to: [10, .nan, .nan, .nan, 2])
        let expected: [Double] = [10, 8, 6, 4, 2]
        for (value, target) in zip(result.values, expected) {
            #expect(abs(value - target) < 1e-12)
        }
    }

    @Test func everyPolicyKeepsTheAccountingIdentity() throws {
        for policy in MissingValuePolicy.allCases where policy != .error {
            let report = try policy.apply(to: gappy).report
            #expect(report.missing == report.filled + report.dropped, "\(policy)")
            let result = try policy.apply(to: gappy)
            #expect(result.values.allSatisfy { !$0.isNaN }, "\(policy)")
        }
    }

    @Test func allMissingLeavesNothing() throws {
        for policy in [MissingValuePolicy.drop, .ffill, .linear] {
            let result = try policy.apply(to: [.nan, .nan])
            #expect(result.values.isEmpty)
            #expect(result.report.dropped == 2)
        }
        #expect(throws: MissingValueError(index: 0)) { try MissingValuePolicy.error.apply(to: [.nan]) }
    }

    @Test func infinityIsAValueNotAGap() throws {
        let result = try MissingValuePolicy.drop.apply(to: [1, .infinity])
        #expect(result.values == [1, .infinity])
    }

    @Test func policiesHaveStableNames() {
        #expect(MissingValuePolicy.allCases.map(\.rawValue) == ["error", "drop", "ffill", "linear"])
        #expect(MissingValuePolicy(rawValue: "linear") == .linear)
    }
}
