#pragma once

#include "jobs/runjob.h"

#include <memory>

#include "clustering/clusteringconfig.h"

#include <QMutex>
#include <QVector>

#include <vector>

namespace equiscope {

class ClusteringSession;

class RunStore;
struct ClusteringResult;

/// One fair-clustering run on a worker thread: loads the features (or a run's embeddings),
/// builds the kNN graphs, trains the transformer epoch by epoch (checkpoint + metrics +
/// Cross-attention snapshot per epoch, in one store transaction) or runs a baseline, picks the
/// thresholds on the validation identities and records the test metrics, per-group purity and
/// cluster sizes.
class ClusteringJob : public RunJob
{
    Q_OBJECT

public:
    /// A new run of @p config recorded in the store at @p storePath.
    ClusteringJob(const ClusteringConfig &config, const QString &storePath,
                  QObject *parent = nullptr);
    /// Resumes run @p runId of the store from its last checkpoint.
    static ClusteringJob *resume(const QString &runId, const QString &storePath,
                                 QObject *parent = nullptr);
    ~ClusteringJob() override;

    /// The run's config (for a resumed job: read from the store once the job ran).
    const ClusteringConfig &config() const;
    /// The predicted cluster of every input row once the job finished (empty otherwise).
    std::vector<int64_t> predictedLabels() const;
    /// The full evaluation (thresholds, splits, headline metrics, report) once finished.
    QJsonObject evaluation() const;

    RunFamily family() const override { return RunFamily::Clustering; }
    QString methodName() const override;
    QString displayName() const override;

protected:
    Expected<Done> loadConfig(const QJsonObject &config) override;
    Expected<Done> prepare() override;
    RunRecord newRunRecord() const override;
    JobEnd execute(RunStore &store, const QString &runId) override;
    /// The transformer methods train data-parallel; the model-free baselines run in one process.
    bool supportsDataParallel() const override { return clusteringMethodTrains(m_config.method); }

private:
    /// Trains the transformer from @p startEpoch (a checkpoint each epoch).
    JobEnd train(RunStore &store, const QString &runId, int startEpoch);
    /// Thresholds, test metrics and the artifacts of the evaluation.
    JobEnd evaluateAndStore(RunStore &store, const QString &runId);

    ClusteringConfig m_config;
    QString m_source; ///< what the features came from (a file, a run)
    std::unique_ptr<ClusteringSession> m_session;
    mutable QMutex m_resultMutex;
    std::vector<int64_t> m_predicted;
    QJsonObject m_evaluation;
};

/// The final metric rows of a clustering evaluation: every overall score and purity, the same
/// per group (group field, group size; a too-small group as one too_small_to_judge row, its
/// weighted purity kept) and <score>_group_std / _group_min / _group_max.
QVector<MetricRow> clusteringMetricRows(const ClusteringResult &result);

} // namespace equiscope
