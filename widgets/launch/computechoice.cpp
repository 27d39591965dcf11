#include "launch/computechoice.h"

#include "util/environment.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QStandardItemModel>

namespace equiscope {

namespace {

// Greys out item @p row of @p box and says why in its tooltip.
void disableItem(QComboBox *box, int row, const QString &why)
{
    if (auto *model = qobject_cast<QStandardItemModel *>(box->model())) {
        if (QStandardItem *item = model->item(row)) {
            item->setEnabled(false);
            item->setToolTip(why);
        }
    }
}

} // namespace

ComputeChoice::ComputeChoice(ReducedPrecisionOn reduced, QWidget *parent)
    : QWidget(parent), m_reduced(reduced), m_cudaDevices(cudaDeviceCount())
{
    const QString noCuda = tr("This LibTorch has no CUDA device (Debian's LibTorch is CPU-only; "
                              "README, \"GPU\").");
    m_device = new QComboBox;
    m_device->setAccessibleName(tr("Device"));
    m_device->addItem(tr("Automatic (%1)").arg(m_cudaDevices > 0 ? tr("CUDA") : tr("CPU")),
                      QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA"), QStringLiteral("cuda"));
    for (int i = 0; i < m_cudaDevices; ++i)
        m_device->addItem(tr("CUDA device %1").arg(i), QStringLiteral("cuda:%1").arg(i));
    if (m_cudaDevices == 0)
        disableItem(m_device, 2, noCuda);
    m_device->setToolTip(tr("Where the run trains. Automatic takes a CUDA device when LibTorch "
                            "has one, else the CPU."));
    connect(m_device, &QComboBox::currentIndexChanged, this, &ComputeChoice::changed);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_device, 1);
    m_precision = new QComboBox;
    m_precision->setAccessibleName(tr("Precision"));
    m_precision->addItem(tr("fp32"), QStringLiteral("fp32"));
    m_precision->addItem(tr("bf16 (mixed)"), QStringLiteral("bf16"));
    m_precision->addItem(tr("fp16 (mixed, CUDA)"), QStringLiteral("fp16"));
    if (m_cudaDevices == 0) {
        disableItem(m_precision, 2, noCuda);
        if (reduced == ReducedPrecisionOn::CudaOnly)
            disableItem(m_precision, 1, noCuda);
    }
    m_precision->setToolTip(
        tr("Mixed precision: the encoder and the loss's similarity products in bf16 or fp16, "
           "statistics and evaluation in fp32. Meant for GPUs: a CPU without bf16 "
           "instructions runs it slower than fp32."));
    connect(m_precision, &QComboBox::currentIndexChanged, this, &ComputeChoice::changed);
    auto *label = new QLabel(tr("Precision:"));
    label->setBuddy(m_precision);
    layout->addWidget(label);
    layout->addWidget(m_precision, 1);
}

QString ComputeChoice::device() const
{
    return m_device->currentData().toString();
}

void ComputeChoice::setDevice(const QString &device)
{
    int row = m_device->findData(device);
    if (row < 0) {
        m_device->addItem(device, device);
        row = m_device->count() - 1;
    }
    m_device->setCurrentIndex(row);
}

QString ComputeChoice::precision() const
{
    return m_precision->currentData().toString();
}

void ComputeChoice::setPrecision(const QString &precision)
{
    const int row = m_precision->findData(precision);
    m_precision->setCurrentIndex(row < 0 ? 0 : row);
}

QString ComputeChoice::unavailableReason() const
{
    if (m_cudaDevices == 0 && device().startsWith(QLatin1String("cuda")))
        return tr("Device %1: this LibTorch has no CUDA device.").arg(device());
    const bool cpu = device() == QLatin1String("cpu") || m_cudaDevices == 0;
    if (precision() == QLatin1String("fp16") && cpu)
        return tr("Precision fp16 needs a CUDA device; on the CPU use bf16 or fp32.");
    if (precision() == QLatin1String("bf16") && cpu && m_reduced == ReducedPrecisionOn::CudaOnly)
        return tr("Precision bf16 of this family needs a CUDA device; on the CPU use fp32.");
    return {};
}

} // namespace equiscope
