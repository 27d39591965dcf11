#include "util/jsonfields.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace equiscope {

namespace {

QString jsonText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::String:
        return QStringLiteral("\"%1\"").arg(v.toString());
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

} // namespace

JsonFields::JsonFields(const QJsonObject &object, const QString &file, const QString &path)
    : m_object(object), m_file(file), m_path(path)
{
}

bool JsonFields::fail(const QString &key, const QString &expected, const QJsonValue &found)
{
    if (!m_error)
        m_error = fieldError(m_file, m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key,
                             expected, jsonText(found).left(120));
    return false;
}

std::optional<QJsonValue> JsonFields::take(const QString &key)
{
    m_known.insert(key);
    if (!m_object.contains(key))
        return std::nullopt;
    return m_object.value(key);
}

JsonFields &JsonFields::text(const QString &key, QString &out)
{
    if (const std::optional<QJsonValue> v = take(key)) {
        if (v->isString())
            out = v->toString();
        else
            fail(key, QStringLiteral("a string"), *v);
    }
    return *this;
}

JsonFields &JsonFields::integer(const QString &key, int &out, int min, int max)
{
    qint64 wide = out;
    integer(key, wide, min, max);
    out = int(wide);
    return *this;
}

JsonFields &JsonFields::integer(const QString &key, qint64 &out, qint64 min, qint64 max)
{
    if (const std::optional<QJsonValue> v = take(key)) {
        const double d = v->toDouble(std::nan(""));
        // Whole numbers only, and within the range before any conversion (no wrap-around).
        if (!v->isDouble() || !std::isfinite(d) || d != std::floor(d) || d < double(min) ||
            d > double(max))
            fail(key,
                 min == std::numeric_limits<qint64>::min() &&
                         max == std::numeric_limits<qint64>::max()
                     ? QStringLiteral("a whole number")
                     : QStringLiteral("a whole number from %1 to %2").arg(min).arg(max),
                 *v);
        else
            out = qint64(d);
    }
    return *this;
}

JsonFields &JsonFields::unsigned64(const QString &key, quint64 &out)
{
    if (const std::optional<QJsonValue> v = take(key)) {
        bool ok = false;
        quint64 value = 0;
        if (v->isString()) {
            value = v->toString().toULongLong(&ok);
        } else if (v->isDouble()) {
            const double d = v->toDouble();
            ok = std::isfinite(d) && d >= 0 && d == std::floor(d) && d < 9007199254740992.0;
            value = ok ? quint64(d) : 0;
        }
        if (ok)
            out = value;
        else
            fail(key, QStringLiteral("a non-negative whole number (as decimal text)"), *v);
    }
    return *this;
}

JsonFields &JsonFields::number(const QString &key, double &out)
{
    if (const std::optional<QJsonValue> v = take(key)) {
        if (v->isDouble() && std::isfinite(v->toDouble()))
            out = v->toDouble();
        else
            fail(key, QStringLiteral("a finite number"), *v);
    }
    return *this;
}

JsonFields &JsonFields::number(const QString &key, double &out, double min, double max)
{
    if (const std::optional<QJsonValue> v = take(key)) {
        const double d = v->toDouble(std::nan(""));
        if (v->isDouble() && std::isfinite(d) && d >= min && d <= max)
            out = d;
        else
            fail(key, QStringLiteral("a number from %1 to %2").arg(min).arg(max), *v);
    }
    return *this;
}

JsonFields &JsonFields::flag(const QString &key, bool &out)
{
    if (const std::optional<QJsonValue> v = take(key)) {
        if (v->isBool())
            out = v->toBool();
        else
            fail(key, QStringLiteral("true or false"), *v);
    }
    return *this;
}

JsonFields &JsonFields::textList(const QString &key, QStringList &out)
{
    if (const std::optional<QJsonValue> v = take(key)) {
        if (v->isString()) {
            out = v->toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        } else if (v->isArray()) {
            QStringList list;
            for (const QJsonValue &item : v->toArray()) {
                if (!item.isString()) {
                    fail(key, QStringLiteral("an array of strings"), *v);
                    return *this;
                }
                list << item.toString();
            }
            out = list;
        } else {
            fail(key, QStringLiteral("an array of strings"), *v);
        }
    }
    return *this;
}

JsonFields &JsonFields::object(const QString &key, QJsonObject &out)
{
    if (const std::optional<QJsonValue> v = take(key)) {
        if (v->isObject())
            out = v->toObject();
        else
            fail(key, QStringLiteral("an object"), *v);
    }
    return *this;
}

JsonFields &JsonFields::known(const QString &key)
{
    m_known.insert(key);
    return *this;
}

std::optional<DataError> JsonFields::error() const
{
    if (m_error)
        return m_error;
    QStringList knownKeys = m_known.values();
    knownKeys.sort();
    for (auto it = m_object.begin(); it != m_object.end(); ++it)
        if (!m_known.contains(it.key()))
            return fieldError(m_file,
                              m_path.isEmpty() ? it.key() : m_path + QLatin1Char('.') + it.key(),
                              QStringLiteral("one of %1").arg(knownKeys.join(QStringLiteral(", "))),
                              QStringLiteral("an unknown key"));
    return std::nullopt;
}

} // namespace equiscope
