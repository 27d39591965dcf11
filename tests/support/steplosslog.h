#pragma once

#include <QFile>
#include <QString>
#include <QVector>

namespace fixtures {

/// The losses an EQUISCOPE_STEP_LOSS_LOG file holds ("epoch step loss" per line,
/// core/util/steplosstrace.h), in order; empty when the file is missing.
inline QVector<double> readStepLosses(const QString &path)
{
    QVector<double> losses;
    QFile f(path);
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray &line : f.readAll().split('\n'))
            if (const auto parts = line.split(' '); parts.size() == 3)
                losses << parts[2].toDouble();
    return losses;
}

} // namespace fixtures
