// AVX2 + FMA variant of the loss kernels (compiled with -mavx2 -mfma, see core/CMakeLists.txt);
// only called when the CPU reports both.
#define EQUISCOPE_KERNEL_NS avx2
#include "losses/losskernels_impl_p.h"

namespace equiscope::lossdetail::kernels {

#if defined(__x86_64__)
const Table<float> &avx2Float()
{
    static constexpr Table<float> table = avx2::makeTable<float>("avx2");
    return table;
}
#endif

} // namespace equiscope::lossdetail::kernels
