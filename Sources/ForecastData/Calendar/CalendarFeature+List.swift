extension CalendarFeature {
    /// The word for no features, as users type it.
    public static let noneName = "none"

    /// The features of a list as users type it (`day-of-week,month`), in the order typed;
    /// `none` is the empty list. Names are trimmed and case-insensitive; an unknown name, an
    /// empty one, a repeated one, or `none` beside others is an error, so a typo is never dropped.
    public static func parseList(_ text: String) throws(CalendarFeatureError) -> [CalendarFeature] {
        let names = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingSpacesAndTabs().lowercased() }
        if names == [noneName] { return [] }
        var features: [CalendarFeature] = []
        for name in names {
            guard !name.isEmpty else { throw .emptyName }
            if name == noneName { throw .noneWithOthers }
            guard let feature = CalendarFeature(rawValue: name) else {
                throw .unknownFeature(name, valid: allCases.map(\.rawValue) + [noneName])
            }
            if features.contains(feature) { throw .duplicateFeature(name) }
            features.append(feature)
        }
        return features
    }
}

private extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpacesAndTabs() -> String {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
