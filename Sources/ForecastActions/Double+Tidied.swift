import Foundation

extension Double {
    /// The value rounded to 15 significant digits, the precision a Double always holds exactly
    /// through a decimal round trip: arithmetic noise in the last bits (`28.8 − 3.1` giving
    /// `25.700000000000003`) is dropped from what results print, and nothing a measurement holds is.
    var tidied: Double {
        guard isFinite, self != 0 else { return self }
        // Near the largest double, rounding up to 15 digits passes it (1.79769313486232e308 is
        // infinite): such a value is kept as it is.
        guard let rounded = Double(String(format: "%.15g", self)), rounded.isFinite else { return self }
        return rounded
    }
}
