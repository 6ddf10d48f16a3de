#include "CForecastKernels.h"
#include "VectorMath.h"

// PyTorch's RNN cell with tanh: h_t = tanh(a), a the summed projections and biases; backward
// da = dh ⊙ (1 − h_t²).

FK_INLINE void elman_forward_body(int64_t batch, int64_t hidden, const float *preactivation, float *output) {
    int64_t count = batch * hidden;  // rows are contiguous: one pass over all of them
#define ELMAN_FORWARD_CHUNK(j, lanes) fk_store(fk_tanh(fk_load(preactivation + (j), lanes)), output + (j), lanes)
    FK_FOR_EACH_CHUNK(count, ELMAN_FORWARD_CHUNK);
#undef ELMAN_FORWARD_CHUNK
}

FK_INLINE void elman_backward_body(int64_t batch, int64_t hidden, const float *output, const float *d_output,
                                   float *d_preactivation) {
    int64_t count = batch * hidden;
#define ELMAN_BACKWARD_CHUNK(j, lanes)                                                                      \
    fk_store(fk_load(d_output + (j), lanes) * fk_tanh_derivative(fk_load(output + (j), lanes)), d_preactivation + (j), lanes)
    FK_FOR_EACH_CHUNK(count, ELMAN_BACKWARD_CHUNK);
#undef ELMAN_BACKWARD_CHUNK
}

FK_VARIANTS(elman_forward, (int64_t batch, int64_t hidden, const float *preactivation, float *output),
            (batch, hidden, preactivation, output))
FK_VARIANTS(elman_backward,
            (int64_t batch, int64_t hidden, const float *output, const float *d_output, float *d_preactivation),
            (batch, hidden, output, d_output, d_preactivation))

void forecast_elman_forward(int64_t batch, int64_t hidden, const float *preactivation, float *output) {
    FK_DISPATCH(elman_forward, (batch, hidden, preactivation, output));
}

void forecast_elman_backward(int64_t batch, int64_t hidden, const float *output, const float *d_output,
                             float *d_preactivation) {
    FK_DISPATCH(elman_backward, (batch, hidden, output, d_output, d_preactivation));
}
