#include "CForecastKernels.h"
#include "VectorMath.h"

// One Adam step over a parameter buffer, sixteen lanes at a time. Unlike the gate math, nothing
// here may fuse: each product is rounded before it is added, as in the Swift loop it replaces and
// in PyTorch's single-tensor Adam, so every variant gives the Swift loop's bits (√ and ÷ are
// correctly rounded in every instruction set).
#ifdef __clang__
#pragma clang fp contract(off)
#endif

FK_INLINE void adam_step_body(int64_t count, float *parameters, const float *gradients, float *first_moment,
                              float *second_moment, float one_minus_beta1, float beta2, float one_minus_beta2,
                              float root2, float epsilon, float step_size, float weight_decay) {
    float *p = parameters, *m = first_moment, *v = second_moment;
    const float *grad = gradients;
#define ADAM_CHUNK(j, lanes)                                                                 \
    {                                                                                        \
        fk_float g = fk_load(grad + (j), lanes);                                             \
        fk_float pv = fk_load(p + (j), lanes);                                               \
        if (weight_decay != 0) g = g + weight_decay * pv;                                    \
        fk_float mv = fk_load(m + (j), lanes);                                               \
        mv = mv + one_minus_beta1 * (g - mv);                                                \
        fk_float vv = fk_load(v + (j), lanes);                                               \
        vv = vv * beta2 + one_minus_beta2 * (g * g);                                         \
        fk_float denominator = __builtin_elementwise_sqrt(vv) / root2 + epsilon;             \
        pv = pv + (-step_size) * (mv / denominator);                                         \
        fk_store(mv, m + (j), lanes);                                                        \
        fk_store(vv, v + (j), lanes);                                                        \
        fk_store(pv, p + (j), lanes);                                                        \
    }
    FK_FOR_EACH_CHUNK(count, ADAM_CHUNK);
#undef ADAM_CHUNK
}

FK_VARIANTS(adam_step,
            (int64_t count, float *parameters, const float *gradients, float *first_moment, float *second_moment,
             float one_minus_beta1, float beta2, float one_minus_beta2, float root2, float epsilon, float step_size,
             float weight_decay),
            (count, parameters, gradients, first_moment, second_moment, one_minus_beta1, beta2, one_minus_beta2, root2,
             epsilon, step_size, weight_decay))

void forecast_adam_step(int64_t count, float *parameters, const float *gradients, float *first_moment,
                        float *second_moment, float one_minus_beta1, float beta2, float one_minus_beta2, float root2,
                        float epsilon, float step_size, float weight_decay) {
    FK_DISPATCH(adam_step, (count, parameters, gradients, first_moment, second_moment, one_minus_beta1, beta2,
                            one_minus_beta2, root2, epsilon, step_size, weight_decay));
}
