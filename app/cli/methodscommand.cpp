#include "methodscommand.h"

#include "clioutput.h"

#include "families/familyregistry.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace equiscope::cli {

namespace {

QString kindName(MethodOption::Kind kind)
{
    switch (kind) {
    case MethodOption::Kind::Real:
        return QStringLiteral("real");
    case MethodOption::Kind::Integer:
        return QStringLiteral("integer");
    case MethodOption::Kind::Choice:
        return QStringLiteral("choice");
    case MethodOption::Kind::Flag:
        return QStringLiteral("flag");
    }
    return {};
}

QJsonObject optionJson(const MethodOption &o)
{
    QJsonObject j{{QStringLiteral("key"), o.key},
                  {QStringLiteral("label"), o.label},
                  {QStringLiteral("kind"), kindName(o.kind)},
                  {QStringLiteral("default"), QJsonValue::fromVariant(o.defaultValue)},
                  {QStringLiteral("help"), o.toolTip}};
    if (o.kind == MethodOption::Kind::Choice)
        j.insert(QStringLiteral("choices"), QJsonArray::fromStringList(o.choices));
    else if (o.kind != MethodOption::Kind::Flag) {
        j.insert(QStringLiteral("minimum"), o.minimum);
        j.insert(QStringLiteral("maximum"), o.maximum);
    }
    return j;
}

} // namespace

int runMethodsCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "List the method families of this build, their methods and each method's options "
        "(key, kind, default, range), as the launchers and run configs use them."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("methods"), QStringLiteral("Command."));
    p.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
    parseOrExit(p, arguments);
    QJsonArray families;
    QString text;
    for (const MethodFamily *family : FamilyRegistry::instance().families()) {
        QJsonArray methods;
        text += QStringLiteral("%1 — %2\n").arg(family->name(), family->title());
        for (const MethodInfo &m : family->methods()) {
            QJsonArray options;
            QStringList keys;
            for (const MethodOption &o : m.options) {
                options.append(optionJson(o));
                keys << o.key;
            }
            methods.append(QJsonObject{{QStringLiteral("name"), m.name},
                                       {QStringLiteral("title"), m.title},
                                       {QStringLiteral("description"), m.description},
                                       {QStringLiteral("trainsModel"), m.trainsModel},
                                       {QStringLiteral("options"), options}});
            text += QStringLiteral("  %1  %2\n").arg(m.name, -16).arg(m.title);
            if (!keys.isEmpty())
                text += QStringLiteral("  %1  options: %2\n")
                            .arg(QString(), -16)
                            .arg(keys.join(QStringLiteral(", ")));
        }
        families.append(QJsonObject{{QStringLiteral("family"), family->name()},
                                    {QStringLiteral("title"), family->title()},
                                    {QStringLiteral("design"), family->designPage()},
                                    {QStringLiteral("methods"), methods}});
    }
    if (p.isSet(QStringLiteral("json")))
        printJson(QJsonObject{{QStringLiteral("families"), families}});
    else
        printOut(text);
    return 0;
}

} // namespace equiscope::cli
