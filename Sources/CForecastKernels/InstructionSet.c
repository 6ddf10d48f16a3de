#include "CForecastKernels.h"

// The variant is chosen once, from the CPU's features; `FORECAST_KERNELS` (avx512, avx2 or
// baseline) can lower it, so tests and benchmarks can run each variant on one machine.
#include <stdlib.h>
#include <string.h>

static int chosen = 0;   // the elementwise variant; 0 until decided; relaxed atomics
static int startup = 0;  // what the CPU and FORECAST_KERNELS allow; fixed once decided

static int detect_once(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    int best = __builtin_cpu_supports("avx512f") ? 3 : __builtin_cpu_supports("avx2") ? 2 : 1;
#else
    int best = 1;
#endif
    const char *requested = getenv("FORECAST_KERNELS");
    if (requested != NULL) {
        int wanted = strcmp(requested, "avx512") == 0 ? 3 : strcmp(requested, "avx2") == 0 ? 2
                   : strcmp(requested, "baseline") == 0 ? 1 : best;
        if (wanted < best) best = wanted;
    }
    return best;
}

/// What this CPU (and FORECAST_KERNELS) allow, decided once; `forecast_kernels_restrict` never
/// changes it, so the packed product, whose rounding differs from BLAS's, is used or not for the
/// whole run.
static int detect(void) {
    int level = __atomic_load_n(&startup, __ATOMIC_RELAXED);
    if (level == 0) {
        level = detect_once();
        __atomic_store_n(&startup, level, __ATOMIC_RELAXED);
    }
    return level;
}

bool forecast_packed_product_available(void) { return detect() == 3; }

int forecast_kernels_restrict(int level) {
    int supported = detect();
    int chosen_level = level < supported ? (level < 1 ? 1 : level) : supported;
    __atomic_store_n(&chosen, chosen_level, __ATOMIC_RELAXED);
    return chosen_level;
}

int forecast_kernels_instruction_set(void) {
    int level = __atomic_load_n(&chosen, __ATOMIC_RELAXED);
    if (level == 0) {
        level = detect();
        __atomic_store_n(&chosen, level, __ATOMIC_RELAXED);
    }
    return level;
}
