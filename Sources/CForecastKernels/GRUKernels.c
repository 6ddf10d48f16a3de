#include "CForecastKernels.h"
#include "VectorMath.h"

// PyTorch's GRU cell, gates r, z, n: r = σ(x_r + h_r), z = σ(x_z + h_z), n = tanh(x_n + r ⊙ h_n),
// h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}, written n + z ⊙ (h_{t−1} − n). Cache per row: [r | z | n].

FK_INLINE void gru_forward_body(int64_t batch, int64_t hidden, const float *input_projection,
                                const float *hidden_projection, const float *previous_hidden,
                                float *cache, float *output, bool records) {
    const int64_t h = hidden, gates = 3 * hidden;
    for (int64_t row = 0; row < batch; row++) {
        const float *x = input_projection + row * gates;
        const float *hp = hidden_projection + row * gates;
        const float *h_previous = previous_hidden + row * h;
        float *c_row = cache + row * gates;
        float *h_row = output + row * h;
#define GRU_FORWARD_CHUNK(j, lanes)                                                                  \
        {                                                                                            \
            fk_float r = fk_sigmoid(fk_load(x + (j), lanes) + fk_load(hp + (j), lanes));             \
            fk_float z = fk_sigmoid(fk_load(x + h + (j), lanes) + fk_load(hp + h + (j), lanes));     \
            fk_float n = fk_tanh(fk_load(x + 2 * h + (j), lanes) + r * fk_load(hp + 2 * h + (j), lanes)); \
            fk_float out = n + z * (fk_load(h_previous + (j), lanes) - n);                           \
            if (records) {                                                                           \
                fk_store(r, c_row + (j), lanes);                                                     \
                fk_store(z, c_row + h + (j), lanes);                                                 \
                fk_store(n, c_row + 2 * h + (j), lanes);                                             \
            }                                                                                        \
            fk_store(out, h_row + (j), lanes);                                                       \
        }
        FK_FOR_EACH_CHUNK(h, GRU_FORWARD_CHUNK);
#undef GRU_FORWARD_CHUNK
    }
}

FK_INLINE void gru_backward_body(int64_t batch, int64_t hidden, const float *hidden_projection,
                                 const float *previous_hidden, const float *cache,
                                 const float *d_output, float *d_input_preactivation,
                                 float *d_hidden_preactivation, float *d_previous_hidden_direct) {
    const int64_t h = hidden, gates = 3 * hidden;
    for (int64_t row = 0; row < batch; row++) {
        const float *hp = hidden_projection + row * gates;
        const float *h_previous = previous_hidden + row * h;
        const float *c_row = cache + row * gates;
        const float *dh_row = d_output + row * h;
        float *d_in = d_input_preactivation + row * gates;
        float *d_hid = d_hidden_preactivation + row * gates;
        float *d_direct = d_previous_hidden_direct + row * h;
#define GRU_BACKWARD_CHUNK(j, lanes)                                                                 \
        {                                                                                            \
            fk_float r = fk_load(c_row + (j), lanes);                                                \
            fk_float z = fk_load(c_row + h + (j), lanes);                                            \
            fk_float n = fk_load(c_row + 2 * h + (j), lanes);                                        \
            fk_float dh = fk_load(dh_row + (j), lanes);                                              \
            /* h = (1 − z) ⊙ n + z ⊙ h_{t−1}: dn = dh ⊙ (1 − z), dz = dh ⊙ (h_{t−1} − n), dh_{t−1} ⊇ dh ⊙ z */ \
            fk_float d_n = dh * (1.0f - z);                                                          \
            fk_float d_z = dh * (fk_load(h_previous + (j), lanes) - n);                              \
            fk_store(dh * z, d_direct + (j), lanes);                                                 \
            /* n = tanh(a_n), a_n = x_n + r ⊙ h_n: da_n = dn ⊙ (1 − n²), dr = da_n ⊙ h_n */           \
            fk_float d_an = d_n * fk_tanh_derivative(n);                                             \
            fk_float d_r = d_an * fk_load(hp + 2 * h + (j), lanes);                                  \
            /* r and z: both pre-activations get the same gradient */                                \
            fk_float d_ar = d_r * fk_sigmoid_derivative(r);                                          \
            fk_float d_az = d_z * fk_sigmoid_derivative(z);                                          \
            fk_store(d_ar, d_in + (j), lanes);                                                       \
            fk_store(d_az, d_in + h + (j), lanes);                                                   \
            fk_store(d_an, d_in + 2 * h + (j), lanes);                                               \
            fk_store(d_ar, d_hid + (j), lanes);                                                      \
            fk_store(d_az, d_hid + h + (j), lanes);                                                  \
            fk_store(d_an * r, d_hid + 2 * h + (j), lanes);                                          \
        }
        FK_FOR_EACH_CHUNK(h, GRU_BACKWARD_CHUNK);
#undef GRU_BACKWARD_CHUNK
    }
}

FK_VARIANTS(gru_forward,
            (int64_t batch, int64_t hidden, const float *input_projection, const float *hidden_projection,
             const float *previous_hidden, float *cache, float *output, bool records),
            (batch, hidden, input_projection, hidden_projection, previous_hidden, cache, output, records))

FK_VARIANTS(gru_backward,
            (int64_t batch, int64_t hidden, const float *hidden_projection, const float *previous_hidden,
             const float *cache, const float *d_output, float *d_input_preactivation,
             float *d_hidden_preactivation, float *d_previous_hidden_direct),
            (batch, hidden, hidden_projection, previous_hidden, cache, d_output, d_input_preactivation,
             d_hidden_preactivation, d_previous_hidden_direct))

void forecast_gru_forward(int64_t batch, int64_t hidden, const float *input_projection,
                          const float *hidden_projection, const float *previous_hidden, float *cache,
                          float *output, bool records_for_backward) {
    FK_DISPATCH(gru_forward, (batch, hidden, input_projection, hidden_projection, previous_hidden, cache,
                              output, records_for_backward));
}

void forecast_gru_backward(int64_t batch, int64_t hidden, const float *hidden_projection,
                           const float *previous_hidden, const float *cache, const float *d_output,
                           float *d_input_preactivation, float *d_hidden_preactivation,
                           float *d_previous_hidden_direct) {
    FK_DISPATCH(gru_backward, (batch, hidden, hidden_projection, previous_hidden, cache, d_output,
                               d_input_preactivation, d_hidden_preactivation, d_previous_hidden_direct));
}
