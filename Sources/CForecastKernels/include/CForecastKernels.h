#ifndef C_FORECAST_KERNELS_H
#define C_FORECAST_KERNELS_H

/// The elementwise gate math of the recurrent cells, in C so that it can be compiled for the
/// vector unit the CPU has (AVX-512, AVX2, or the baseline) and chosen at run time: Swift
/// compiles a whole module for one instruction set, and for the x86-64 baseline its 16-lane
/// vectors become four SSE registers each, which spill. The baseline variant computes exactly
/// what ForecastNN's Swift `Activations` compute; the AVX2 and AVX-512 variants fuse
/// multiply-adds, agree with each other bit for bit, and stay within a few units in the last
/// place of the baseline. Also here: the packed product of the recurrent step (AVX-512).

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Which variant runs on this CPU: 3 AVX-512, 2 AVX2, 1 the baseline (any CPU).
int forecast_kernels_instruction_set(void);

/// Runs at most the variant `level` (1…3) on the calling thread from now on, or the process's
/// choice again with 0; returns the variant in effect there, never more than the CPU supports.
/// Other threads are not affected, so tests can compare the variants while others run.
int forecast_kernels_override_on_this_thread(int level);

/// A number never returned before in this process (thread-safe): stamps parameter versions.
uint64_t forecast_next_parameter_stamp(void);

/// Whether `forecast_gemm_packed` may be called: only with AVX-512, decided once per process.
bool forecast_packed_product_available(void);

/// Floats a packed copy of a k × n right-hand operand takes: panels of 64 columns, zero-padded.
int64_t forecast_packed_size(int64_t k, int64_t n);

/// Packs B (k × n, as it enters C = A·B) into `packed`. Stored row-major with row stride ldb:
/// as k × n, or, when `transposed`, as n × k (B is then the transpose of what is stored).
void forecast_pack(int64_t k, int64_t n, const float *b, int64_t ldb, bool transposed, float *packed);

/// C (m × n, row stride ldc) = A (m × k, row stride lda) · B + beta · C, with B packed by
/// `forecast_pack` and beta 0 or 1; when `bias` (n floats) is given, C = A · B + bias on every
/// row instead. Each element is summed over k in order with fused multiply-adds. For the
/// recurrent step's small products, where BLAS would repack the same weights on every call.
/// Call only when `forecast_packed_product_available()`.
void forecast_gemm_packed(int64_t m, int64_t n, int64_t k, const float *a, int64_t lda,
                          const float *packed, float beta, const float *bias, float *c, int64_t ldc);

/// C = A1 · B1 + A2 · B2 + bias (bias on every row), both B packed by `forecast_pack`: a layer's
/// input and hidden products in one pass over C. The sums run over k1, then k2, in order.
void forecast_gemm_packed_pair(int64_t m, int64_t n, int64_t k1, const float *a1, int64_t lda1,
                               const float *packed1, int64_t k2, const float *a2, int64_t lda2,
                               const float *packed2, const float *bias, float *c, int64_t ldc);

/// A second thread for the two halves of one batch-1 forecast (see CorePartner.c).
typedef struct forecast_partner forecast_partner;
/// Part `part` (0 on the caller's thread, 1 on the partner's) of a job.
typedef void (*forecast_partner_work)(void *context, int64_t part);

/// Starts a partner thread; NULL when no thread can be made.
forecast_partner *forecast_partner_create(void);
/// Stops and joins the partner thread, and frees it. Not while a job runs.
void forecast_partner_destroy(forecast_partner *partner);
/// Runs work(context, 0) on the calling thread and work(context, 1) on the partner, with both
/// parts' progress reset to 0 first; returns when both have returned. The partner uses the
/// caller's kernel variant. One caller at a time.
void forecast_partner_run(forecast_partner *partner, forecast_partner_work work, void *context);
/// Within a job: part `part` has finished `steps` steps (release: what it wrote before is seen
/// by a part that waits for it).
void forecast_partner_publish(forecast_partner *partner, int64_t part, int64_t steps);
/// Within a job: waits until part `part` has published at least `steps` steps (acquire).
void forecast_partner_wait(forecast_partner *partner, int64_t part, int64_t steps);

/// One forward step of PyTorch's LSTM cell for `batch` rows of `hidden` units.
/// preactivation: batch × 4·hidden, gates i, f, g, o, every projection and bias summed.
/// previous_cache: the cache of step t−1 (batch × 6·hidden), or NULL at the first step.
/// cache: batch × 6·hidden, [i | f | g | o | c | tanh(c)] per row; only c is written when
/// records_for_backward is false. output: batch × hidden, h_t.
void forecast_lstm_forward(int64_t batch, int64_t hidden, const float *preactivation,
                           const float *previous_cache, float *cache, float *output,
                           bool records_for_backward);

/// The mirror of `forecast_lstm_forward`: from dL/dh_t (d_output) and dL/dc_t (d_carry, replaced
/// by dL/dc_{t−1}), the gradients of the four gate pre-activations (batch × 4·hidden).
void forecast_lstm_backward(int64_t batch, int64_t hidden, const float *cache,
                            const float *previous_cache, const float *d_output, float *d_carry,
                            float *d_preactivation);

/// One forward step of PyTorch's GRU cell. input_projection and hidden_projection: batch × 3·hidden,
/// gates r, z, n, each with its bias (b_hn stays inside the hidden projection). previous_hidden:
/// batch × hidden. cache: batch × 3·hidden, [r | z | n] per row, written only when
/// records_for_backward. output: batch × hidden, h_t.
void forecast_gru_forward(int64_t batch, int64_t hidden, const float *input_projection,
                          const float *hidden_projection, const float *previous_hidden, float *cache,
                          float *output, bool records_for_backward);

/// The mirror of `forecast_gru_forward`: from dL/dh_t, the gradients of the input and hidden
/// pre-activations (batch × 3·hidden each) and the part of dL/dh_{t−1} that bypasses W_hh.
void forecast_gru_backward(int64_t batch, int64_t hidden, const float *hidden_projection,
                           const float *previous_hidden, const float *cache, const float *d_output,
                           float *d_input_preactivation, float *d_hidden_preactivation,
                           float *d_previous_hidden_direct);

/// One forward step of PyTorch's tanh RNN cell: output = tanh(preactivation), batch × hidden.
void forecast_elman_forward(int64_t batch, int64_t hidden, const float *preactivation, float *output);

/// Its mirror: d_preactivation = d_output ⊙ (1 − output²).
void forecast_elman_backward(int64_t batch, int64_t hidden, const float *output, const float *d_output,
                             float *d_preactivation);

/// One step of PyTorch's single-tensor Adam over `count` parameters, moments updated in place:
/// g = ∇ + λp; m += (1 − β₁)(g − m); v = β₂v + (1 − β₂)g²; p += −step·(m / (√v / root2 + ε)).
/// Nothing fuses, so every variant gives the same bits as ForecastNN's Swift `Adam` loop did.
void forecast_adam_step(int64_t count, float *parameters, const float *gradients, float *first_moment,
                        float *second_moment, float one_minus_beta1, float beta2, float one_minus_beta2, float root2,
                        float epsilon, float step_size, float weight_decay);

/// y (n) += Σ rows of A (m × n, row stride lda), each column summed in row order.
void forecast_add_column_sums(int64_t m, int64_t n, const float *a, int64_t lda, float *y);

/// σ and tanh over a buffer (output may equal input), for checking the kernels against Swift.
void forecast_sigmoid(const float *input, float *output, int64_t count);
void forecast_tanh(const float *input, float *output, int64_t count);

#ifdef __cplusplus
}
#endif

#endif
