/// Colours of the charts: the Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008),
/// chosen because its colours stay distinct for readers with colour-vision deficiencies.
enum ChartPalette {
    static let history = "#222222"
    static let forecast = "#D55E00"
    static let baseline = "#777777"
    /// Colours handed out in turn to series that name none.
    static let cycle = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
    static let grid = "#E4E4E4"
    static let axis = "#555555"
    static let text = "#222222"
}
