/// The character between day, month and year in numeric dates such as `3/14/2021` or `14.03.2021`.
public enum DateSeparator: Character, Hashable, Sendable, CaseIterable {
    case slash = "/"
    case dash = "-"
    case dot = "."

    /// The separator as one ASCII byte, for the byte-level parsers.
    var byte: UInt8 {
        switch self {
        case .slash: return UInt8(ascii: "/")
        case .dash: return UInt8(ascii: "-")
        case .dot: return UInt8(ascii: ".")
        }
    }
}
