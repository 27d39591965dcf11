#pragma once

#include "runjob.h"

#include "engine/runconfig.h"

namespace equiscope {

/// One FARE-family training run on a worker thread: opens the dataset, records the run in the
/// store, trains epoch by epoch (checkpoint + metrics + attention snapshot each epoch, in one
/// transaction), evaluates, and reports.
class TrainingJob : public RunJob
{
    Q_OBJECT

public:
    /// A new run of @p config recorded in the store at @p storePath.
    TrainingJob(const RunConfig &config, const QString &storePath, QObject *parent = nullptr);
    /// Resumes run @p runId of the store from its last checkpoint.
    static TrainingJob *resume(const QString &runId, const QString &storePath,
                               QObject *parent = nullptr);
    ~TrainingJob() override;

    /// The run's config (for a resumed job: read from the store once the job ran).
    const RunConfig &config() const;

    RunFamily family() const override { return RunFamily::Fare; }
    QString methodName() const override;
    QString displayName() const override;

protected:
    void work() override;

private:
    RunConfig m_config;
    QString m_resumeRunId;
};

} // namespace equiscope
