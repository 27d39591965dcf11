#pragma once
// Where the engine's tensors live (docs/design/gpu.md). The fused loss engines and the kNN
// graph's blocked search read tensor memory directly and so run on CPU tensors only; every other
// path is written in tensor operations on its inputs' device. Two switches make the
// device-generic paths testable without a GPU.

#include <torch/torch.h>

#include <QString>

namespace equiscope {

/// The device a config names: "auto" (CUDA when this LibTorch has a device, else the CPU),
/// "cpu", "cuda" or "cuda:N". Throws std::runtime_error naming the problem (a CUDA device asked
/// of a CPU-only LibTorch, an index past the devices present, a malformed name).
torch::Device resolveTorchDevice(const QString &name);

/// The compute type a run's precision names: fp32 -> Float, bf16 -> BFloat16, fp16 -> Half.
/// Throws std::runtime_error for another name, and for fp16 on a CPU device (LibTorch's CPU
/// autocast knows bf16 only).
torch::ScalarType precisionType(const QString &precision, const torch::Device &device);

/// While alive, on this thread: LibTorch's autocast on `device` with `type` (nothing for
/// Float) — convolutions and matrix products in the reduced type, reductions and norms in fp32
/// by autocast's own lists. The previous state comes back at the end.
class AutocastScope
{
public:
    AutocastScope(const torch::Device &device, torch::ScalarType type);
    ~AutocastScope();
    AutocastScope(const AutocastScope &) = delete;
    AutocastScope &operator=(const AutocastScope &) = delete;

private:
    bool m_active = false, m_cuda = false, m_wasEnabled = false;
    torch::ScalarType m_wasType = torch::kFloat;
};

/// Tests and scripts/gpu-check: true makes every engine take its device-generic path on CPU
/// tensors too — tensor operations only, tiles one after another, exactly as on a GPU.
void setDeviceGenericForced(bool forced);
bool deviceGenericForced();

/// True when the CPU-only fast engines may read x's memory: x is a CPU tensor and the
/// device-generic path is not forced.
bool cpuEnginesApply(const torch::Tensor &x);

/// Device discipline: throws c10::Error when a defined t is not on `device`. Engines call it on
/// the tensors they create. Checked in debug builds and while setDeviceChecks(true) (tests).
void expectOnDevice(const torch::Tensor &t, const torch::Device &device, const char *what);
void setDeviceChecks(bool on);
bool deviceChecksEnabled();

} // namespace equiscope
