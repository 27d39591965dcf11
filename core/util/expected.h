#pragma once

#include <QString>

#include <exception>
#include <optional>
#include <utility>

namespace equiscope {

/// A problem with input data: names the file, where in it, what was expected and what was found.
struct DataError
{
    QString file;
    qint64 line = -1;   ///< 1-based line number, or -1 when not line-oriented
    qint64 offset = -1; ///< byte offset, or -1 when unknown
    QString field;      ///< column or field name, if any
    QString expected;
    QString found;
    QString detail; ///< free text when expected/found do not fit

    /// One line, e.g. "list_attr_celeba.txt:12: field 'Male': expected 1 or -1, found '2'".
    QString toString() const;
};

/// Thrown inside readers; converted to an Expected<T> at the public boundary.
class DataException : public std::exception
{
public:
    explicit DataException(DataError error);
    const DataError &error() const { return m_error; }
    const char *what() const noexcept override { return m_what.constData(); }

private:
    DataError m_error;
    QByteArray m_what;
};

/// The value of a successful operation that has nothing else to return: Expected<Done> is the
/// project's one success-or-error type.
struct Done
{
};

/// Either a value or a DataError. Core functions return this instead of showing anything.
template <typename T> class Expected
{
public:
    Expected(T value) : m_value(std::move(value)) {}
    Expected(DataError error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    T &value() { return *m_value; }
    const T &value() const { return *m_value; }
    T *operator->() { return &*m_value; }
    const T *operator->() const { return &*m_value; }
    const DataError &error() const { return m_error; }
    /// The value, or @p fallback on error.
    T value_or(T fallback) const { return m_value ? *m_value : std::move(fallback); }

private:
    std::optional<T> m_value;
    DataError m_error;
};

/// The error of field @p field of @p file: expected @p expected, found @p found (configs, JSON).
DataError fieldError(const QString &file, const QString &field, const QString &expected,
                     const QString &found);

/// A problem with @p file (a path, or a name like "encoder.onnx") described in words.
DataError fileError(const QString &file, const QString &detail);

/// Convenience for readers: throw a DataError built from its parts.
[[noreturn]] void throwDataError(const QString &file, qint64 line, const QString &expected,
                                 const QString &found, const QString &field = {});
[[noreturn]] void throwDataErrorAt(const QString &file, qint64 offset, const QString &expected,
                                   const QString &found);
[[noreturn]] void throwDataProblem(const QString &file, const QString &detail);

} // namespace equiscope
