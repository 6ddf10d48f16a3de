// CBLAS from OpenBLAS (Debian: libopenblas-dev), for its types and constants only: ForecastNN
// does not link OpenBLAS but opens it at first use (OpenBLASLibrary.swift), after choosing its
// kernels, and calls it through these function pointer types.
#include <cblas.h>

typedef __typeof__(cblas_sgemm) *forecast_cblas_sgemm_function;
typedef __typeof__(cblas_sgemv) *forecast_cblas_sgemv_function;
typedef __typeof__(openblas_set_num_threads) *forecast_openblas_set_num_threads_function;
typedef __typeof__(openblas_get_corename) *forecast_openblas_get_corename_function;
