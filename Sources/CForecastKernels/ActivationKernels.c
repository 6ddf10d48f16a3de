#include "CForecastKernels.h"
#include "VectorMath.h"

// Whole-buffer σ and tanh through the same kernels the cells use, so tests can compare the C
// arithmetic with ForecastNN's Swift `Activations` lane for lane.

FK_INLINE void sigmoid_buffer_body(const float *input, float *output, int64_t count) {
#define SIGMOID_CHUNK(j, lanes) fk_store(fk_sigmoid(fk_load(input + (j), lanes)), output + (j), lanes)
    FK_FOR_EACH_CHUNK(count, SIGMOID_CHUNK);
#undef SIGMOID_CHUNK
}

FK_INLINE void tanh_buffer_body(const float *input, float *output, int64_t count) {
#define TANH_CHUNK(j, lanes) fk_store(fk_tanh(fk_load(input + (j), lanes)), output + (j), lanes)
    FK_FOR_EACH_CHUNK(count, TANH_CHUNK);
#undef TANH_CHUNK
}

FK_VARIANTS(sigmoid_buffer, (const float *input, float *output, int64_t count), (input, output, count))
FK_VARIANTS(tanh_buffer, (const float *input, float *output, int64_t count), (input, output, count))

void forecast_sigmoid(const float *input, float *output, int64_t count) {
    FK_DISPATCH(sigmoid_buffer, (input, output, count));
}

void forecast_tanh(const float *input, float *output, int64_t count) {
    FK_DISPATCH(tanh_buffer, (input, output, count));
}
