#pragma once

#include "util/expected.h"

#include <QVector>

#include <functional>

namespace equiscope {

/// A principal-component projection.
struct PcaResult
{
    QVector<float> points;                  ///< rows × components, row-major
    QVector<double> explainedVarianceRatio; ///< per component, of the total variance
    QVector<double> components;             ///< components × cols unit vectors, row-major
};

/// Projects the rows of @p data (rows × cols, row-major) on their first @p components principal
/// components (covariance eigenvectors of the centred data, in double precision). Signs are fixed
/// so that the largest-magnitude loading of each component is positive: the same data always
/// gives the same picture. Fails on fewer than 2 rows or a size mismatch.
Expected<PcaResult> principalComponents(const QVector<float> &data, int rows, int cols,
                                        int components = 2);

/// Options of t-SNE (van der Maaten & Hinton 2008; Barnes–Hut: van der Maaten 2014).
struct TsneOptions
{
    double perplexity = 30; ///< effective neighbour count (clamped to (rows − 1) / 3)
    int iterations = 750;
    double theta = 0.5;       ///< Barnes–Hut accuracy; 0 = exact gradient
    double learningRate = 0;  ///< 0 = automatic: max(rows / exaggeration / 4, 50)
    double exaggeration = 12; ///< early exaggeration of P
    int exaggerationIterations = 250;
    int pcaDimensions = 50; ///< inputs wider than this are first reduced by PCA
    quint64 seed = 1;       ///< initial layout: the same seed gives the same result
};

/// Called every few iterations with (done, total); return false to cancel.
using ProjectionProgress = std::function<bool(int done, int total)>;

/// 2-D t-SNE of the rows of @p data (rows × cols). Input affinities use the 3·perplexity nearest
/// neighbours (exact search: meant for up to a few thousand rows); the repulsive forces use a
/// Barnes–Hut quadtree. Single-threaded and deterministic for a given seed. Returns rows × 2;
/// fails on a size mismatch, fewer than 4 rows, or when @p progress cancels ("cancelled").
Expected<QVector<float>> tsne(const QVector<float> &data, int rows, int cols,
                              const TsneOptions &options = {},
                              const ProjectionProgress &progress = {});

} // namespace equiscope
