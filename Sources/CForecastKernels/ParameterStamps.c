#include "CForecastKernels.h"

// A process-wide counter. Each network takes a new number whenever its parameters change, so a
// workspace that keeps a packed copy of some weights can tell whether the copy is still theirs:
// numbers are never reused, not even by a network created where a freed one lived.
static uint64_t last_stamp = 0;

uint64_t forecast_next_parameter_stamp(void) {
    return __atomic_add_fetch(&last_stamp, 1, __ATOMIC_RELAXED);
}
