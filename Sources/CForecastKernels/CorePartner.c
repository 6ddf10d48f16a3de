#include "CForecastKernels.h"

// A second thread that works beside the caller on one batch-1 forecast. The two halves of a
// recurrent layer meet after every step (each needs the whole h_{t−1}), about a microsecond
// apart, far too often for a thread pool's wake-up (tens of microseconds) or a lock: they wait
// on each other's published step count, spinning. Between forecasts the partner spins a
// little longer, so back-to-back forecasts find it awake, then sleeps on a condition variable.
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/// How long the partner spins after a job before it sleeps.
#define IDLE_SPIN_NS 100000
/// How long a wait spins before it starts yielding the core (when both threads share one).
#define WAIT_SPIN_NS 200000

struct forecast_partner {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    forecast_partner_work work;
    void *context;
    int level;                       // the caller's kernel variant, for the partner to use too
    uint64_t generation;             // jobs posted; atomic
    uint64_t finished;               // jobs the partner has finished; atomic
    int sleeping;                    // under lock
    int stopping;                    // atomic
    // Each part's published progress, on its own cache line.
    _Alignas(64) int64_t progress0;
    _Alignas(64) int64_t progress1;
};

static inline void relax(void) {
#if defined(__x86_64__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

static int64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/// How long a spin has lasted, read from the clock only every 64 looks (a look is a few
/// nanoseconds, a clock read tens).
typedef struct { uint32_t round; int64_t start; } spin_clock;

/// Counts one look; true once `budget_ns` have passed since the first.
static int spin_clock_expired(spin_clock *c, int64_t budget_ns) {
    if ((++c->round & 63) != 0) return 0;
    int64_t now = now_ns();
    if (c->start == 0) c->start = now;
    return now - c->start > budget_ns;
}

/// Spins until `*value` differs from `old` (or `*stop`), for at most `budget_ns`; true if it did.
static int spin_until_changed(const uint64_t *value, uint64_t old, const int *stop, int64_t budget_ns) {
    spin_clock clock = {0};
    for (;;) {
        if (__atomic_load_n(value, __ATOMIC_ACQUIRE) != old || __atomic_load_n(stop, __ATOMIC_RELAXED)) return 1;
        relax();
        if (spin_clock_expired(&clock, budget_ns)) return 0;
    }
}

static void *partner_main(void *argument) {
    forecast_partner *p = argument;
    uint64_t seen = 0;
    for (;;) {
        if (!spin_until_changed(&p->generation, seen, &p->stopping, IDLE_SPIN_NS)) {
            pthread_mutex_lock(&p->lock);
            p->sleeping = 1;
            while (__atomic_load_n(&p->generation, __ATOMIC_ACQUIRE) == seen && !__atomic_load_n(&p->stopping, __ATOMIC_RELAXED)) {
                pthread_cond_wait(&p->wake, &p->lock);
            }
            p->sleeping = 0;
            pthread_mutex_unlock(&p->lock);
        }
        if (__atomic_load_n(&p->stopping, __ATOMIC_RELAXED)) return NULL;
        seen = __atomic_load_n(&p->generation, __ATOMIC_ACQUIRE);
        forecast_kernels_override_on_this_thread(p->level);
        p->work(p->context, 1);
        __atomic_store_n(&p->finished, seen, __ATOMIC_RELEASE);
    }
}

forecast_partner *forecast_partner_create(void) {
    // Its progress counters sit on lines of their own, so the struct is 64-byte aligned.
    forecast_partner *p = aligned_alloc(64, sizeof *p);
    if (p == NULL) return NULL;
    memset(p, 0, sizeof *p);
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->wake, NULL);
    if (pthread_create(&p->thread, NULL, partner_main, p) != 0) {
        pthread_cond_destroy(&p->wake);
        pthread_mutex_destroy(&p->lock);
        free(p);
        return NULL;
    }
    return p;
}

void forecast_partner_destroy(forecast_partner *p) {
    if (p == NULL) return;
    pthread_mutex_lock(&p->lock);
    __atomic_store_n(&p->stopping, 1, __ATOMIC_RELAXED);
    pthread_cond_signal(&p->wake);
    pthread_mutex_unlock(&p->lock);
    pthread_join(p->thread, NULL);
    pthread_cond_destroy(&p->wake);
    pthread_mutex_destroy(&p->lock);
    free(p);
}

/// A wait that spins, and after WAIT_SPIN_NS yields between looks, so two threads that share one
/// core (a busy machine) still make progress.
typedef struct { spin_clock clock; int yielding; } waiter;

static void waiter_pause(waiter *w) {
    if (w->yielding) { sched_yield(); return; }
    relax();
    if (spin_clock_expired(&w->clock, WAIT_SPIN_NS)) w->yielding = 1;
}

void forecast_partner_run(forecast_partner *p, forecast_partner_work work, void *context) {
    p->work = work;
    p->context = context;
    p->level = forecast_kernels_instruction_set();
    __atomic_store_n(&p->progress0, 0, __ATOMIC_RELAXED);
    __atomic_store_n(&p->progress1, 0, __ATOMIC_RELAXED);
    uint64_t job = __atomic_load_n(&p->generation, __ATOMIC_RELAXED) + 1;
    __atomic_store_n(&p->generation, job, __ATOMIC_RELEASE);
    pthread_mutex_lock(&p->lock);
    if (p->sleeping) pthread_cond_signal(&p->wake);
    pthread_mutex_unlock(&p->lock);
    work(context, 0);
    waiter w = {0};
    while (__atomic_load_n(&p->finished, __ATOMIC_ACQUIRE) != job) waiter_pause(&w);
}

void forecast_partner_publish(forecast_partner *p, int64_t part, int64_t steps) {
    __atomic_store_n(part == 0 ? &p->progress0 : &p->progress1, steps, __ATOMIC_RELEASE);
}

void forecast_partner_wait(forecast_partner *p, int64_t part, int64_t steps) {
    const int64_t *progress = part == 0 ? &p->progress0 : &p->progress1;
    waiter w = {0};
    while (__atomic_load_n(progress, __ATOMIC_ACQUIRE) < steps) waiter_pause(&w);
}
