/// Text and number encoding for SVG output.
enum SVGText {
    /// Escapes the five XML special characters so user text (column names, titles) cannot break
    /// the document.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A coordinate with two decimals at most; non-finite values become 0 so the document never
    /// holds `nan` or `inf` (callers drop such points before they get here).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let clamped = min(max(value, -1e9), 1e9)    // far outside any canvas, still exact
        let rounded = (clamped * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(rounded)
        if text.contains("e") { text = String(Int(rounded)) }
        return text
    }
}
