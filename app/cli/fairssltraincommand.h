#pragma once

#include "store/runrecord.h"

#include <QStringList>

namespace equiscope::cli {

/// The family `train` @p arguments ask for (FamilyRegistry): the family of --method, else of
/// the --config JSON, else FARE (whose command then reports what is wrong with them).
RunFamily requestedTrainFamily(const QStringList &arguments);

/// `equiscope-cli train --method fair-ssl|simclr|supcon|supervised-ce ...`: the fair
/// self-supervised pipeline with its stage options, on a worker thread with progress on stderr
/// and a JSON summary on stdout.
int runFairSslTrainCommand(const QStringList &arguments);

} // namespace equiscope::cli
