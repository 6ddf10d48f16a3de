#ifndef FORECAST_VECTOR_MATH_H
#define FORECAST_VECTOR_MATH_H

// Sixteen-lane σ and tanh, the same arithmetic in the same order as ForecastNN's Swift
// `Activations` (see Activations.swift for the derivation): x = n·ln2 + r, e^r − 1 = r + r²·P(r),
// then σ and tanh from e^{−|x|} and e^{2|x|} − 1. Every function is always inlined, so that a
// caller compiled for AVX-512, AVX2 or the baseline gets the code for its own vector unit.
//
// Each a·b + c within one expression may become a fused multiply-add ("contract on"): on CPUs
// with FMA (the AVX2 and AVX-512 variants, which therefore agree bit for bit) that is a third
// fewer operations, which made the LSTM gate math 35% faster here; the baseline variant has no
// FMA and computes exactly what the Swift code does. Contraction never crosses expressions, so
// the choice does not depend on how the compiler schedules code.

#include <stdint.h>
#include <string.h>

#pragma STDC FP_CONTRACT ON
#ifdef __clang__
#pragma clang fp contract(on)
// Every function here is always inlined, so no 64-byte vector crosses a call boundary and the
// calling-convention difference the compiler warns about for the baseline target never arises.
#pragma clang diagnostic ignored "-Wpsabi"
#endif

#define FK_LANES 16
typedef float fk_float __attribute__((vector_size(64)));
typedef int32_t fk_int __attribute__((vector_size(64)));
typedef uint32_t fk_bits __attribute__((vector_size(64)));

#define FK_INLINE static inline __attribute__((always_inline))

FK_INLINE fk_float fk_splat(float value) { return (fk_float){0} + value; }

/// `lanes` (1…16) floats from `source`, the rest zero.
FK_INLINE fk_float fk_load(const float *source, int lanes) {
    fk_float v = {0};
    if (lanes == FK_LANES) {
        memcpy(&v, source, sizeof v);
    } else {
        for (int k = 0; k < lanes; k++) v[k] = source[k];
    }
    return v;
}

/// Stores the first `lanes` (1…16) lanes of `v`.
FK_INLINE void fk_store(fk_float v, float *destination, int lanes) {
    if (lanes == FK_LANES) {
        memcpy(destination, &v, sizeof v);
    } else {
        for (int k = 0; k < lanes; k++) destination[k] = v[k];
    }
}

/// `value` where `mask` is all ones, `otherwise` where it is zero.
FK_INLINE fk_float fk_select(fk_int mask, fk_float value, fk_float otherwise) {
    return (fk_float)(((fk_bits)mask & (fk_bits)value) | (~(fk_bits)mask & (fk_bits)otherwise));
}

/// x clamped from above; NaN compares false and passes through.
FK_INLINE fk_float fk_clamp_above(fk_float x, float limit) {
    fk_float bound = fk_splat(limit);
    return fk_select(x > bound, bound, x);
}

/// 2ⁿ for n in −126…127, built in the exponent bits.
FK_INLINE fk_float fk_power_of_two(fk_int n) { return (fk_float)((n + 127) << 23); }

/// e^r − 1 with x = n·ln2 + r, and n; |x| must stay within 2²².
FK_INLINE fk_float fk_reduce(fk_float x, fk_int *n_out) {
    const float shifter = 12582912.0f;
    fk_float shifted = x * 1.44269504f + shifter;
    fk_float n = shifted - shifter;
    fk_float r = (x - n * 0.693359375f) + n * 2.1219444e-4f;
    fk_float p = fk_splat(1.388239545e-3f);
    p = p * r + 8.367180974e-3f;
    p = p * r + 4.166722127e-2f;
    p = p * r + 1.666653868e-1f;
    p = p * r + 4.999999804e-1f;
    *n_out = (fk_int)shifted - 0x4B400000;
    return r + (r * r) * p;
}

FK_INLINE fk_float fk_sigmoid(fk_float x) {
    fk_bits bits = (fk_bits)x;
    fk_float a = fk_clamp_above((fk_float)(bits & 0x7FFFFFFFu), 104.0f);
    fk_int n;
    fk_float q = fk_reduce(-a, &n);
    fk_float u = ((1.0f + q) * fk_power_of_two(n + 64)) * 0x1p-64f;
    fk_bits negative = (fk_bits)((fk_int)bits >> 31);
    fk_bits one = (fk_bits)fk_splat(1.0f);
    fk_float numerator = (fk_float)(((fk_bits)u & negative) | (one & ~negative));
    return numerator / (1.0f + u);
}

FK_INLINE fk_float fk_tanh(fk_float x) {
    fk_bits bits = (fk_bits)x;
    fk_bits sign = bits & 0x80000000u;
    fk_float a = fk_clamp_above((fk_float)(bits & 0x7FFFFFFFu), 9.5f);
    fk_int n;
    fk_float q = fk_reduce(a + a, &n);
    fk_float scale = fk_power_of_two(n);
    fk_float e = scale * q + (scale - 1.0f);
    fk_float magnitude = e / (e + 2.0f);
    return (fk_float)((fk_bits)magnitude | sign);
}

/// σ′ from σ's output s: s·(1 − s).
FK_INLINE fk_float fk_sigmoid_derivative(fk_float s) { return s * (1.0f - s); }

/// tanh′ from tanh's output t: 1 − t².
FK_INLINE fk_float fk_tanh_derivative(fk_float t) { return 1.0f - t * t; }

/// Calls `CHUNK(offset, lanes)` over `count` elements, sixteen at a time and then the rest.
#define FK_FOR_EACH_CHUNK(count, CHUNK)                                          \
    do {                                                                         \
        int64_t fk_offset = 0;                                                   \
        for (; fk_offset + FK_LANES <= (count); fk_offset += FK_LANES)           \
            CHUNK(fk_offset, FK_LANES);                                          \
        if (fk_offset < (count)) CHUNK(fk_offset, (int)((count) - fk_offset));   \
    } while (0)

// One function body compiled three times on x86-64: for AVX-512, for AVX2 and for the baseline;
// `FK_DISPATCH` calls the one the CPU supports. Elsewhere (arm64) there is one variant.
#if defined(__x86_64__)
#define FK_VARIANTS(name, parameters, arguments)                                             \
    __attribute__((target("avx512f"))) static void name##_avx512 parameters { name##_body arguments; } \
    __attribute__((target("avx2,fma"))) static void name##_avx2 parameters { name##_body arguments; }  \
    static void name##_baseline parameters { name##_body arguments; }
#define FK_DISPATCH(name, arguments)                                  \
    do {                                                              \
        switch (forecast_kernels_instruction_set()) {                 \
        case 3: name##_avx512 arguments; break;                       \
        case 2: name##_avx2 arguments; break;                         \
        default: name##_baseline arguments; break;                    \
        }                                                             \
    } while (0)
#else
#define FK_VARIANTS(name, parameters, arguments) \
    static void name##_baseline parameters { name##_body arguments; }
#define FK_DISPATCH(name, arguments) name##_baseline arguments
#endif

#endif
