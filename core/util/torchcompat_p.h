#pragma once
// The LibTorch API differences the project meets between Debian's LibTorch 1.13 and current 2.x,
// in one place (docs/design/gpu.md, "Building against another LibTorch"). Only the 1.13 branch
// can be compiled here; the 2.x branch follows the 2.4+ headers, where the per-device-type
// autocast calls replaced the CUDA / CPU pairs (those remain as deprecated wrappers).

#include <ATen/autocast_mode.h>
#include <torch/version.h>

namespace equiscope::torchcompat {

#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)

inline bool autocastEnabled(at::DeviceType device)
{
    return at::autocast::is_autocast_enabled(device);
}
inline void setAutocastEnabled(at::DeviceType device, bool enabled)
{
    at::autocast::set_autocast_enabled(device, enabled);
}
inline at::ScalarType autocastType(at::DeviceType device)
{
    return at::autocast::get_autocast_dtype(device);
}
inline void setAutocastType(at::DeviceType device, at::ScalarType type)
{
    at::autocast::set_autocast_dtype(device, type);
}

#else

inline bool autocastEnabled(at::DeviceType device)
{
    return device == at::kCUDA ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled();
}
inline void setAutocastEnabled(at::DeviceType device, bool enabled)
{
    if (device == at::kCUDA)
        at::autocast::set_enabled(enabled);
    else
        at::autocast::set_cpu_enabled(enabled);
}
inline at::ScalarType autocastType(at::DeviceType device)
{
    return device == at::kCUDA ? at::autocast::get_autocast_gpu_dtype()
                               : at::autocast::get_autocast_cpu_dtype();
}
inline void setAutocastType(at::DeviceType device, at::ScalarType type)
{
    if (device == at::kCUDA)
        at::autocast::set_autocast_gpu_dtype(type);
    else
        at::autocast::set_autocast_cpu_dtype(type);
}

#endif

} // namespace equiscope::torchcompat
