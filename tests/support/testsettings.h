#pragma once
// The QSettings of a test run: a folder of its own, empty at the start, so that a test reads
// neither what the user's workbench remembered nor what an earlier run of the same test left
// (remembered launcher values, window geometry, language, theme, recent stores and datasets).

#include <QString>

namespace fixtures {

/// Points every QSettings of this process at @p directory (user and system scope, native and
/// INI format) and clears what is there. Call before the first object that reads settings.
void isolateSettings(const QString &directory);

} // namespace fixtures
