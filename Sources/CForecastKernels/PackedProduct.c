#include "CForecastKernels.h"
#include <string.h>

// C = A·B + βC for the recurrent step: A is the batch's hidden state (m small, 8…256 rows), B a
// weight matrix that stays the same for all L steps of a sequence. BLAS packs B again on every
// call, which for m = 32 costs about as much as the arithmetic; here it is packed once per
// sequence into panels of 64 columns, [panel][k][64], and each 4 × 64 tile of C is summed over
// k in sixteen-lane registers: per k, four panel loads, four broadcasts, sixteen FMAs.

#define PANEL 64
#define TILE_ROWS 4

int64_t forecast_packed_size(int64_t k, int64_t n) { return ((n + PANEL - 1) / PANEL) * PANEL * k; }

void forecast_pack(int64_t k, int64_t n, const float *b, int64_t ldb, bool transposed, float *packed) {
    int64_t panels = (n + PANEL - 1) / PANEL;
    for (int64_t q = 0; q < panels; q++) {
        float *panel = packed + q * k * PANEL;
        int64_t first = q * PANEL, columns = n - first < PANEL ? n - first : PANEL;
        for (int64_t p = 0; p < k; p++) {
            float *line = panel + p * PANEL;
            if (transposed) {
                for (int64_t j = 0; j < columns; j++) line[j] = b[(first + j) * ldb + p];
            } else {
                memcpy(line, b + p * ldb + first, (size_t)columns * sizeof(float));
            }
            for (int64_t j = columns; j < PANEL; j++) line[j] = 0;
        }
    }
}

#if defined(__x86_64__)
#include <immintrin.h>
typedef float lanes16 __attribute__((vector_size(64)));

/// One value in all sixteen lanes, loaded straight into the register. The portable spelling,
/// `(lanes16){0} + *p`, compiles to an add and a register shuffle, both on the ports the FMAs
/// need, which held the kernel to about two thirds of its FMA rate.
__attribute__((target("avx512f"), always_inline)) static inline lanes16 splat16(const float *p) {
    return (lanes16)_mm512_set1_ps(*p);
}

__attribute__((target("avx512f"))) static inline lanes16 load16(const float *p) {
    lanes16 v;
    memcpy(&v, p, sizeof v);
    return v;
}

/// The 4 × 64 tile of sums being built, sixteen registers.
typedef struct { lanes16 s[TILE_ROWS][4]; } tile_sums;

/// Adds the tile's rows of A (k long) times one packed panel (k × 64) into the tile.
__attribute__((target("avx512f"), always_inline)) static inline void
accumulate(tile_sums *t, int64_t k, const float *const rows[TILE_ROWS], const float *panel) {
    for (int64_t p = 0; p < k; p++) {
        const float *line = panel + p * PANEL;
        lanes16 b0 = load16(line), b1 = load16(line + 16), b2 = load16(line + 32), b3 = load16(line + 48);
        for (int i = 0; i < TILE_ROWS; i++) {
            lanes16 x = splat16(rows[i] + p);
            t->s[i][0] = __builtin_elementwise_fma(x, b0, t->s[i][0]);
            t->s[i][1] = __builtin_elementwise_fma(x, b1, t->s[i][1]);
            t->s[i][2] = __builtin_elementwise_fma(x, b2, t->s[i][2]);
            t->s[i][3] = __builtin_elementwise_fma(x, b3, t->s[i][3]);
        }
    }
}

/// Writes one row's four sum vectors into C's panel: + bias, + C (beta 1), or alone; a whole
/// panel straight from the registers, a partial one through a buffer.
__attribute__((target("avx512f"), always_inline)) static inline void
store_sums(const lanes16 row[4], float *line, int64_t columns, float beta, const float *bias) {
    if (columns == PANEL) {
        for (int v = 0; v < 4; v++) {
            lanes16 sum = row[v];
            if (bias != NULL) sum = sum + load16(bias + 16 * v);
            else if (beta != 0) sum = sum + load16(line + 16 * v);
            memcpy(line + 16 * v, &sum, sizeof sum);
        }
        return;
    }
    float sums[PANEL];
    memcpy(sums, row, sizeof sums);
    if (bias != NULL) {
        for (int64_t j = 0; j < columns; j++) line[j] = sums[j] + bias[j];
    } else if (beta == 0) {
        memcpy(line, sums, (size_t)columns * sizeof(float));
    } else {
        for (int64_t j = 0; j < columns; j++) line[j] = sums[j] + line[j];
    }
}

/// Adds one row of A (k long) times `group` (1, 2 or 4, a constant once inlined) packed panels
/// (k × 64 each) into `s`.
__attribute__((target("avx512f"), always_inline)) static inline void
accumulate_row(lanes16 s[4][4], int group, int64_t k, const float *row, const float *const panels[4]) {
    for (int64_t p = 0; p < k; p++) {
        lanes16 x = splat16(row + p);
        for (int g = 0; g < group; g++) {
            const float *line = panels[g] + p * PANEL;
            s[g][0] = __builtin_elementwise_fma(x, load16(line), s[g][0]);
            s[g][1] = __builtin_elementwise_fma(x, load16(line + 16), s[g][1]);
            s[g][2] = __builtin_elementwise_fma(x, load16(line + 32), s[g][2]);
            s[g][3] = __builtin_elementwise_fma(x, load16(line + 48), s[g][3]);
        }
    }
}

/// One row's sums over k1 (and k2) for `group` panels at once.
__attribute__((target("avx512f"), always_inline)) static inline void
row_sums(lanes16 s[4][4], int group, int64_t k1, const float *a1, const float *const group1[4],
         int64_t k2, const float *a2, const float *const group2[4]) {
    memset(s, 0, sizeof(lanes16) * 16);
    accumulate_row(s, group, k1, a1, group1);
    if (k2 > 0) accumulate_row(s, group, k2, a2, group2);
}

/// The same product for fewer rows than a tile (live forecasting has one): a row at a time,
/// up to four panels at once so that sixteen independent sums hide the FMA latency. Each
/// element is the same sequence of FMAs as in the tiled kernel, so both give the same bits.
__attribute__((target("avx512f")))
static void gemm_packed_few_rows(int64_t m, int64_t n, int64_t k1, const float *a1, int64_t lda1, const float *packed1,
                                 int64_t k2, const float *a2, int64_t lda2, const float *packed2,
                                 float beta, const float *bias, float *c, int64_t ldc) {
    int64_t panels = (n + PANEL - 1) / PANEL;
    for (int64_t r = 0; r < m; r++) {
        for (int64_t q = 0; q < panels;) {
            int group = panels - q >= 4 ? 4 : panels - q >= 2 ? 2 : 1;
            const float *group1[4] = {NULL}, *group2[4] = {NULL};
            for (int g = 0; g < group; g++) {
                group1[g] = packed1 + (q + g) * k1 * PANEL;
                group2[g] = k2 > 0 ? packed2 + (q + g) * k2 * PANEL : NULL;
            }
            const float *row1 = a1 + r * lda1, *row2 = k2 > 0 ? a2 + r * lda2 : NULL;
            lanes16 s[4][4];
            // A constant group size in each call, so each inlined copy keeps its sums in registers.
            if (group == 4) row_sums(s, 4, k1, row1, group1, k2, row2, group2);
            else if (group == 2) row_sums(s, 2, k1, row1, group1, k2, row2, group2);
            else row_sums(s, 1, k1, row1, group1, k2, row2, group2);
            for (int64_t g = 0; g < group; g++) {
                int64_t first = (q + g) * PANEL, columns = n - first < PANEL ? n - first : PANEL;
                store_sums(s[g], c + r * ldc + first, columns, beta, bias != NULL ? bias + first : NULL);
            }
            q += group;
        }
    }
}

/// C = A1·B1 (+ A2·B2 when k2 > 0) + (bias, or beta·C): the sums over k1, then k2, in order.
__attribute__((target("avx512f")))
static void gemm_packed(int64_t m, int64_t n, int64_t k1, const float *a1, int64_t lda1, const float *packed1,
                        int64_t k2, const float *a2, int64_t lda2, const float *packed2,
                        float beta, const float *bias, float *c, int64_t ldc) {
    if (m < TILE_ROWS) {
        gemm_packed_few_rows(m, n, k1, a1, lda1, packed1, k2, a2, lda2, packed2, beta, bias, c, ldc);
        return;
    }
    int64_t panels = (n + PANEL - 1) / PANEL;
    for (int64_t q = 0; q < panels; q++) {
        const float *panel1 = packed1 + q * k1 * PANEL;
        const float *panel2 = k2 > 0 ? packed2 + q * k2 * PANEL : NULL;
        int64_t first = q * PANEL, columns = n - first < PANEL ? n - first : PANEL;
        for (int64_t r = 0; r < m; r += TILE_ROWS) {
            int64_t rows = m - r < TILE_ROWS ? m - r : TILE_ROWS;
            // Rows past the end repeat the last one; their sums are computed and dropped.
            const float *rows1[TILE_ROWS], *rows2[TILE_ROWS];
            for (int i = 0; i < TILE_ROWS; i++) {
                int64_t row = r + (i < rows ? i : rows - 1);
                rows1[i] = a1 + row * lda1;
                rows2[i] = k2 > 0 ? a2 + row * lda2 : NULL;
            }
            tile_sums t;
            memset(&t, 0, sizeof t);
            accumulate(&t, k1, rows1, panel1);
            if (panel2 != NULL) accumulate(&t, k2, rows2, panel2);
            for (int64_t i = 0; i < rows; i++) {
                store_sums(t.s[i], c + (r + i) * ldc + first, columns, beta, bias != NULL ? bias + first : NULL);
            }
        }
    }
}

void forecast_gemm_packed(int64_t m, int64_t n, int64_t k, const float *a, int64_t lda,
                          const float *packed, float beta, const float *bias, float *c, int64_t ldc) {
    gemm_packed(m, n, k, a, lda, packed, 0, NULL, 0, NULL, beta, bias, c, ldc);
}

void forecast_gemm_packed_pair(int64_t m, int64_t n, int64_t k1, const float *a1, int64_t lda1,
                               const float *packed1, int64_t k2, const float *a2, int64_t lda2,
                               const float *packed2, const float *bias, float *c, int64_t ldc) {
    gemm_packed(m, n, k1, a1, lda1, packed1, k2, a2, lda2, packed2, 0, bias, c, ldc);
}
#else
void forecast_gemm_packed(int64_t m, int64_t n, int64_t k, const float *a, int64_t lda,
                          const float *packed, float beta, const float *bias, float *c, int64_t ldc) {
    // Not reached: `forecast_packed_product_available` is false off x86-64.
    (void)m; (void)n; (void)k; (void)a; (void)lda; (void)packed; (void)beta; (void)bias; (void)c; (void)ldc;
}

void forecast_gemm_packed_pair(int64_t m, int64_t n, int64_t k1, const float *a1, int64_t lda1,
                               const float *packed1, int64_t k2, const float *a2, int64_t lda2,
                               const float *packed2, const float *bias, float *c, int64_t ldc) {
    // Not reached, as above.
    (void)m; (void)n; (void)k1; (void)a1; (void)lda1; (void)packed1; (void)k2; (void)a2; (void)lda2;
    (void)packed2; (void)bias; (void)c; (void)ldc;
}
#endif
