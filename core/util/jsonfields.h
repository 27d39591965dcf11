#pragma once

#include "util/expected.h"

#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <limits>
#include <optional>

namespace equiscope {

/// Reads the fields of one JSON object strictly, for configs that are reproducible specs: a
/// field of the wrong type is an error, not its default, and a key nobody reads is an error
/// too (a misspelt option must not silently fall back). Missing fields keep the caller's
/// defaults. Errors name the file and the key's JSON path ("augment.horizontalFlip").
class JsonFields
{
public:
    JsonFields(const QJsonObject &object, const QString &file, const QString &path = {});

    JsonFields &text(const QString &key, QString &out);
    /// A whole number in [@p min, @p max].
    JsonFields &integer(const QString &key, int &out, int min = std::numeric_limits<int>::min(),
                        int max = std::numeric_limits<int>::max());
    JsonFields &integer(const QString &key, qint64 &out,
                        qint64 min = std::numeric_limits<qint64>::min(),
                        qint64 max = std::numeric_limits<qint64>::max());
    /// A 64-bit unsigned number written as decimal text (JSON numbers lose bits past 2^53) or
    /// as a whole JSON number.
    JsonFields &unsigned64(const QString &key, quint64 &out);
    /// A finite number.
    JsonFields &number(const QString &key, double &out);
    /// A finite number in [@p min, @p max].
    JsonFields &number(const QString &key, double &out, double min, double max);
    JsonFields &flag(const QString &key, bool &out);
    /// An array of strings, or one comma-separated string.
    JsonFields &textList(const QString &key, QStringList &out);
    JsonFields &object(const QString &key, QJsonObject &out);
    /// A key that is known but read elsewhere.
    JsonFields &known(const QString &key);

    /// The first field of the wrong type, else the first key no call above named.
    std::optional<DataError> error() const;

private:
    bool fail(const QString &key, const QString &expected, const QJsonValue &found);
    std::optional<QJsonValue> take(const QString &key);

    QJsonObject m_object;
    QString m_file;
    QString m_path;
    QSet<QString> m_known;
    std::optional<DataError> m_error;
};

} // namespace equiscope
