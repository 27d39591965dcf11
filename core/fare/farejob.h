#pragma once

#include "jobs/runjob.h"

#include "data/dataset.h"
#include "fare/fareconfig.h"

#include <memory>
#include <optional>

namespace equiscope {

class FareSession;

/// One FARE-family training run on a worker thread: opens the dataset, records the run in the
/// store, trains epoch by epoch (checkpoint + metrics + attention snapshot each epoch, in one
/// transaction), evaluates, and reports.
class FareJob : public RunJob
{
    Q_OBJECT

public:
    /// A new run of @p config recorded in the store at @p storePath.
    FareJob(const FareConfig &config, const QString &storePath, QObject *parent = nullptr);
    /// Resumes run @p runId of the store from its last checkpoint.
    static FareJob *resume(const QString &runId, const QString &storePath,
                           QObject *parent = nullptr);
    ~FareJob() override;

    /// The run's config (for a resumed job: read from the store once the job ran).
    const FareConfig &config() const;

    RunFamily family() const override { return RunFamily::Fare; }
    QString methodName() const override;
    QString displayName() const override;

protected:
    Expected<Done> loadConfig(const QJsonObject &config) override;
    Expected<Done> prepare() override;
    RunRecord newRunRecord() const override;
    JobEnd execute(RunStore &store, const QString &runId) override;
    bool supportsDataParallel() const override { return true; }

private:
    FareConfig m_config;
    std::optional<Dataset> m_dataset;
    std::unique_ptr<FareSession> m_session;
};

} // namespace equiscope
