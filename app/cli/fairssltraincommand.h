#pragma once

#include <QStringList>

namespace equiscope::cli {

/// Whether `train` @p arguments describe a fair-SSL run: --method is one of the family's
/// methods (fair-ssl, simclr, supcon, supervised-ce) or the --config JSON has family "fair-ssl".
bool isFairSslTrain(const QStringList &arguments);

/// `equiscope-cli train --method fair-ssl|simclr|supcon|supervised-ce ...`: the fair
/// self-supervised pipeline with its stage options, on a worker thread with progress on stderr
/// and a JSON summary on stdout.
int runFairSslTrainCommand(const QStringList &arguments);

} // namespace equiscope::cli
