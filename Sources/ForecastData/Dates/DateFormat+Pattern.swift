extension DateFormat {
    /// The strftime pattern that reads the same layout (`%m/%d/%Y` for month/day/year with
    /// slashes), for messages that tell the user what to pass; nil where no pattern says it
    /// (epoch times) or none is needed (ISO layouts are always detected).
    public var strftimePattern: String? {
        switch self {
        case .monthDayYear(let separator): return "%m\(separator.rawValue)%d\(separator.rawValue)%Y"
        case .dayMonthYear(let separator): return "%d\(separator.rawValue)%m\(separator.rawValue)%Y"
        case .monthDayShortYear(let separator): return "%m\(separator.rawValue)%d\(separator.rawValue)%y"
        case .dayMonthShortYear(let separator): return "%d\(separator.rawValue)%m\(separator.rawValue)%y"
        case .yearMonthDaySlashed: return "%Y/%m/%d"
        case .yearMonthDayDotted: return "%Y.%m.%d"
        case .isoDate: return "%Y-%m-%d"
        case .compactDate: return "%Y%m%d"
        case .pattern(let pattern): return pattern
        default: return nil
        }
    }
}
