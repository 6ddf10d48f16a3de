/// Series, timestamps, calendars, windows, scalers and transforms: the data model every other
/// module shares. It depends on nothing but the standard library and Foundation.
public enum ForecastDataModule {}
