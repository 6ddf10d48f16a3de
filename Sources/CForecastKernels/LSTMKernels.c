#include "CForecastKernels.h"
#include "VectorMath.h"

// PyTorch's LSTM cell, gates i, f, g, o: i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o),
// c_t = f ⊙ c_{t−1} + i ⊙ g, h_t = o ⊙ tanh(c_t). Cache per row: [i | f | g | o | c | tanh(c)].

FK_INLINE void lstm_forward_body(int64_t batch, int64_t hidden, const float *preactivation,
                                 const float *previous_cache, float *cache, float *output,
                                 bool records) {
    const int64_t h = hidden, gates = 4 * hidden, width = 6 * hidden;
    for (int64_t row = 0; row < batch; row++) {
        const float *a = preactivation + row * gates;
        const float *c_previous = previous_cache ? previous_cache + row * width + 4 * h : NULL;
        float *c_row = cache + row * width;
        float *h_row = output + row * h;
#define LSTM_FORWARD_CHUNK(j, lanes)                                                        \
        {                                                                                   \
            fk_float i = fk_sigmoid(fk_load(a + (j), lanes));                               \
            fk_float f = fk_sigmoid(fk_load(a + h + (j), lanes));                           \
            fk_float g = fk_tanh(fk_load(a + 2 * h + (j), lanes));                          \
            fk_float o = fk_sigmoid(fk_load(a + 3 * h + (j), lanes));                       \
            fk_float cp = c_previous ? fk_load(c_previous + (j), lanes) : fk_splat(0.0f);   \
            /* c = f ⊙ c_{t−1} + i ⊙ g,  h = o ⊙ tanh(c) */                                 \
            fk_float c = f * cp + i * g;                                                    \
            fk_float tc = fk_tanh(c);                                                       \
            fk_store(c, c_row + 4 * h + (j), lanes);                                        \
            if (records) {                                                                  \
                fk_store(i, c_row + (j), lanes);                                            \
                fk_store(f, c_row + h + (j), lanes);                                        \
                fk_store(g, c_row + 2 * h + (j), lanes);                                    \
                fk_store(o, c_row + 3 * h + (j), lanes);                                    \
                fk_store(tc, c_row + 5 * h + (j), lanes);                                   \
            }                                                                               \
            fk_store(o * tc, h_row + (j), lanes);                                           \
        }
        FK_FOR_EACH_CHUNK(h, LSTM_FORWARD_CHUNK);
#undef LSTM_FORWARD_CHUNK
    }
}

FK_INLINE void lstm_backward_body(int64_t batch, int64_t hidden, const float *cache,
                                  const float *previous_cache, const float *d_output,
                                  float *d_carry, float *d_preactivation) {
    const int64_t h = hidden, gates = 4 * hidden, width = 6 * hidden;
    for (int64_t row = 0; row < batch; row++) {
        const float *c_row = cache + row * width;
        const float *c_previous = previous_cache ? previous_cache + row * width + 4 * h : NULL;
        const float *dh_row = d_output + row * h;
        float *dc_row = d_carry + row * h;
        float *da = d_preactivation + row * gates;
#define LSTM_BACKWARD_CHUNK(j, lanes)                                                       \
        {                                                                                   \
            fk_float i = fk_load(c_row + (j), lanes);                                       \
            fk_float f = fk_load(c_row + h + (j), lanes);                                   \
            fk_float g = fk_load(c_row + 2 * h + (j), lanes);                               \
            fk_float o = fk_load(c_row + 3 * h + (j), lanes);                               \
            fk_float tc = fk_load(c_row + 5 * h + (j), lanes);                              \
            fk_float cp = c_previous ? fk_load(c_previous + (j), lanes) : fk_splat(0.0f);   \
            fk_float dh = fk_load(dh_row + (j), lanes);                                     \
            /* h = o ⊙ tanh(c): do = dh ⊙ tanh(c), dc += dh ⊙ o ⊙ (1 − tanh²(c)) */         \
            fk_float d_o = dh * tc;                                                         \
            fk_float dc = fk_load(dc_row + (j), lanes) + dh * o * fk_tanh_derivative(tc);   \
            /* c = f ⊙ c_{t−1} + i ⊙ g: di = dc ⊙ g, dg = dc ⊙ i, df = dc ⊙ c_{t−1} */       \
            fk_float d_i = dc * g;                                                          \
            fk_float d_g = dc * i;                                                          \
            fk_float d_f = dc * cp;                                                         \
            fk_store(dc * f, dc_row + (j), lanes);                                          \
            fk_store(d_i * fk_sigmoid_derivative(i), da + (j), lanes);                      \
            fk_store(d_f * fk_sigmoid_derivative(f), da + h + (j), lanes);                  \
            fk_store(d_g * fk_tanh_derivative(g), da + 2 * h + (j), lanes);                 \
            fk_store(d_o * fk_sigmoid_derivative(o), da + 3 * h + (j), lanes);              \
        }
        FK_FOR_EACH_CHUNK(h, LSTM_BACKWARD_CHUNK);
#undef LSTM_BACKWARD_CHUNK
    }
}

FK_VARIANTS(lstm_forward,
            (int64_t batch, int64_t hidden, const float *preactivation, const float *previous_cache,
             float *cache, float *output, bool records),
            (batch, hidden, preactivation, previous_cache, cache, output, records))

FK_VARIANTS(lstm_backward,
            (int64_t batch, int64_t hidden, const float *cache, const float *previous_cache,
             const float *d_output, float *d_carry, float *d_preactivation),
            (batch, hidden, cache, previous_cache, d_output, d_carry, d_preactivation))

void forecast_lstm_forward(int64_t batch, int64_t hidden, const float *preactivation,
                           const float *previous_cache, float *cache, float *output,
                           bool records_for_backward) {
    FK_DISPATCH(lstm_forward, (batch, hidden, preactivation, previous_cache, cache, output,
                               records_for_backward));
}

void forecast_lstm_backward(int64_t batch, int64_t hidden, const float *cache,
                            const float *previous_cache, const float *d_output, float *d_carry,
                            float *d_preactivation) {
    FK_DISPATCH(lstm_backward, (batch, hidden, cache, previous_cache, d_output, d_carry,
                                d_preactivation));
}
