// Baseline x86-64 (or any other CPU) variant of the loss kernels; see losskernels_impl_p.h.
#define EQUISCOPE_KERNEL_NS generic
#include "losses/losskernels_impl_p.h"

namespace equiscope::lossdetail::kernels {

const Table<float> &genericFloat()
{
    static constexpr Table<float> table = generic::makeTable<float>("generic");
    return table;
}

const Table<double> &genericDouble()
{
    static constexpr Table<double> table = generic::makeTable<double>("generic");
    return table;
}

} // namespace equiscope::lossdetail::kernels
