#include "clioutput.h"

#include <QJsonDocument>

#include <cstdio>
#include <cstdlib>

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

QString exitCodesHelp()
{
    return QStringLiteral("Exit codes: 0 done; 1 data error (a file, store, dataset, model or "
                          "config that is missing or wrong; the message names it); 2 usage error "
                          "(unknown command or option, missing or malformed argument); 3 "
                          "cancelled (the run stays resumable).\n");
}

void parseOrExit(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "equiscope-cli: error: %s (see --help)\n",
                     qPrintable(parser.errorText()));
        std::exit(kExitUsage);
    }
    if (parser.isSet(QStringLiteral("help"))) {
        const QString help = parser.helpText() + QLatin1Char('\n') + exitCodesHelp();
        std::fputs(help.toUtf8().constData(), stdout);
        std::exit(0);
    }
}

} // namespace equiscope::cli
