#pragma once

#include "util/expected.h"

#include <QStringList>

namespace equiscope::fairsslconfig_detail {

/// An error in the fair-SSL run config: the field, what it expects and what it found.
DataError configError(const QString &field, const QString &expected, const QString &found);
/// Whether @p value is one of @p accepted.
bool oneOf(const QString &value, const QStringList &accepted);

} // namespace equiscope::fairsslconfig_detail
