#pragma once
// What the harnesses share: the fuzz input as a file (most readers take paths, as users give
// them), and running a reader so that only its documented failure counts as handled.

#include "util/expected.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <functional>

namespace fuzz {

/// The input as bytes.
QByteArray bytes(const uint8_t *data, size_t size);
/// Writes @p content to a file named @p name in this process's scratch folder (in /dev/shm when
/// it exists) and returns its path; the same path is reused by every run of the process.
QString writeInput(const QString &name, const QByteArray &content);
/// Runs @p read; a DataException (the readers' documented way to refuse input) is the expected
/// outcome for bad input, and must name what it refused. Anything else escaping — another
/// exception, a crash, a sanitizer report, a hang — is a finding.
void expectCleanRejection(const std::function<void()> &read);
/// The same for readers that return Expected<…>: an error must have a message.
void requireMessage(const equiscope::DataError &error);

} // namespace fuzz
