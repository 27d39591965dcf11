#include "clioutput.h"

#include <QJsonDocument>

#include <cstdio>

namespace equiscope::cli {

void printOut(const QString &text)
{
    const QByteArray b = text.toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
    std::fflush(stdout);
}

void printJson(const QJsonObject &object)
{
    printOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
}

int fail(const QString &message, int code)
{
    QString line = message.simplified();
    const QByteArray b = (QStringLiteral("equiscope-cli: error: ") + line + QLatin1Char('\n')).toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    std::fflush(stderr);
    return code;
}

} // namespace equiscope::cli
