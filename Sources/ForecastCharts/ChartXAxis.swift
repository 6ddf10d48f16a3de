/// What the x values of a chart mean.
public enum ChartXAxis: Equatable, Sendable {
    /// Seconds since the epoch, labelled with calendar dates; gaps (weekends) keep their width.
    case time
    /// Plain step numbers (row indices, forecast steps), labelled as integers.
    case steps
}
