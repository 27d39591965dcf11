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
    const QByteArray b =
        (QStringLiteral("equiscope-cli: error: ") + line + QLatin1Char('\n')).toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    std::fflush(stderr);
    return code;
}

bool boundedIntOption(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max,
                      qint64 *value, QString *error)
{
    const QString text = parser.value(name).trimmed();
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < min || v > max) {
        *error = QStringLiteral("--%1: expected an integer from %2 to %3, found '%4'")
                     .arg(name)
                     .arg(min)
                     .arg(max)
                     .arg(parser.value(name));
        return false;
    }
    *value = v;
    return true;
}

} // namespace equiscope::cli
