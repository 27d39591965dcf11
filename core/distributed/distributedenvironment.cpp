#include "distributed/distributedenvironment.h"

#include <QStringList>

namespace equiscope {

namespace {

DataError environmentError(const QString &variable, const QString &expected, const QString &found)
{
    DataError e;
    e.file = QStringLiteral("environment");
    e.field = variable;
    e.expected = expected;
    e.found = found;
    return e;
}

/// A whole number in [lo, hi] from @p variable, or the error that names it.
Expected<int> wholeNumber(const QProcessEnvironment &env, const QString &variable, int lo, int hi)
{
    const QString text = env.value(variable).trimmed();
    bool ok = false;
    const qlonglong value = text.toLongLong(&ok);
    if (!ok || value < lo || value > hi)
        return environmentError(
            variable, QStringLiteral("a whole number from %1 to %2").arg(lo).arg(hi),
            text.isEmpty() ? QStringLiteral("an empty value") : QStringLiteral("'%1'").arg(text));
    return int(value);
}

} // namespace

Expected<std::optional<DistributedEnvironment>>
DistributedEnvironment::fromEnvironment(const QProcessEnvironment &env)
{
    static const QStringList required{QStringLiteral("RANK"), QStringLiteral("WORLD_SIZE"),
                                      QStringLiteral("MASTER_ADDR"), QStringLiteral("MASTER_PORT")};
    QStringList missing;
    for (const QString &name : required)
        if (!env.contains(name))
            missing << name;
    if (missing.size() == required.size())
        return std::optional<DistributedEnvironment>();
    if (!missing.isEmpty()) {
        DataError e;
        e.file = QStringLiteral("environment");
        e.detail = QStringLiteral("a data-parallel run needs RANK, WORLD_SIZE, MASTER_ADDR and "
                                  "MASTER_PORT; %1 %2 not set")
                       .arg(missing.join(QStringLiteral(", ")),
                            missing.size() == 1 ? QStringLiteral("is") : QStringLiteral("are"));
        return e;
    }
    DistributedEnvironment d;
    auto world = wholeNumber(env, QStringLiteral("WORLD_SIZE"), 1, 4096);
    if (!world)
        return world.error();
    d.worldSize = world.value();
    auto rank = wholeNumber(env, QStringLiteral("RANK"), 0, d.worldSize - 1);
    if (!rank)
        return rank.error();
    d.rank = rank.value();
    if (env.contains(QStringLiteral("LOCAL_RANK"))) {
        auto local = wholeNumber(env, QStringLiteral("LOCAL_RANK"), 0, 4095);
        if (!local)
            return local.error();
        d.localRank = local.value();
    } else {
        d.localRank = d.rank;
    }
    auto port = wholeNumber(env, QStringLiteral("MASTER_PORT"), 1, 65535);
    if (!port)
        return port.error();
    d.masterPort = quint16(port.value());
    d.masterAddress = env.value(QStringLiteral("MASTER_ADDR")).trimmed();
    if (d.masterAddress.isEmpty() || d.masterAddress.contains(QLatin1Char(' ')))
        return environmentError(QStringLiteral("MASTER_ADDR"),
                                QStringLiteral("a host name or address"),
                                QStringLiteral("'%1'").arg(d.masterAddress));
    if (env.contains(QStringLiteral("EQUISCOPE_DIST_CONNECT_TIMEOUT"))) {
        auto t = wholeNumber(env, QStringLiteral("EQUISCOPE_DIST_CONNECT_TIMEOUT"), 1, 86400);
        if (!t)
            return t.error();
        d.connectTimeoutSeconds = t.value();
    }
    if (env.contains(QStringLiteral("EQUISCOPE_DIST_TIMEOUT"))) {
        auto t = wholeNumber(env, QStringLiteral("EQUISCOPE_DIST_TIMEOUT"), 1, 7 * 86400);
        if (!t)
            return t.error();
        d.collectiveTimeoutSeconds = t.value();
    }
    d.launcherServesStore = env.value(QStringLiteral("TORCHELASTIC_USE_AGENT_STORE"))
                                .compare(QStringLiteral("true"), Qt::CaseInsensitive) == 0;
    return std::optional<DistributedEnvironment>(d);
}

Expected<std::optional<DistributedEnvironment>> DistributedEnvironment::fromProcess()
{
    return fromEnvironment(QProcessEnvironment::systemEnvironment());
}

QProcessEnvironment DistributedEnvironment::workerEnvironment(QProcessEnvironment base, int rank,
                                                              int worldSize,
                                                              const QString &masterAddress,
                                                              quint16 port)
{
    base.insert(QStringLiteral("RANK"), QString::number(rank));
    base.insert(QStringLiteral("LOCAL_RANK"), QString::number(rank));
    base.insert(QStringLiteral("WORLD_SIZE"), QString::number(worldSize));
    base.insert(QStringLiteral("LOCAL_WORLD_SIZE"), QString::number(worldSize));
    base.insert(QStringLiteral("MASTER_ADDR"), masterAddress);
    base.insert(QStringLiteral("MASTER_PORT"), QString::number(port));
    return base;
}

} // namespace equiscope
