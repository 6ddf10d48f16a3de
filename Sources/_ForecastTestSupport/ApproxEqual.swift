/// Approximate comparisons with the tolerance stated at the call site, so a test says how
/// close is close enough instead of hiding it.

/// |a − b| / max(|b|, floor): relative error against a reference `b`, measured against
/// `floor` where `b` is tiny (for Float results, `Float.leastNormalMagnitude` makes errors in
/// subnormal results count as absolute errors at the scale of the smallest normal number).
public func relativeError(_ a: Double, _ b: Double, floor: Double) -> Double {
    if a == b { return 0 }                       // also equal infinities
    if a.isNaN || b.isNaN { return .infinity }
    return abs(a - b) / max(abs(b), floor)
}

/// True when |a − b| ≤ absolute + relative · max(|a|, |b|).
public func isApproximatelyEqual(_ a: Double, _ b: Double, relative: Double, absolute: Double = 0) -> Bool {
    if a == b { return true }
    return abs(a - b) <= absolute + relative * max(abs(a), abs(b))
}

/// True when |a − b| ≤ absolute + relative · max(|a|, |b|).
public func isApproximatelyEqual(_ a: Float, _ b: Float, relative: Float, absolute: Float = 0) -> Bool {
    isApproximatelyEqual(Double(a), Double(b), relative: Double(relative), absolute: Double(absolute))
}

/// The largest |a_i − b_i| divided by the largest |b_i| (one scale for the whole array, so
/// entries near zero do not dominate), or +inf when the lengths differ.
public func maximumScaledDifference(_ a: [Float], _ b: [Float]) -> Double {
    guard a.count == b.count else { return .infinity }
    guard !a.isEmpty else { return 0 }
    let scale = max(b.map { abs(Double($0)) }.max() ?? 0, .leastNormalMagnitude)
    return zip(a, b).map { abs(Double($0) - Double($1)) }.max()! / scale
}
