#include "common/formfields.h"

#include <QDoubleSpinBox>
#include <QSpinBox>

namespace equiscope {

QSpinBox *spinBox(int min, int max, int value, const QString &name, const QString &tip)
{
    auto *box = new QSpinBox;
    box->setRange(min, max);
    box->setValue(value);
    box->setAccessibleName(name);
    box->setToolTip(tip);
    return box;
}

QDoubleSpinBox *realBox(double min, double max, double value, int decimals, const QString &name,
                        const QString &tip)
{
    auto *box = new QDoubleSpinBox;
    box->setDecimals(decimals);
    box->setRange(min, max);
    box->setSingleStep(decimals >= 4 ? 1e-4 : 0.05);
    box->setValue(value);
    box->setAccessibleName(name);
    box->setToolTip(tip);
    return box;
}

} // namespace equiscope
