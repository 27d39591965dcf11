#pragma once
// Private (LibTorch) header: pseudo-labels of the fair-SSL pipeline
// (docs/design/methods/fair-ssl.md stage 5). Embeddings are rows of L2-normalised float matrices.

#include "util/expected.h"

#include <torch/torch.h>

#include <QString>

#include <vector>

namespace equiscope::pseudolabels {

/// A class and a confidence in [0, 1] per image.
struct Labels
{
    std::vector<int> label;
    std::vector<float> confidence;
};

/// Spherical k-means (cosine, k-means++ initialisation, @p restarts runs, the best by total
/// cosine kept). Returns the cluster of every row; @p centroids (K×d, normalised) if given.
std::vector<int> sphericalKMeans(const torch::Tensor &embeddings, int k, quint64 seed,
                                 torch::Tensor *centroids = nullptr, int iterations = 50,
                                 int restarts = 4);

/// k-means with K = @p classes; each cluster takes the majority class of the labelled rows in it
/// (ties and clusters without labelled rows: the class whose labelled mean is closest to the
/// centroid). Confidence = distance margin: (cos to the own centroid − best cos to a centroid of
/// another class) / 2, clipped to [0, 1]. Labelled rows keep their true class (confidence 1).
Labels kmeansLabels(const torch::Tensor &embeddings, const std::vector<int64_t> &labelledRows,
                    const std::vector<int> &labelledClasses, int classes, quint64 seed);

/// kNN propagation: the @p k most similar labelled rows vote with weight exp(cos / 0.1);
/// confidence = the winning class's share of the vote. Labelled rows keep their true class.
Labels knnLabels(const torch::Tensor &embeddings, const std::vector<int64_t> &labelledRows,
                 const std::vector<int> &labelledClasses, int classes, int k);

/// Zero-shot: softmax(scale · cos(image, class text embedding)); confidence = max probability.
Labels zeroShotLabels(const torch::Tensor &embeddings, const torch::Tensor &classEmbeddings,
                      double scale);

/// Class text embeddings from a .npy (C×d) or a CSV (one row per class: d numbers, optionally
/// after a class name in the first column), L2-normalised. Errors name the file: unreadable,
/// rows ≠ @p classes (listing @p classNames), or a width other than @p dim (when dim > 0).
Expected<torch::Tensor> readClassEmbeddings(const QString &path, int classes,
                                            const QStringList &classNames, int dim);

} // namespace equiscope::pseudolabels
