extension DateFormat {
    /// The first directive in a strftime pattern that `pattern` formats cannot read (`"%Q"`, or
    /// `"%"` for a lone percent sign at the end), or nil when the pattern is fully supported; a
    /// host checks a user's pattern with it, since an unknown directive never parses.
    public static func unsupportedDirective(inPattern pattern: String) -> String? {
        StrftimePattern.firstUnsupportedDirective(in: pattern)
    }
}
