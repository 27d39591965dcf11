#pragma once

#include <QtGlobal>

namespace equiscope {

/// Appends "epoch step loss" to the file named by EQUISCOPE_STEP_LOSS_LOG (nothing when it is
/// unset): every training step's loss, for comparing two runs step by step (the data-parallel
/// determinism tests). Call it from the process that records the run only.
void traceStepLoss(int epoch, qint64 step, double value);

} // namespace equiscope
