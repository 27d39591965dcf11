#pragma once

#include "clustering/clusteringdata.h"
#include "clustering/clusteringinference.h"
#include "clustering/crossattentionsnapshot.h"

#include "eval/clusteringmetrics.h"

#include <QJsonObject>
#include <QVector>

#include <array>
#include <atomic>
#include <functional>
#include <memory>

namespace equiscope {

/// What one training epoch of the clustering transformer did.
class DataParallelGroup;

struct ClusteringEpochReport
{
    int epoch = 0;
    double loss = 0; ///< mean total loss
    double bce = 0;
    double fm = 0;                 ///< mean 1 − soft FM
    double purityPenalty = 0;      ///< reported even when not part of the loss
    double valFScore = kUndefined; ///< pairwise F on the validation identities (config thresholds)
    /// The same F per sensitive group on the validation identities: the lowest and the std
    /// across the groups that are not too small (ClusteringReport::acrossGroups).
    double valFScoreMin = kUndefined;
    double valFScoreStd = kUndefined;
    double learningRate = 0;
    double seconds = 0;
    double anchorsPerSecond = 0;
    bool cancelled = false;
    QJsonObject toJson() const;
};

/// The clustering of every row and its evaluation on the test identities.
struct ClusteringResult
{
    std::vector<int64_t> predicted; ///< every input row; each split is clustered on its own
    std::vector<Split> splitOf;     ///< the identity split of every row
    ClusteringReport report;        ///< on the test identities
    ThresholdChoice thresholds;     ///< applied to every split
    bool thresholdsTuned = false;   ///< chosen on the validation identities
    QMap<Split, qint64> samples, identities;
    double seconds = 0;
    /// {"index", and for approximate graphs "recallSample", "recall" per split and
    /// "testRecallByGroup"}: how much of the exact neighbourhood the graph found.
    QJsonObject knn;
    double knnRecall = kUndefined;         ///< test split, approximate graphs
    double knnRecallGroupMin = kUndefined; ///< lowest per-group test recall
    /// {"method", "thresholds", "splits", "knn", "metrics" (flat headline numbers), "report"}.
    QJsonObject toJson(const QString &method) const;
    /// The flat headline numbers: every overall score, purity, <score>_group_std/min/max, and
    /// knn_recall / knn_recall_group_min for approximate graphs.
    QJsonObject headline() const;
};

/// One clustering run on one input (docs/design/methods/clustering.md): identity splits, the kNN
/// graph of each, the transformer (trained on train identities) or a baseline, thresholds on
/// validation and evaluation on test. LibTorch stays inside. Not thread-safe: use from one (worker)
/// thread.
class ClusteringSession
{
public:
    /// Validates the config against the data (k below every split's size, …).
    static Expected<std::unique_ptr<ClusteringSession>> create(const ClusteringConfig &config,
                                                               ClusteringData data);
    ~ClusteringSession();

    /// Builds the kNN graphs of the splits the method needs. @p progress gets rows done/total.
    Expected<Done> buildGraphs(const std::atomic<bool> &cancel,
                               const std::function<void(qint64, qint64)> &progress = {});
    bool trains() const;
    qint64 stepsPerEpoch() const;
    /// Trains one epoch (1-based); stops within one step when @p cancel becomes true.
    Expected<ClusteringEpochReport>
    runEpoch(int epoch, const std::atomic<bool> &cancel,
             const std::function<void(qint64 step, qint64 steps, double loss)> &progress = {});
    /// Makes every following epoch this rank's share of a data-parallel run of @p group: the
    /// transformer runs on this rank's anchors of each batch, the loss on every rank's logits,
    /// gradients are summed (docs/design/distributed.md). Only rank 0 scores validation.
    Expected<Done> setDataParallel(std::shared_ptr<DataParallelGroup> group);
    QByteArray saveCheckpoint(int epoch) const;
    /// Restores a checkpoint; returns the epoch it was taken after.
    Expected<int> restoreCheckpoint(const QByteArray &checkpoint);
    /// Empty (no anchors) for methods without Cross-attention.
    CrossAttentionSnapshot crossAttentionSnapshot(int epoch);
    /// Evaluation work as it goes: a stage ("scoring val", "thresholds", "clustering test", …)
    /// and the units of it done so far (rows scored, grid thresholds tried, rows clustered).
    using EvaluationProgress = std::function<void(const QString &stage, qint64 done, qint64 total)>;
    /// Thresholds on validation, clusters of every split, metrics on test. Stops within one
    /// chunk of rows or one edge threshold of the grid when @p cancel becomes true.
    Expected<ClusteringResult> evaluate(const std::atomic<bool> &cancel,
                                        const EvaluationProgress &progress = {});

    const ClusteringConfig &config() const;
    const ClusteringData &data() const;
    /// Rows of the train, validation and test identities.
    std::array<qint64, 3> splitRows() const;
    /// e.g. "train 600 samples / 60 identities, val …".
    QString splitSummary() const;

private:
    ClusteringSession();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace equiscope
