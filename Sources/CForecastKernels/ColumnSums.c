#include "CForecastKernels.h"
#include "VectorMath.h"

// y += Σ rows of A: the bias gradients, summed over every step and batch row. Each column is
// summed in row order whatever the vector width, so every variant gives the same bits.

FK_INLINE void column_sums_body(int64_t m, int64_t n, const float *a, int64_t lda, float *y) {
#define COLUMN_SUMS_CHUNK(j, lanes)                                      \
    {                                                                    \
        fk_float sum = fk_load(y + (j), lanes);                          \
        for (int64_t row = 0; row < m; row++)                            \
            sum = sum + fk_load(a + row * lda + (j), lanes);             \
        fk_store(sum, y + (j), lanes);                                   \
    }
    FK_FOR_EACH_CHUNK(n, COLUMN_SUMS_CHUNK);
#undef COLUMN_SUMS_CHUNK
}

FK_VARIANTS(column_sums, (int64_t m, int64_t n, const float *a, int64_t lda, float *y), (m, n, a, lda, y))

void forecast_add_column_sums(int64_t m, int64_t n, const float *a, int64_t lda, float *y) {
    FK_DISPATCH(column_sums, (m, n, a, lda, y));
}
