#pragma once

#include <QString>

class QDoubleSpinBox;
class QSpinBox;

namespace equiscope {

/// A spin box over [min, max] showing @p value, with its accessible name and tooltip: the
/// launcher forms' numeric fields.
QSpinBox *spinBox(int min, int max, int value, const QString &name, const QString &tip);
/// The same for real values with @p decimals (fine steps for 4 or more decimals).
QDoubleSpinBox *realBox(double min, double max, double value, int decimals, const QString &name,
                        const QString &tip);

} // namespace equiscope
