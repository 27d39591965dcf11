#pragma once
// What the FARE session reports while it trains (FareSession::runEpoch()), in a header of its
// own so that jobs, views and tests need not include the session.

#include <QJsonObject>

namespace equiscope {

/// Throttling is the job's business: the session reports every step.
struct StepProgress
{
    int epoch = 0;
    qint64 step = 0;
    qint64 stepsPerEpoch = 0;
    double loss = 0;
};

/// What one epoch did.
struct EpochReport
{
    int epoch = 0;
    double meanLoss = 0;
    double attentionEntropy = -1; ///< mean over steps; −1 when the method has no attention
    qint64 emptySupportRows = 0;
    double learningRate = 0;
    double seconds = 0;
    double imagesPerSecond = 0;
    /// Data-parallel runs: seconds this rank spent in collectives (moving data and waiting for
    /// the slowest rank); −1 in a one-process run.
    double communicationSeconds = -1;
    bool cancelled = false;
    QJsonObject toJson() const;
};

} // namespace equiscope
