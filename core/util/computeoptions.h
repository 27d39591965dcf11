#pragma once

#include "util/expected.h"

#include <QString>

#include <optional>

namespace equiscope {

/// Where a run's reduced precision may run (docs/design/gpu.md, "Mixed precision"): bf16 on the
/// CPU as well (FARE, fair SSL), or only on CUDA (the clustering transformer); fp16 always
/// needs CUDA.
enum class ReducedPrecisionOn
{
    CpuAndCuda,
    CudaOnly
};

/// The checks every family's config makes of its `device` and `precision` keys: a device name
/// (auto, cpu, cuda, cuda:N), a precision name (fp32, bf16, fp16) and no reduced precision on
/// an explicit CPU device that cannot run it. Empty when both are fine.
std::optional<DataError> computeOptionsError(const QString &device, const QString &precision,
                                             ReducedPrecisionOn reduced);

} // namespace equiscope
