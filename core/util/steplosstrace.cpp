#include "util/steplosstrace.h"

#include <QFile>
#include <QString>

namespace equiscope {

void traceStepLoss(int epoch, qint64 step, double value)
{
    static const QString path = qEnvironmentVariable("EQUISCOPE_STEP_LOSS_LOG");
    if (path.isEmpty())
        return;
    QFile file(path);
    if (file.open(QIODevice::Append | QIODevice::Text))
        file.write(
            QStringLiteral("%1 %2 %3\n").arg(epoch).arg(step).arg(value, 0, 'g', 12).toUtf8());
}

} // namespace equiscope
