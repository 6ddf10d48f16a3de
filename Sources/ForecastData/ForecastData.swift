// ForecastData: the data model every other module shares.
//
// - Time/: `Timestamp` (seconds since the Unix epoch, UTC) and its proleptic Gregorian civil fields.
// - Dates/: `DateFormat` (hand-written parsers and formatters for the date columns users actually
//   have) and whole-column format detection.
// - Frequency/: `Frequency`, its inference from real, gappy timestamps, and the calendar that
//   generates the timestamps of future steps.
// - MissingValues/: `MissingValuePolicy` and the report of what filling or dropping did.
// - Series/: `TimeSeries`, the values with their optional timestamps and frequency.
//
// The module depends on nothing but the standard library, so an app can use it without libcsv.
