#include "families/sweepplan.h"

#include "families/familyregistry.h"
#include "families/methodfamily.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

namespace equiscope {

namespace {

constexpr char kFormat[] = "equiscope-sweep";
constexpr int kVersion = 1;
constexpr qint64 kMaxManifestBytes = 64ll << 20;
constexpr qint64 kMaxConfigBytes = 4ll << 20;

DataError sweepError(const QString &file, const QString &detail)
{
    DataError e;
    e.file = file;
    e.detail = detail;
    return e;
}

/// Sets @p path (dotted) of @p object to @p text, keeping the type of the value there.
Expected<QJsonObject> setPath(QJsonObject object, const QStringList &path, const QString &text,
                              const QString &key)
{
    const QString head = path.first();
    if (!object.contains(head))
        return sweepError(QStringLiteral("sweep"),
                          QStringLiteral("the run config has no key '%1'").arg(key));
    const QJsonValue old = object.value(head);
    if (path.size() > 1) {
        if (!old.isObject())
            return sweepError(QStringLiteral("sweep"),
                              QStringLiteral("'%1' is not an object in the run config").arg(key));
        auto inner = setPath(old.toObject(), path.mid(1), text, key);
        if (!inner)
            return inner.error();
        object.insert(head, inner.value());
        return object;
    }
    if (old.isDouble()) {
        bool ok = false;
        const double v = text.toDouble(&ok);
        if (!ok)
            return sweepError(QStringLiteral("sweep"),
                              QStringLiteral("'%1' needs a number, got '%2'").arg(key, text));
        object.insert(head, v);
    } else if (old.isBool()) {
        if (text != QLatin1String("true") && text != QLatin1String("false"))
            return sweepError(QStringLiteral("sweep"),
                              QStringLiteral("'%1' needs true or false, got '%2'").arg(key, text));
        object.insert(head, text == QLatin1String("true"));
    } else if (old.isString()) {
        object.insert(head, text);
    } else {
        return sweepError(QStringLiteral("sweep"),
                          QStringLiteral("'%1' is not a single value a sweep can set").arg(key));
    }
    return object;
}

Expected<QJsonObject> readJsonObject(const QString &path, qint64 maxBytes)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return sweepError(path, f.errorString());
    if (f.size() > maxBytes)
        return sweepError(path, QStringLiteral("%1 bytes, more than a sweep file may have (%2)")
                                    .arg(f.size())
                                    .arg(maxBytes));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(maxBytes), &err);
    if (!doc.isObject())
        return sweepError(path, QStringLiteral("not a JSON object (%1 at byte %2)")
                                    .arg(err.errorString())
                                    .arg(err.offset));
    return doc.object();
}

Expected<Done> writeJson(const QString &path, const QJsonObject &object)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return sweepError(path, f.errorString());
    f.write(QJsonDocument(object).toJson());
    if (!f.commit())
        return sweepError(path, f.errorString());
    return Done{};
}

} // namespace

Expected<QJsonObject> withSweepValue(const QJsonObject &config, const QString &key,
                                     const QString &text)
{
    auto family = FamilyRegistry::instance().familyOfConfig(config);
    if (!family)
        return family.error();
    const QString method = config.value(QStringLiteral("method")).toString();
    for (const MethodInfo &m : family.value()->methods()) {
        if (m.name != method && !(method.isEmpty() && m.name == family.value()->defaultMethod()))
            continue;
        for (const MethodOption &o : m.options)
            if (o.key == key)
                return family.value()->withOption(config, key, text);
    }
    auto set = setPath(config, key.split(QLatin1Char('.')), text, key);
    if (!set)
        return set.error();
    return family.value()->parseConfig(set.value());
}

Expected<SweepPlan> SweepPlan::create(const QJsonObject &base, const QList<SweepAxis> &axes,
                                      const QStringList &seeds)
{
    auto family = FamilyRegistry::instance().familyOfConfig(base);
    if (!family)
        return family.error();
    auto parsedBase = family.value()->parseConfig(base);
    if (!parsedBase)
        return parsedBase.error();
    SweepPlan plan;
    plan.m_family = family.value()->id();
    plan.m_base = parsedBase.value();
    plan.m_axes = axes;
    plan.m_seeds = seeds.isEmpty() ? QStringList{QString()} : seeds;
    qint64 count = plan.m_seeds.size();
    for (const SweepAxis &a : axes) {
        if (a.key.isEmpty() || a.values.isEmpty())
            return sweepError(QStringLiteral("sweep"),
                              QStringLiteral("an axis needs a key and at least one value"));
        count *= a.values.size();
        if (count > kMaxPoints)
            return sweepError(QStringLiteral("sweep"),
                              QStringLiteral("more than %1 grid points").arg(kMaxPoints));
    }
    const QString baseName = plan.m_base.value(QStringLiteral("name")).toString();
    // Row-major over the axes, seeds innermost: the points of one setting sit together.
    for (qint64 i = 0; i < count; ++i) {
        Point p;
        p.index = int(i);
        QJsonObject config = plan.m_base;
        qint64 rest = i;
        const QString seed = plan.m_seeds[int(rest % plan.m_seeds.size())];
        rest /= plan.m_seeds.size();
        QStringList label;
        QList<QPair<QString, QString>> chosen;
        for (int a = int(axes.size()) - 1; a >= 0; --a) {
            const QString value = axes[a].values[int(rest % axes[a].values.size())];
            rest /= axes[a].values.size();
            chosen.prepend({axes[a].key, value});
        }
        for (const auto &kv : chosen) {
            auto set = withSweepValue(config, kv.first, kv.second);
            if (!set)
                return set.error();
            config = set.value();
            p.values.insert(kv.first, kv.second);
            label << QStringLiteral("%1=%2").arg(kv.first, kv.second);
        }
        if (!seed.isEmpty()) {
            auto set = withSweepValue(config, QStringLiteral("seed"), seed);
            if (!set)
                return set.error();
            config = set.value();
            p.values.insert(QStringLiteral("seed"), seed);
            label << QStringLiteral("seed=%1").arg(seed);
        }
        p.name = QStringList{baseName, label.join(QLatin1Char(' '))}
                     .filter(QRegularExpression(QStringLiteral("\\S")))
                     .join(QLatin1Char(' '));
        config.insert(QStringLiteral("name"), p.name);
        auto parsed = family.value()->parseConfig(config);
        if (!parsed)
            return sweepError(QStringLiteral("sweep point %1").arg(p.name),
                              parsed.error().toString());
        p.config = parsed.value();
        plan.m_points << p;
    }
    return plan;
}

QJsonObject SweepPlan::manifest() const
{
    QJsonArray axes, points;
    for (const SweepAxis &a : m_axes)
        axes.append(QJsonObject{{QStringLiteral("key"), a.key},
                                {QStringLiteral("values"), QJsonArray::fromStringList(a.values)}});
    for (const Point &p : m_points)
        points.append(QJsonObject{{QStringLiteral("index"), p.index},
                                  {QStringLiteral("name"), p.name},
                                  {QStringLiteral("values"), p.values}});
    return {{QStringLiteral("format"), QString::fromLatin1(kFormat)},
            {QStringLiteral("version"), kVersion},
            {QStringLiteral("family"), runFamilyName(m_family)},
            {QStringLiteral("base"), m_base},
            {QStringLiteral("axes"), axes},
            {QStringLiteral("seeds"), QJsonArray::fromStringList(m_seeds)},
            {QStringLiteral("points"), points}};
}

QString SweepPlan::configPath(const QString &dir, int index)
{
    return QDir(dir).filePath(
        QStringLiteral("configs/%1.json").arg(index, 4, 10, QLatin1Char('0')));
}

QString SweepPlan::shardPath(const QString &dir, int index)
{
    return QDir(dir).filePath(
        QStringLiteral("shards/%1.sqlite").arg(index, 4, 10, QLatin1Char('0')));
}

QString SweepPlan::logPath(const QString &dir, int index)
{
    return QDir(dir).filePath(QStringLiteral("logs/%1.log").arg(index, 4, 10, QLatin1Char('0')));
}

Expected<Done> SweepPlan::write(const QString &dir) const
{
    QDir d(dir);
    const QString manifestPath = d.filePath(QStringLiteral("manifest.json"));
    if (QFile::exists(manifestPath)) {
        auto existing = read(dir);
        if (!existing)
            return existing.error();
        if (existing->manifest() != manifest())
            return sweepError(manifestPath,
                              QStringLiteral("holds another sweep; write this one elsewhere"));
    }
    for (const QString &sub :
         {QStringLiteral("configs"), QStringLiteral("shards"), QStringLiteral("logs")})
        if (!d.mkpath(sub))
            return sweepError(d.filePath(sub), QStringLiteral("cannot create the folder"));
    for (const Point &p : m_points)
        if (auto w = writeJson(configPath(dir, p.index), p.config); !w)
            return w.error();
    return writeJson(manifestPath, manifest());
}

Expected<SweepPlan> SweepPlan::read(const QString &dir)
{
    const QString manifestPath = QDir(dir).filePath(QStringLiteral("manifest.json"));
    auto manifest = readJsonObject(manifestPath, kMaxManifestBytes);
    if (!manifest)
        return manifest.error();
    const QJsonObject &m = manifest.value();
    if (m.value(QStringLiteral("format")).toString() != QLatin1String(kFormat) ||
        m.value(QStringLiteral("version")).toInt() != kVersion)
        return sweepError(manifestPath, QStringLiteral("not an Equiscope sweep manifest (format "
                                                       "'%1' version %2 expected)")
                                            .arg(QLatin1String(kFormat))
                                            .arg(kVersion));
    const QJsonArray axesJson = m.value(QStringLiteral("axes")).toArray();
    const QJsonArray seedsJson = m.value(QStringLiteral("seeds")).toArray();
    if (axesJson.size() > 16 || seedsJson.size() > kMaxPoints)
        return sweepError(manifestPath, QStringLiteral("too many axes or seeds"));
    QList<SweepAxis> axes;
    for (const QJsonValue &v : axesJson) {
        SweepAxis a;
        a.key = v.toObject().value(QStringLiteral("key")).toString();
        for (const QJsonValue &x : v.toObject().value(QStringLiteral("values")).toArray())
            a.values << x.toString();
        axes << a;
    }
    QStringList seeds;
    for (const QJsonValue &s : seedsJson)
        seeds << s.toString();
    // The plan is rebuilt from base, axes and seeds, so the configs are what they must be; a
    // config file edited by hand after writing is reported, not trained.
    auto plan = create(m.value(QStringLiteral("base")).toObject(), axes, seeds);
    if (!plan)
        return sweepError(manifestPath, plan.error().toString());
    if (plan->manifest() != m)
        return sweepError(manifestPath,
                          QStringLiteral("its points do not match its base config, axes and seeds "
                                         "(edited by hand, or written by another version)"));
    for (const Point &p : plan->points()) {
        auto stored = readJsonObject(configPath(dir, p.index), kMaxConfigBytes);
        if (!stored)
            return stored.error();
        if (stored.value() != p.config)
            return sweepError(configPath(dir, p.index),
                              QStringLiteral("differs from the manifest's point %1 (%2)")
                                  .arg(p.index)
                                  .arg(p.name));
    }
    return plan;
}

} // namespace equiscope
