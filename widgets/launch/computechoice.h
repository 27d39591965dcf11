#pragma once

#include "util/computeoptions.h"

#include <QWidget>

class QComboBox;

namespace equiscope {

/// Where a run computes and in what precision, for every family's launcher (docs/design/gpu.md):
/// a device box (auto, cpu, cuda, cuda:N — CUDA entries disabled, with the reason in their
/// tooltip, when the LibTorch in use has no device) and a precision box (fp32, bf16, fp16 —
/// what needs CUDA greyed out without it). The values are the config keys' spellings.
class ComputeChoice : public QWidget
{
    Q_OBJECT

public:
    /// @p reduced: where the family's reduced precision can run (bf16 on the CPU as well, or
    /// only on CUDA); fp16 always needs CUDA.
    explicit ComputeChoice(ReducedPrecisionOn reduced, QWidget *parent = nullptr);

    QString device() const;
    /// Selects @p device; a cuda:N beyond the listed ones is added (a config from another
    /// machine keeps its value and validation says what is wrong with it).
    void setDevice(const QString &device);
    QString precision() const;
    void setPrecision(const QString &precision);

    QComboBox *deviceBox() const { return m_device; }
    QComboBox *precisionBox() const { return m_precision; }

    /// Empty, or why the choice cannot run on this machine (a CUDA device or fp16 without CUDA).
    QString unavailableReason() const;

Q_SIGNALS:
    void changed();

private:
    QComboBox *m_device = nullptr;
    QComboBox *m_precision = nullptr;
    ReducedPrecisionOn m_reduced = ReducedPrecisionOn::CpuAndCuda;
    int m_cudaDevices = 0;
};

} // namespace equiscope
