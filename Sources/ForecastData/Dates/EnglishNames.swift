/// English month and weekday names, the only language date columns are parsed in (names in other
/// languages need a numeric format; DateFormatter's locale dependence is what this module avoids).
enum EnglishNames {
    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let monthNames = ["January", "February", "March", "April", "May", "June",
                             "July", "August", "September", "October", "November", "December"]
    static let weekdayAbbreviations = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Name key → month number, for abbreviations, full names and the common `Sept`.
    static let monthByKey: [UInt64: Int] = {
        var table: [UInt64: Int] = [:]
        for month in 1...12 {
            table[DateTextCursor.key(of: monthAbbreviations[month - 1].lowercased())] = month
            table[DateTextCursor.key(of: monthNames[month - 1].lowercased())] = month
        }
        table[DateTextCursor.key(of: "sept")] = 9
        return table
    }()

    /// Name key → ISO weekday, for abbreviations, full names and the common `Tues`, `Thur`, `Thurs`.
    static let weekdayByKey: [UInt64: Int] = {
        var table: [UInt64: Int] = [:]
        for weekday in 1...7 {
            table[DateTextCursor.key(of: weekdayAbbreviations[weekday - 1].lowercased())] = weekday
            table[DateTextCursor.key(of: weekdayNames[weekday - 1].lowercased())] = weekday
        }
        table[DateTextCursor.key(of: "tues")] = 2
        table[DateTextCursor.key(of: "thur")] = 4
        table[DateTextCursor.key(of: "thurs")] = 4
        return table
    }()
}
