#pragma once

#include "data/dataset.h"
#include "fare/fareconfig.h"
#include "fare/modelstate.h"
#include "util/expected.h"

#include <QJsonObject>
#include <QStringList>

#include <atomic>

namespace equiscope {

/// What exportModel() wrote.
struct ModelExportResult
{
    QString directory;
    QStringList files;
    int tensors = 0;
    qint64 parameters = 0;
    /// How closely encoder.torchscript.pt and encoder.onnx reproduce the model
    /// (ExportedEncoderCheck::toJson()).
    QJsonObject encoderCheck;
};

/// Writes a run's trained model (encoder and projection head, from its last checkpoint) into
/// @p directory: model.safetensors (weights, no pickle), model.pt (LibTorch archive for C++),
/// config.json (architecture, preprocessing, the run config, metrics), model_card.md and
/// model_card.json, and a README.md on loading them.
Expected<ModelExportResult> exportModel(const QString &storePath, const QString &runKey,
                                        const QString &directory);

/// A model exported by exportModel(), read back from its directory.
struct ImportedModel
{
    QString directory;
    FareConfig config; ///< the run config it was trained with
    ModelState state;  ///< from model.safetensors
    QJsonObject configJson;
};
Expected<ImportedModel> importModel(const QString &directory);

/// Options of evaluateImportedModel(): the dataset and which columns play target and
/// sensitive roles there (empty = the names the model was trained with).
struct ModelEvaluationOptions
{
    DatasetSpec dataset;
    QString target;
    QStringList sensitive;
    qint64 probeTrainLimit = -1; ///< −1 = as trained
    qint64 testLimit = -1;
    int threads = 0;
};

/// Evaluates an imported model on another dataset with the evaluation protocol of training:
/// linear probes fitted on the new dataset's train split, group metrics with CIs on its test
/// split. Returns EvaluationReport JSON plus "model" and "dataset" facts.
Expected<QJsonObject> evaluateImportedModel(const ImportedModel &model,
                                            const ModelEvaluationOptions &options,
                                            const std::atomic<bool> &cancel);

/// What exportEmbeddings() wrote.
struct EmbeddingsExportResult
{
    QStringList files;
    qint64 samples = 0;
    int dim = 0;
};

/// Representations of the samples of @p split (frozen backbone, test-time view) of a run's
/// final model: embeddings.npy (N × d float32), embeddings.csv (sample, item, split, every
/// attribute, the metric group, e0..e{d−1}) and predictions.csv of the run's linear probe
/// (sample, label, pred, score, p_<class>..., group, sensitive attributes) — the input format
/// of `equiscope-cli audit`. @p limit > 0 keeps the first @p limit samples of the split.
Expected<EmbeddingsExportResult> exportEmbeddings(const QString &storePath, const QString &runKey,
                                                  Split split, const QString &directory,
                                                  qint64 limit, const std::atomic<bool> &cancel);

} // namespace equiscope
