#pragma once

#include "data/npyfile.h"
#include "losses/lossconfig.h"

#include <QJsonObject>
#include <QVector>

namespace equiscope {

/// One evaluation of a contrastive loss on given projections, for `equiscope-cli loss` and
/// checks from other tools. Arrays are row-major float32 (as read by readNpy()).
struct LossEvaluationRequest
{
    LossConfig config;
    NpyMatrix u1, u2, z;    ///< b x d, b x d, b x dz (u1/u2 are L2-normalised here)
    NpyMatrix groups;       ///< optional b x 1 group ids (Fair-InfoNCE mask mode)
    bool reference = false; ///< evaluate the straightforward formula instead of the fast path
    bool doublePrecision = false;
    QString device = QStringLiteral("cpu"); ///< auto | cpu | cuda[:N]
    bool deviceGeneric = false; ///< take the device-generic path on CPU too (docs/design/gpu.md)
    QString precision =
        QStringLiteral("fp32"); ///< products of the device-generic path: fp32|bf16|fp16
    int repeat = 1;             ///< timed repetitions of forward + backward; the median is reported
};

/// Value, gradient norms and timing of one loss evaluation.
struct LossEvaluation
{
    double loss = 0;
    double gradNormU1 = 0;       ///< ||dL/du1||
    double gradNormU2 = 0;       ///< ||dL/du2||
    double attentionEntropy = 0; ///< NaN for losses without attention
    qint64 emptySupportRows = 0;
    double medianSeconds = 0; ///< forward + backward
    QVector<double> seconds;
    int threads = 0;
    QString device;           ///< where it ran ("cpu", "cuda:0")
    bool fusedEngine = false; ///< the last repetition ran in a fused CPU engine

    QJsonObject toJson() const;
};

/// Runs the loss of request.config on the arrays. Shape mismatches are DataErrors.
Expected<LossEvaluation> evaluateLoss(const LossEvaluationRequest &request);

} // namespace equiscope
