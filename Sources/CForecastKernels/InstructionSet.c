#include "CForecastKernels.h"

// The variant is chosen once, from the CPU's features; `FORECAST_KERNELS` (avx512, avx2 or
// baseline) can lower it for the whole process, so benchmarks can compare the variants, and a
// test can choose one for its own thread.
#include <stdlib.h>
#include <string.h>

static int startup = 0;  // what the CPU and FORECAST_KERNELS allow; 0 until decided; relaxed atomics

static int detect_once(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    int best = __builtin_cpu_supports("avx512f") ? 3
             : __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? 2 : 1;
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

/// What this CPU (and FORECAST_KERNELS) allow, decided once, so the packed product, whose
/// rounding differs from BLAS's, is used or not for the whole run.
static int detect(void) {
    int level = __atomic_load_n(&startup, __ATOMIC_RELAXED);
    if (level == 0) {
        level = detect_once();
        __atomic_store_n(&startup, level, __ATOMIC_RELAXED);
    }
    return level;
}

bool forecast_packed_product_available(void) { return detect() == 3; }

/// A variant chosen for the calling thread only (0: none), so tests can run every variant
/// without changing what other threads compute meanwhile.
static _Thread_local int thread_override = 0;

int forecast_kernels_override_on_this_thread(int level) {
    if (level <= 0) {
        thread_override = 0;
        return forecast_kernels_instruction_set();
    }
    int supported = detect();
    thread_override = level < supported ? level : supported;
    return thread_override;
}

int forecast_kernels_instruction_set(void) {
    return thread_override != 0 ? thread_override : detect();
}
