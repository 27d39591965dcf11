#pragma once

#include "jobs/runjob.h"

#include "data/dataset.h"
#include "fairssl/fairsslconfig.h"

#include <memory>
#include <optional>

namespace equiscope {

class FairSslPipeline;

/// One run of the fair self-supervised family on a worker thread: embed → deduplicate →
/// retrieve → quality filter → pseudo-label → (weighted) SupCon → linear classifier, or the
/// subset a baseline uses. Every finished stage's outputs, report and thumbnails go to the store
/// in one transaction, every training epoch with its checkpoint (and the meta-weight histogram);
/// a resumed run restores the finished stages and continues inside the unfinished one.
/// Progress names the current stage (JobProgress::stage); epochs count the run's units.
class FairSslJob : public RunJob
{
    Q_OBJECT

public:
    FairSslJob(const FairSslConfig &config, const QString &storePath, QObject *parent = nullptr);
    /// Resumes run @p runId of the store at its first unfinished stage.
    static FairSslJob *resume(const QString &runId, const QString &storePath,
                              QObject *parent = nullptr);
    ~FairSslJob() override;

    /// Before running, copy the finished stages of run @p runId (same store) that this run would
    /// compute identically (FairSslConfig::stageInputs), so e.g. the baselines of one seed share
    /// one SimCLR encoder and one curation. Their reports say where they came from.
    void setReuseStagesFrom(const QString &runId) { m_reuseFrom = runId; }

    /// The run's config (for a resumed job: read from the store once the job ran).
    const FairSslConfig &config() const;

    RunFamily family() const override { return RunFamily::FairSsl; }
    QString methodName() const override;
    QString displayName() const override;
    /// The embed (SimCLR) and train (SupCon, weighted SupCon, cross-entropy) epochs split their
    /// batches over the ranks; rank 0 runs the other stages and hands their outputs over.
    bool supportsDataParallel() const override { return true; }

Q_SIGNALS:
    /// Stage @p stage finished with @p report (StageReport JSON); @p restored when a resumed run
    /// loaded it from the store instead of running it.
    void stageFinished(const QString &stage, const QJsonObject &report, bool restored);

protected:
    Expected<Done> loadConfig(const QJsonObject &config) override;
    Expected<Done> prepare() override;
    RunRecord newRunRecord() const override;
    JobEnd execute(RunStore &store, const QString &runId) override;

private:
    /// Runs the stages after those finished earlier, then the classifier.
    JobEnd runStages(RunStore &store, const QString &runId);
    /// The classifier stage: evaluation, final metrics and the run's summary.
    JobEnd runClassifier(RunStore &store, const QString &runId, int unit, int units);
    /// Failed, or Cancelled when cancel was requested while @p where ran.
    JobEnd failedOrCancelled(const DataError &error, const QString &where) const;

    FairSslConfig m_config;
    QString m_reuseFrom;
    std::optional<Dataset> m_dataset;
    std::unique_ptr<FairSslPipeline> m_pipeline;
};

} // namespace equiscope
