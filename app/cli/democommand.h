#pragma once

#include <QStringList>

namespace equiscope::cli {

/// `equiscope-cli demo`: the headless main job on the embedded default dataset (Colored
/// Fashion-MNIST from Debian's dataset-fashion-mnist), printing what it did.
int runDemoCommand(const QStringList &arguments);

/// Versions of Equiscope and its libraries, and the BLAS in use.
QString versionText();

} // namespace equiscope::cli
