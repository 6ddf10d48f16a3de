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
typedef float lanes16 __attribute__((vector_size(64)));

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
            lanes16 x = (lanes16){0} + rows[i][p];
            t->s[i][0] = __builtin_elementwise_fma(x, b0, t->s[i][0]);
            t->s[i][1] = __builtin_elementwise_fma(x, b1, t->s[i][1]);
            t->s[i][2] = __builtin_elementwise_fma(x, b2, t->s[i][2]);
            t->s[i][3] = __builtin_elementwise_fma(x, b3, t->s[i][3]);
        }
    }
}

/// C = A1·B1 (+ A2·B2 when k2 > 0) + (bias, or beta·C): the sums over k1, then k2, in order.
__attribute__((target("avx512f")))
static void gemm_packed(int64_t m, int64_t n, int64_t k1, const float *a1, int64_t lda1, const float *packed1,
                        int64_t k2, const float *a2, int64_t lda2, const float *packed2,
                        float beta, const float *bias, float *c, int64_t ldc) {
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
                float sums[PANEL];
                memcpy(sums, t.s[i], sizeof sums);
                float *line = c + (r + i) * ldc + first;
                if (bias != NULL) {
                    for (int64_t j = 0; j < columns; j++) line[j] = sums[j] + bias[first + j];
                } else if (beta == 0) {
                    memcpy(line, sums, (size_t)columns * sizeof(float));
                } else {
                    for (int64_t j = 0; j < columns; j++) line[j] = sums[j] + line[j];
                }
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
