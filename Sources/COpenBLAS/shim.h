// CBLAS from OpenBLAS (Debian: libopenblas-dev). openblas_set_num_threads lets the
// library keep BLAS single-threaded: the project splits work across cores itself.
#include <cblas.h>
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
