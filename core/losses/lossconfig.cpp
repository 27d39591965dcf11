#include "losses/lossconfig.h"

#include <QJsonArray>
#include <QJsonValue>

#include <array>
#include <utility>

namespace equiscope {

namespace {

const QString kSource = QStringLiteral("loss config");

template <typename E, std::size_t N> using NameTable = std::array<std::pair<E, const char *>, N>;

const NameTable<LossMethod, 5> kMethods{{{LossMethod::InfoNce, "infonce"},
                                         {LossMethod::FairInfoNce, "fair-infonce"},
                                         {LossMethod::Cclk, "cclk"},
                                         {LossMethod::Fare, "fare"},
                                         {LossMethod::SparseFare, "sparse-fare"}}};
const NameTable<LossConfig::Diagonal, 2> kDiagonals{
    {{LossConfig::Diagonal::Mask, "mask"}, {LossConfig::Diagonal::Keep, "keep"}}};
const NameTable<LossConfig::NegativeScale, 2> kNegativeScales{
    {{LossConfig::NegativeScale::One, "1"}, {LossConfig::NegativeScale::BatchMinusOne, "b-1"}}};
const NameTable<LossConfig::Support, 2> kSupports{
    {{LossConfig::Support::Adjacent, "adjacent"}, {LossConfig::Support::Intra, "intra"}}};
const NameTable<LossConfig::FairMode, 2> kFairModes{
    {{LossConfig::FairMode::Batch, "batch"}, {LossConfig::FairMode::Mask, "mask"}}};
const NameTable<LossConfig::Kernel, 5> kKernels{{{LossConfig::Kernel::Cosine, "cosine"},
                                                 {LossConfig::Kernel::Rbf, "rbf"},
                                                 {LossConfig::Kernel::Laplacian, "laplacian"},
                                                 {LossConfig::Kernel::Linear, "linear"},
                                                 {LossConfig::Kernel::Polynomial, "polynomial"}}};

template <typename E, std::size_t N> QString nameOf(const NameTable<E, N> &table, E value)
{
    for (const auto &entry : table) {
        if (entry.first == value)
            return QString::fromLatin1(entry.second);
    }
    return {};
}

template <typename E, std::size_t N> QStringList namesOf(const NameTable<E, N> &table)
{
    QStringList names;
    for (const auto &entry : table)
        names << QString::fromLatin1(entry.second);
    return names;
}

DataError optionError(const QString &key, const QString &expected, const QString &found)
{
    DataError e;
    e.file = kSource;
    e.field = key;
    e.expected = expected;
    e.found = found;
    return e;
}

QString describe(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return QLatin1Char('\'') + v.toString() + QLatin1Char('\'');
    case QJsonValue::Double:
        return QString::number(v.toDouble());
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    default:
        return QStringLiteral("nothing");
    }
}

// Reads the keys one by one; the first problem is thrown as a DataException and converted to an
// Expected at the public boundary, like the dataset readers do.
class Reader
{
public:
    explicit Reader(const QJsonObject &json) : m_json(json) {}

    template <typename E, std::size_t N>
    void readEnum(const char *key, const NameTable<E, N> &table, E &out)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined())
            return;
        const QString text = v.isDouble() ? QString::number(v.toDouble()) : v.toString();
        if (v.isString() || v.isDouble()) {
            for (const auto &entry : table) {
                if (text == QLatin1String(entry.second)) {
                    out = entry.first;
                    return;
                }
            }
        }
        fail(key, QStringLiteral("one of ") + namesOf(table).join(QStringLiteral(", ")), v);
    }

    void readDouble(const char *key, double &out, double min, bool minExclusive, double max)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined())
            return;
        const double x = v.toDouble();
        const bool okMin = minExclusive ? x > min : x >= min;
        if (!v.isDouble() || !okMin || x > max) {
            fail(key,
                 QStringLiteral("a number %1 %2%3")
                     .arg(minExclusive ? QStringLiteral(">") : QStringLiteral(">="))
                     .arg(min)
                     .arg(max < 1e300 ? QStringLiteral(" and <= %1").arg(max) : QString()),
                 v);
        }
        out = x;
    }

    void readInt(const char *key, int &out, int min, int max)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined())
            return;
        const double x = v.toDouble();
        if (!v.isDouble() || x != double(qint64(x)) || x < min || x > max)
            fail(key, QStringLiteral("an integer from %1 to %2").arg(min).arg(max), v);
        out = int(x);
    }

    void readSeed(const char *key, std::uint64_t &out)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined())
            return;
        // Seeds travel as strings when they do not fit a double exactly.
        bool ok = false;
        std::uint64_t seed = 0;
        if (v.isString()) {
            seed = v.toString().toULongLong(&ok);
        } else if (v.isDouble()) {
            const double x = v.toDouble();
            ok = x >= 0 && x == double(qint64(x)) && x < 9007199254740992.0;
            seed = std::uint64_t(x);
        }
        if (!ok)
            fail(key, QStringLiteral("a non-negative integer"), v);
        out = seed;
    }

    void readBool(const char *key, bool &out)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined())
            return;
        if (v.isBool()) {
            out = v.toBool();
            return;
        }
        const QString s = v.toString();
        if (s == QLatin1String("on")) {
            out = true;
        } else if (s == QLatin1String("off")) {
            out = false;
        } else {
            fail(key, QStringLiteral("true/false (or \"on\"/\"off\")"), v);
        }
    }

    void rejectRemaining()
    {
        if (!m_json.isEmpty()) {
            fail(m_json.begin().key().toLatin1().constData(), QStringLiteral("a known loss option"),
                 QJsonValue(QStringLiteral("unknown key")));
        }
    }

    [[noreturn]] void fail(const char *key, const QString &expected, const QJsonValue &found)
    {
        throw DataException(optionError(QString::fromLatin1(key), expected, describe(found)));
    }

private:
    QJsonValue take(const char *key)
    {
        const QString k = QString::fromLatin1(key);
        const QJsonValue v = m_json.value(k);
        m_json.remove(k);
        return v;
    }

    QJsonObject m_json;
};

enum class OptionType
{
    Text,
    Number,
    Integer,
    Boolean
};

OptionType optionType(const QString &key)
{
    static const QStringList numbers{QStringLiteral("temperature"),
                                     QStringLiteral("attentionScale"), QStringLiteral("bandwidth"),
                                     QStringLiteral("lambda")};
    static const QStringList integers{QStringLiteral("bucketSize"), QStringLiteral("hashRounds"),
                                      QStringLiteral("bins"), QStringLiteral("polynomialDegree")};
    if (numbers.contains(key))
        return OptionType::Number;
    if (integers.contains(key))
        return OptionType::Integer;
    if (key == QLatin1String("symmetric"))
        return OptionType::Boolean;
    return OptionType::Text;
}

} // namespace

QString lossMethodName(LossMethod method)
{
    return nameOf(kMethods, method);
}

QStringList lossMethodNames()
{
    return namesOf(kMethods);
}

Expected<LossMethod> lossMethodFromName(const QString &name)
{
    for (const auto &entry : kMethods) {
        if (name == QLatin1String(entry.second))
            return entry.first;
    }
    return optionError(QStringLiteral("method"),
                       QStringLiteral("one of ") + lossMethodNames().join(QStringLiteral(", ")),
                       QLatin1Char('\'') + name + QLatin1Char('\''));
}

QString diagonalName(LossConfig::Diagonal v)
{
    return nameOf(kDiagonals, v);
}
QString negativeScaleName(LossConfig::NegativeScale v)
{
    return nameOf(kNegativeScales, v);
}
QString supportName(LossConfig::Support v)
{
    return nameOf(kSupports, v);
}
QString fairModeName(LossConfig::FairMode v)
{
    return nameOf(kFairModes, v);
}
QString kernelName(LossConfig::Kernel v)
{
    return nameOf(kKernels, v);
}

QJsonObject LossConfig::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("method"), lossMethodName(method));
    o.insert(QStringLiteral("temperature"), temperature);
    o.insert(QStringLiteral("attentionScale"), attentionScale);
    o.insert(QStringLiteral("diagonal"), diagonalName(diagonal));
    o.insert(QStringLiteral("negativeScale"), negativeScaleName(negativeScale));
    o.insert(QStringLiteral("symmetric"), symmetric);
    o.insert(QStringLiteral("bucketSize"), bucketSize);
    o.insert(QStringLiteral("hashRounds"), hashRounds);
    o.insert(QStringLiteral("support"), supportName(support));
    o.insert(QStringLiteral("hashSeed"), QString::number(hashSeed));
    o.insert(QStringLiteral("fairMode"), fairModeName(fairMode));
    o.insert(QStringLiteral("bins"), bins);
    o.insert(QStringLiteral("kernel"), kernelName(kernel));
    o.insert(QStringLiteral("bandwidth"), bandwidth);
    o.insert(QStringLiteral("lambda"), lambda);
    o.insert(QStringLiteral("polynomialDegree"), polynomialDegree);
    return o;
}

Expected<LossConfig> LossConfig::fromJson(const QJsonObject &json)
{
    LossConfig c;
    try {
        Reader r(json);
        r.readEnum("method", kMethods, c.method);
        r.readDouble("temperature", c.temperature, 0.0, true, 1e300);
        r.readDouble("attentionScale", c.attentionScale, 0.0, true, 1e300);
        r.readEnum("diagonal", kDiagonals, c.diagonal);
        r.readEnum("negativeScale", kNegativeScales, c.negativeScale);
        r.readBool("symmetric", c.symmetric);
        r.readInt("bucketSize", c.bucketSize, 1, 1 << 20);
        r.readInt("hashRounds", c.hashRounds, 1, 8);
        r.readEnum("support", kSupports, c.support);
        r.readSeed("hashSeed", c.hashSeed);
        r.readEnum("fairMode", kFairModes, c.fairMode);
        r.readInt("bins", c.bins, 1, 1 << 20);
        r.readEnum("kernel", kKernels, c.kernel);
        r.readDouble("bandwidth", c.bandwidth, 0.0, true, 1e300);
        r.readDouble("lambda", c.lambda, 0.0, true, 1e300);
        r.readInt("polynomialDegree", c.polynomialDegree, 1, 10);
        r.rejectRemaining();
    } catch (const DataException &e) {
        return e.error();
    }
    return c;
}

Expected<LossConfig> LossConfig::withOption(const QString &key, const QString &value) const
{
    QJsonValue v;
    bool ok = true;
    switch (optionType(key)) {
    case OptionType::Number:
    case OptionType::Integer:
        v = value.toDouble(&ok);
        break;
    case OptionType::Boolean:
        if (value == QLatin1String("on") || value == QLatin1String("true") ||
            value == QLatin1String("1")) {
            v = true;
        } else if (value == QLatin1String("off") || value == QLatin1String("false") ||
                   value == QLatin1String("0")) {
            v = false;
        } else {
            ok = false;
        }
        break;
    case OptionType::Text:
        v = value;
        break;
    }
    if (!ok) {
        return optionError(key, QStringLiteral("a value of the right type"),
                           QLatin1Char('\'') + value + QLatin1Char('\''));
    }
    QJsonObject json = toJson();
    json.insert(key, v);
    return fromJson(json);
}

} // namespace equiscope
