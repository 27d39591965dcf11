#include "util/computeoptions.h"

#include <QStringList>

namespace equiscope {

std::optional<DataError> computeOptionsError(const QString &device, const QString &precision,
                                             ReducedPrecisionOn reduced)
{
    const QString config = QStringLiteral("run config");
    if (!(device == QLatin1String("auto") || device == QLatin1String("cpu") ||
          device.startsWith(QLatin1String("cuda"))))
        return fieldError(config, QStringLiteral("device"), QStringLiteral("auto, cpu or cuda[:N]"),
                          device);
    if (!QStringList{QStringLiteral("fp32"), QStringLiteral("bf16"), QStringLiteral("fp16")}
             .contains(precision))
        return fieldError(config, QStringLiteral("precision"), QStringLiteral("fp32, bf16 or fp16"),
                          precision);
    if (device != QLatin1String("cpu") || precision == QLatin1String("fp32"))
        return std::nullopt;
    if (precision == QLatin1String("fp16"))
        return fieldError(config, QStringLiteral("precision"),
                          QStringLiteral("fp32 or bf16 on the CPU (fp16 needs a CUDA device)"),
                          precision);
    if (reduced == ReducedPrecisionOn::CudaOnly)
        return fieldError(config, QStringLiteral("precision"),
                          QStringLiteral("fp32 on the CPU (this family's reduced precision needs "
                                         "a CUDA device)"),
                          precision);
    return std::nullopt;
}

} // namespace equiscope
