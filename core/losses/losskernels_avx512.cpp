// AVX-512 variant of the loss kernels (compiled with -mavx512f -mavx512dq and 512-bit vectors,
// see core/CMakeLists.txt); only called when the CPU reports AVX-512F/DQ.
#define EQUISCOPE_KERNEL_NS avx512
#include "losses/losskernels_impl_p.h"

namespace equiscope::lossdetail::kernels {

#if defined(__x86_64__)
const Table<float> &avx512Float()
{
    static constexpr Table<float> table = avx512::makeTable<float>("avx512");
    return table;
}
#endif

} // namespace equiscope::lossdetail::kernels
