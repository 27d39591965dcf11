#include "util/torchdevice_p.h"

#include "util/torchcompat_p.h"

#include <QtGlobal>

#include <ATen/autocast_mode.h>

#include <atomic>
#include <stdexcept>

namespace equiscope {

namespace {
// EQUISCOPE_DEVICE_GENERIC=1 forces it for a whole process (scripts/gpu-check's CPU half).
std::atomic<bool> g_genericForced{qEnvironmentVariableIntValue("EQUISCOPE_DEVICE_GENERIC") > 0};
#ifdef NDEBUG
std::atomic<bool> g_deviceChecks{false};
#else
std::atomic<bool> g_deviceChecks{true};
#endif
} // namespace

torch::Device resolveTorchDevice(const QString &name)
{
    if (name == QLatin1String("auto"))
        return torch::cuda::is_available() ? torch::Device(torch::kCUDA)
                                           : torch::Device(torch::kCPU);
    if (name == QLatin1String("cpu"))
        return torch::Device(torch::kCPU);
    if (!name.startsWith(QLatin1String("cuda")))
        throw std::runtime_error(QStringLiteral("device '%1' is not one of auto, cpu, cuda, cuda:N")
                                     .arg(name)
                                     .toStdString());
    if (!torch::cuda::is_available())
        throw std::runtime_error(
            QStringLiteral("device '%1' requested, but this LibTorch build has no CUDA device "
                           "(Debian's LibTorch is CPU-only; README, \"GPU\")")
                .arg(name)
                .toStdString());
    int index = 0;
    if (name != QLatin1String("cuda")) {
        bool ok = false;
        index = name.startsWith(QLatin1String("cuda:")) ? name.mid(5).toInt(&ok) : -1;
        if (!ok || index < 0)
            throw std::runtime_error(
                QStringLiteral("device '%1' is not one of auto, cpu, cuda, cuda:N")
                    .arg(name)
                    .toStdString());
    }
    const int64_t count = int64_t(torch::cuda::device_count());
    if (index >= count)
        throw std::runtime_error(QStringLiteral("device '%1' requested, but only %2 CUDA device(s) "
                                                "are present")
                                     .arg(name)
                                     .arg(count)
                                     .toStdString());
    return torch::Device(torch::kCUDA, torch::DeviceIndex(index));
}

torch::ScalarType precisionType(const QString &precision, const torch::Device &device)
{
    if (precision == QLatin1String("fp32"))
        return torch::kFloat;
    if (precision == QLatin1String("bf16"))
        return torch::kBFloat16;
    if (precision == QLatin1String("fp16")) {
        if (!device.is_cuda())
            throw std::runtime_error(
                "precision fp16 needs a CUDA device; on the CPU use bf16 or fp32");
        return torch::kHalf;
    }
    throw std::runtime_error(QStringLiteral("precision '%1' is not one of fp32, bf16, fp16")
                                 .arg(precision)
                                 .toStdString());
}

AutocastScope::AutocastScope(const torch::Device &device, torch::ScalarType type)
{
    if (type == torch::kFloat || type == torch::kDouble)
        return;
    m_active = true;
    m_cuda = device.is_cuda();
    const at::DeviceType kind = m_cuda ? at::kCUDA : at::kCPU;
    m_wasEnabled = torchcompat::autocastEnabled(kind);
    m_wasType = torchcompat::autocastType(kind);
    torchcompat::setAutocastType(kind, type);
    torchcompat::setAutocastEnabled(kind, true);
}

AutocastScope::~AutocastScope()
{
    if (!m_active)
        return;
    const at::DeviceType kind = m_cuda ? at::kCUDA : at::kCPU;
    torchcompat::setAutocastEnabled(kind, m_wasEnabled);
    torchcompat::setAutocastType(kind, m_wasType);
    // Autocast caches the reduced copies of the weights while enabled; they are stale after the
    // optimiser's step.
    if (!m_wasEnabled)
        at::autocast::clear_cache();
}

void setDeviceGenericForced(bool forced)
{
    g_genericForced = forced;
}

bool deviceGenericForced()
{
    return g_genericForced.load(std::memory_order_relaxed);
}

bool cpuEnginesApply(const torch::Tensor &x)
{
    return x.device().is_cpu() && !deviceGenericForced();
}

void setDeviceChecks(bool on)
{
    g_deviceChecks = on;
}

bool deviceChecksEnabled()
{
    return g_deviceChecks.load(std::memory_order_relaxed);
}

void expectOnDevice(const torch::Tensor &t, const torch::Device &device, const char *what)
{
    if (!deviceChecksEnabled() || !t.defined())
        return;
    TORCH_CHECK(t.device() == device, "device discipline: ", what, " is on ", t.device().str(),
                " but the inputs are on ", device.str());
}

} // namespace equiscope
