#pragma once
// Shared by the run store tests: a run with every field set, byte patterns, raw SQL through Qt's
// own SQLite driver (independent of RunStore), and unwrapping of Expected values.

#include "store/runrecord.h"
#include "util/expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

#include <utility>

namespace equiscope::storefixtures {

QDateTime utc(int h, int m, int s, int ms);
/// A run record with every field set to a distinctive value.
RunRecord fullRun();
/// @p size bytes of a pattern that depends on @p seed.
QByteArray pattern(int size, int seed);
/// Runs SQL on @p file through Qt's SQLite driver; false (and a warning) if a statement fails.
bool execSql(const QString &file, const QStringList &statements);
/// PRAGMA user_version of @p file, −1 when unreadable.
int userVersion(const QString &file);

template <typename T> T take(Expected<T> e)
{
    if (!e)
        qFatal("unexpected error: %s", qPrintable(e.error().toString()));
    return std::move(e.value());
}

} // namespace equiscope::storefixtures
