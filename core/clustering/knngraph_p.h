#pragma once

// Shared by the exact engine (knngraph.cpp) and the FAISS indexes (knngraphfaiss.cpp); the
// benchmark uses the FAISS exact index to compare it with the own exact engine.
#include "clustering/knngraph.h"

namespace equiscope {

DataError knnError(const QString &detail);

/// The graph of @p n L2-normalised rows through a FAISS index: @p options.index HNSW or IVF, or
/// FAISS's exact IndexFlatIP when @p flat (kept for the side-by-side benchmark). The row itself is
/// put first (FAISS may rank an exact duplicate before it).
Expected<KnnGraph> buildFaissKnnGraph(const float *normalized, qint64 n, int dim, int k,
                                      const KnnOptions &options, bool flat = false);

/// @p count distinct rows of 0 … n − 1 drawn with @p seed (a partial Fisher–Yates shuffle, in
/// draw order); all n rows in order when count ≥ n. Recall samples and IVF training samples.
std::vector<qint64> seededRowSample(qint64 n, qint64 count, quint64 seed);

/// The row's similarity to itself (1, or 0 for a zero row), listed first in every graph row.
inline float selfSimilarity(const float *row, int dim)
{
    double s = 0;
    for (int d = 0; d < dim; ++d)
        s += double(row[d]) * row[d];
    return float(s);
}

/// Rows L2-normalised into a new buffer (a zero row stays zero); fails on a non-finite value.
Expected<std::vector<float>> normalizedRows(const float *rows, qint64 n, int dim);

} // namespace equiscope
