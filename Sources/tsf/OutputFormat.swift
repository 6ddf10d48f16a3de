import ArgumentParser
import ForecastActions

extension OutputFormat: ExpressibleByArgument {}
