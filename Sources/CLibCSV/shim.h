// libcsv's callback parser (csv_init, csv_parse, csv_fini); Debian: libcsv-dev, Homebrew: libcsv.
#include <csv.h>
