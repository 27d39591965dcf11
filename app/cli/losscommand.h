#pragma once

#include <QStringList>

namespace equiscope::cli {

/// `equiscope-cli loss --method NAME --u1 A.npy --u2 B.npy --z Z.npy [...]`: value, gradient
/// norms and timing of one contrastive loss on saved projections.
int runLossCommand(const QStringList &arguments);

} // namespace equiscope::cli
