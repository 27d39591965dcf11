#pragma once

#include <QStringList>

namespace equiscope {

class SqliteConnection;

/// The run store's schema and its migrations (store-internal). The version lives in
/// PRAGMA user_version; each migration takes the schema from version N-1 to N.
class StoreSchema
{
public:
    /// Marks a database as a run store (PRAGMA application_id, "EQSC").
    static constexpr int kApplicationId = 0x45515343;

    /// The newest schema version this build knows.
    static int latestVersion();
    /// The SQL of one migration (1-based); tests use it to build old files by hand.
    static const char *migrationSql(int version);

    /// Throws a DataException naming the file unless it is empty or a run store this build can
    /// read (not newer, not someone else's database). Returns its schema version.
    static int check(SqliteConnection &connection);
    /// check(), then applies the missing migrations in one transaction. Returns the version the
    /// file had before.
    static int migrate(SqliteConnection &connection);
};

} // namespace equiscope
