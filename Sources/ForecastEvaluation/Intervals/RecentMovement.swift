/// How much a series has been moving lately: the mean absolute one-step change over the `window`
/// values before a row. Normalised conformal intervals divide their residuals by it (see
/// `ConformalCalibration.intervals`), so that a price's residuals from a calm year do not set the width
/// after a crash, and a level that has doubled gets intervals twice as wide.
///
/// The scale never falls below a tenth of the movement over the whole history (a flat spell would
/// otherwise make any later residual look enormous); a history that never moves has scale 1, which
/// leaves residuals as they are.
public struct RecentMovement: Sendable {
    /// Values whose changes are averaged: about a month of trading days, five years of quarters.
    public static let defaultWindow = 20

    let changes: [Double]
    let window: Int
    let floor: Double

    public init(history: [Double], window: Int = RecentMovement.defaultWindow) {
        precondition(window >= 1, "the window holds at least one change")
        changes = zip(history.dropFirst(), history).map { abs($0 - $1) }
        self.window = window
        let overall = changes.isEmpty ? 0 : changes.reduce(0, +) / Double(changes.count)
        floor = overall > 0 && overall.isFinite ? overall / 10 : 0
    }

    /// The scale of the changes among the values before `row` (rows `< row`); 1 when the series never moves.
    public func scale(before row: Int) -> Double {
        guard floor > 0 else { return 1 }
        // Changes between rows r−1 and r for r < row are changes[0 ..< row − 1].
        let end = min(max(row - 1, 0), changes.count)
        let start = max(0, end - window)
        guard end > start else { return floor * 10 }
        let recent = changes[start..<end].reduce(0, +) / Double(end - start)
        return max(recent, floor)
    }
}
